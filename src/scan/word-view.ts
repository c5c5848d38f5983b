// The word view (built from the entity view): lower case, Latin diacritics and Arabic/Hebrew vowel
// marks dropped, confusable letters folded to Latin in words that are mainly Latin, leetspeak undone,
// runs of single spaced or dotted letters joined, and every run of spaces and punctuation turned into
// one space. Lexicon terms pass through the same two steps, so both sides are compared in one form.
import { prototypeOf } from "../text/confusables.ts";
import { MAX_CACHED_CHARS, MappedBuilder, T, flagsOf, origEnd, origStart, type Mapped } from "./mapped.ts";
import { entityView, newEntityCache, type EntityCache } from "./entity-view.ts";

const WORD = /^[\p{L}\p{M}\p{N}]$/u;
const MARK = /^\p{M}$/u;
const LETTER = /^\p{L}$/u;
const LATIN = /^\p{Script=Latin}$/u;
/** Hebrew and Arabic one-letter proclitics. */
const PREFIX_LETTERS = new Set([..."הובלמשכ", ..."وفبلك"]);
/** Fewest single letters in a run that is read as one spaced-out word (p i x, O.T.P, w h a t s a p p). */
const MIN_JOINED = 3;

// ---- the word view ----

const IS_LEET_CODE = new Uint8Array(0x80);
for (const c of "@!$|0134578") IS_LEET_CODE[c.charCodeAt(0)] = 1;
const LAM = "ل".charCodeAt(0);
/** Digits and @ standing for Cyrillic letters inside Cyrillic words. */
const CYRILLIC_LEET: Record<string, string> = { "0": "о", "3": "з", "4": "ч", "6": "б", "@": "а" };
const CYRILLIC = /^\p{Script=Cyrillic}$/u;
const LEET: Record<string, string> = { "@": "a", "!": "i", "$": "s", "|": "l", "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t" };
/** Letters that NFD does not take apart but readers see as the base letter. */
const LETTER_FOLD: Record<string, string> = { ı: "i", ł: "l", ø: "o", đ: "d", ħ: "h", ß: "ss", æ: "ae", œ: "oe", þ: "th", ŀ: "l" };
/** Small capitals (ᴀɴʏᴅᴇsᴋ): Latin letters that UTS #39 keeps apart but every reader reads as a-z. */
const SMALL_CAPS: Record<string, string> = { ᴀ: "a", ʙ: "b", ᴄ: "c", ᴅ: "d", ᴇ: "e", ꜰ: "f", ɢ: "g", ʜ: "h", ɪ: "i", ᴊ: "j", ᴋ: "k", ʟ: "l", ᴍ: "m", ɴ: "n", ᴏ: "o", ᴘ: "p", ǫ: "q", ʀ: "r", ꜱ: "s", ᴛ: "t", ᴜ: "u", ᴠ: "v", ᴡ: "w", ʏ: "y", ᴢ: "z" };
/** Arabic letter variants written interchangeably in chat. */
const ARABIC_FOLD: Record<string, string> = { "آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه", "ک": "ك" };

function isDroppedMark(c: number): boolean {
  // Arabic harakat and tatweel, Hebrew points and cantillation: optional in writing.
  return (c >= 0x64b && c <= 0x65f) || c === 0x670 || c === 0x640 || (c >= 0x591 && c <= 0x5bd) || c === 0x5bf || c === 0x5c1 || c === 0x5c2 || c === 0x5c4 || c === 0x5c5 || c === 0x5c7;
}

/** Trailing punctuation the plain-word fast path steps over ("thanks," "ok!" "(yes)"), by code. */
const IS_TRAILING_PUNCT = new Uint8Array(0x80);
for (const c of ".,;:!?)\"'") IS_TRAILING_PUNCT[c.charCodeAt(0)] = 1;
const ALEF = "ا".charCodeAt(0);
const PREFIX_LETTER_CODES = new Set([...PREFIX_LETTERS].map((c) => c.charCodeAt(0)));

/** What the word view needs to know about one code point; computed once per scanner (see CharCache). */
type CharInfo = {
  out: string;
  /** The code point of out when it is one, NO_OUT when out is empty, SEVERAL_OUT when longer. */
  outCp: number;
  f: number;
  /** The class of outCp and whether it is a Latin letter (when out is one code point): saves two look-ups per character. */
  outClass: number;
  outLatin: boolean;
  cls: 0 | 1 | 2;
  letter: boolean;
  latin: boolean;
  /** Of the Cyrillic script (leet digits inside Cyrillic words, Latin look-alikes folded into them). */
  cyrillic: boolean;
  asciiProto: string | null;
};
const NO_OUT = -1;
const SEVERAL_OUT = -2;

/**
 * Per-scanner memo of CharInfo (Unicode regex tests are the word view's main cost): BMP characters
 * by code in an array, others in a bounded map; and the workspace the view is built in. Create one
 * with newCharCache().
 */
export type CharCache = { bmp: (CharInfo | undefined)[]; other: Map<number, CharInfo>; work: WordWork };

export function newCharCache(): CharCache {
  return { bmp: new Array<CharInfo | undefined>(0x10000), other: new Map(), work: new WordWork() };
}

function computeCharInfo(ch: string): CharInfo {
  const { out, f } = foldChar(ch);
  const letter = LETTER.test(ch);
  const latin = letter && LATIN.test(ch);
  const proto = letter && ch.charCodeAt(0) >= 0x80 ? prototypeOf(ch)?.toLowerCase() : undefined;
  const outCp = out === "" ? NO_OUT : out.length === (out.codePointAt(0)! > 0xffff ? 2 : 1) ? out.codePointAt(0)! : SEVERAL_OUT;
  const outClass = outCp >= 0 ? classify(out) : 0;
  const outLatin = outCp >= 0x80 ? LATIN.test(out) && LETTER.test(out) : outCp >= 0 && isAsciiLetterCode(outCp);
  return { out, outCp, f, outClass, outLatin, cls: classify(ch), letter, latin, cyrillic: CYRILLIC.test(ch), asciiProto: proto && /^[a-z]$/.test(proto) ? proto : null };
}

/** CharInfo of one code point (a lone surrogate is its own code point here, as in the text). */
function infoOf(cp: number, cache: CharCache | undefined): CharInfo {
  let v = cache ? (cp < 0x10000 ? cache.bmp[cp] : cache.other.get(cp)) : undefined;
  if (v) return v;
  v = computeCharInfo(String.fromCodePoint(cp));
  if (cache) {
    if (cp < 0x10000) cache.bmp[cp] = v;
    else if (cache.other.size < MAX_CACHED_CHARS) cache.other.set(cp, v);
  }
  return v;
}

function classify(ch: string): 0 | 1 | 2 {
  // 0 space, 1 word character, 2 other (punctuation, symbols)
  const c = ch.charCodeAt(0);
  if (c < 0x80) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return 1;
    return c === 32 || (c >= 9 && c <= 13) ? 0 : 2;
  }
  if (/^\s$/u.test(ch)) return 0;
  return WORD.test(ch) ? 1 : 2;
}

/** Lower case, diacritic and Arabic folds of one code point of the entity view. */
function foldChar(ch: string): { out: string; f: number } {
  const c = ch.codePointAt(0)!;
  if (c < 0x80) return { out: c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch, f: 0 };
  if (isDroppedMark(c)) return { out: "", f: T.diacritics };
  const lower = ch.toLowerCase();
  const arabic = ARABIC_FOLD[lower];
  if (arabic) return { out: arabic, f: T.diacritics };
  const special = LETTER_FOLD[lower] ?? SMALL_CAPS[lower];
  if (special) return { out: special, f: T.diacritics };
  if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) {
    const base = lower.normalize("NFD").replace(/\p{M}+/gu, "");
    if (base !== lower) return { out: base, f: T.diacritics };
  }
  if (c >= 0x300 && MARK.test(ch) && LATIN.test(ch)) return { out: "", f: T.diacritics };
  return { out: lower, f: 0 };
}

/** Word-view class (0 space, 1 word character, 2 other) of every ASCII code. */
const ASCII_CLASS = Uint8Array.from({ length: 0x80 }, (_, c) => classify(String.fromCharCode(c)));

function classOf(cp: number, cache: CharCache | undefined): number {
  return cp < 0x80 ? ASCII_CLASS[cp]! : infoOf(cp, cache).cls;
}

/** Non-ASCII white space (the \s of JavaScript), by code: the word view's hot loop asks for every character. */
function isUnicodeSpace(c: number): boolean {
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A token separator: ASCII or Unicode white space. */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && isUnicodeSpace(c));
}

function isAsciiLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== "" && isAsciiLetterCode(ch.charCodeAt(0));
}

function isLetterCode(cp: number, cache: CharCache | undefined): boolean {
  return cp < 0x80 ? isAsciiLetterCode(cp) : infoOf(cp, cache).letter;
}

/** LEET and CYRILLIC_LEET by code (0: none). */
const LEET_CODE = codeTable(LEET);
const CYRILLIC_LEET_CODE = codeTable(CYRILLIC_LEET);
function codeTable(map: Record<string, string>): Int32Array {
  const table = new Int32Array(0x80);
  for (const [from, to] of Object.entries(map)) table[from.charCodeAt(0)] = to.charCodeAt(0);
  return table;
}

/** The letter a leet symbol stands for (0: none; -1 is "no character"). */
function leetOf(cp: number): number {
  return cp >= 0 && cp < 0x80 ? LEET_CODE[cp]! : 0;
}

function isAsciiDigitCode(cp: number): boolean {
  return cp >= 48 && cp <= 57;
}

/**
 * Undoes leetspeak inside one whitespace-delimited token of the entity view (wh@ts@pp, d1scord,
 * F!verr, C0de): tok holds its n code points; fold gets the letter each stands for (0: itself).
 */
function unleet(tok: Int32Array, n: number, fold: Int32Array, cache: CharCache | undefined): void {
  fold.fill(0, 0, n);
  const at = (k: number) => (k >= 0 && k < n ? tok[k]! : -1); // -1 beyond the token
  const isLetterAt = (k: number) => at(k) >= 0 && isLetterCode(at(k), cache);
  const isCyrillicAt = (k: number) => at(k) >= 0x400 && infoOf(at(k), cache).cyrillic;
  const isAsciiLetterAt = (k: number) => isAsciiLetterCode(at(k));
  let letters = 0;
  for (let k = 0; k < n; k++) if (isLetterAt(k)) letters++;
  if (letters < 2) return;
  // An e-mail address keeps its @ (name@host.tld).
  const firstAt = tok.subarray(0, n).indexOf(64);
  let email = false;
  if (firstAt > 0) for (let k = firstAt + 1; k < n && !email; k++) email = tok[k] === 46 && isLetterAt(k + 1);
  for (let i = 0; i < n; ) {
    if (!leetOf(tok[i]!) || (tok[i] === 64 && email)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && leetOf(tok[j]!) && j - i < 3) j++;
    let digits = true; // the run is all digits
    let someDigit = false;
    let cyrillicLeet = true; // all stand for Cyrillic letters too
    let lowDigits = true; // all are 0, 1, 3 or 4
    for (let k = i; k < j; k++) {
      const c = tok[k]!;
      if (isAsciiDigitCode(c)) someDigit = true;
      else digits = false;
      if (!CYRILLIC_LEET_CODE[c]) cyrillicLeet = false;
      if (c !== 48 && c !== 49 && c !== 51 && c !== 52) lowDigits = false;
    }
    const mixed = !digits && someDigit;
    const length = j - i;
    // Cyrillic leet ("пар0ль"): digits between Cyrillic letters stand for Cyrillic ones.
    if (isCyrillicAt(i - 1) && isCyrillicAt(j) && cyrillicLeet) {
      for (let k = i; k < j; k++) fold[k] = CYRILLIC_LEET_CODE[tok[k]!]!;
      i = j;
      continue;
    }
    // Leetspeak hides Latin words: the neighbours must be a-z (so "IDは！" keeps its "!").
    const before = isAsciiLetterAt(i - 1);
    const after = isAsciiLetterAt(j);
    const twoBefore = before && isAsciiLetterAt(i - 2);
    // A leading digit before three letters: 1nst4gr4m.
    const leading = digits && i === 0 && length === 1 && isAsciiLetterAt(1) && isAsciiLetterAt(2) && isAsciiLetterAt(3) && letters >= 4;
    const ok =
      !mixed &&
      (leading ||
        (before && after && (!digits || letters >= 2)) ||
        // a trailing 0/1/3/4 after two letters at the end of a word part: pr0-invite, s3nh4
        (digits && twoBefore && !after && !isAsciiDigitCode(at(j)) && lowDigits && length === 1 && letters >= 3) ||
        // a trailing @ for a final a (s3nh@), when the token is no address
        (length === 1 && tok[i] === 64 && twoBefore && j === n && !email));
    if (ok) for (let k = i; k < j; k++) fold[k] = LEET_CODE[tok[k]!]!;
    i = j;
  }
}

/**
 * The word view's workspace, reused from one call to the next through the CharCache. Word
 * characters go straight into `units` in the output's form (code units, a space before every word
 * but the first, offsets in the entity view): for an identity entity view without joined letters
 * (most text) that is the result, with no other pass. Spaces and punctuation only end words. The
 * words are kept as unit ranges for the joining of spaced letters. One JS object or string per
 * character made the garbage collector the view's main cost.
 */
export class WordWork {
  readonly units = new MappedBuilder();
  // The words: their units [from, to) (the space before excluded), code point count, first code point.
  wordFrom = new Int32Array(64);
  wordTo = new Int32Array(64);
  wordCps = new Int32Array(64);
  wordFirst = new Int32Array(64);
  /** 1 when no space follows the word (it is part of a joined run of single letters). */
  joinAfter = new Uint8Array(64);
  words = 0;
  /** The result when the entity view changed the text: units mapped to the original text. */
  readonly out = new MappedBuilder();
  // The word being collected: its first unit (-1: none), whether it is all ASCII and has Latin
  // letters, its code points.
  private open = -1;
  private ascii = true;
  private latin = false;
  private cps = 0;
  /** Entity-view end of the last word (where the space before the next one starts). */
  private lastEnd = 0;
  private src = "";
  private cache: CharCache | undefined;
  private tok = new Int32Array(64);
  private fold = new Int32Array(64);
  private marked = 0;
  private markedWords = 0;
  private markedEnd = 0;

  begin(src: string, cache: CharCache | undefined): void {
    this.units.clear();
    this.words = 0;
    this.open = -1;
    this.src = src;
    this.cache = cache;
  }

  /** One character of the view before the final pass: word characters extend the open word, others end it. */
  add(cp: number, a0: number, a1: number, f: number): void {
    this.addClassified(cp, classOf(cp, this.cache), cp < 0x80 ? isAsciiLetterCode(cp) : infoOf(cp, this.cache).latin, a0, a1, f);
  }

  /** add() when the class of cp and whether it is a Latin letter are known. */
  addClassified(cp: number, cls: number, latin: boolean, a0: number, a1: number, f: number): void {
    if (cls !== 1) {
      this.endWord();
      return;
    }
    if (this.open < 0) this.openWord(a0);
    this.cps++;
    if (cp <= 0xffff) this.units.push(cp, a0, a1, f);
    else {
      // both halves of an astral character map to the same span
      this.units.push(0xd800 + ((cp - 0x10000) >> 10), a0, a1, f);
      this.units.push(0xdc00 + ((cp - 0x10000) & 0x3ff), a0, a1, f);
    }
    if (cp >= 0x80) this.ascii = false;
    if (latin) this.latin = true;
  }

  /** The plain ASCII letters src[i, j), in lower case (the fast path of most chat). */
  addAsciiLetters(src: string, i: number, j: number): void {
    if (this.open < 0) this.openWord(i);
    this.latin = true;
    this.cps += j - i;
    const units = this.units;
    units.reserve(j - i);
    const { codes, start, end, flags } = units;
    let k = units.length;
    for (let at = i; at < j; at++, k++) {
      const c = src.charCodeAt(at);
      codes[k] = c <= 90 ? c + 32 : c;
      start[k] = at;
      end[k] = at + 1;
      flags[k] = 0;
    }
    units.length = k;
  }

  endWord(): void {
    if (this.open < 0) return;
    // Confusables are folded in mainly-Latin words.
    if (!this.ascii && this.latin) foldConfusables(this, this.open, this.src, this.cache);
    if (this.words === this.wordFrom.length) this.growWords();
    const w = this.words++;
    const to = this.units.length;
    this.wordFrom[w] = this.open;
    this.wordTo[w] = to;
    this.wordCps[w] = this.cps;
    this.wordFirst[w] = codePointIn(this.units.codes, this.open, to);
    this.joinAfter[w] = 0;
    this.lastEnd = this.units.end[to - 1]!;
    this.open = -1;
  }

  /** Room for the code points of a token of `length` units and their leet folds. */
  leetBuffers(length: number): { tok: Int32Array; fold: Int32Array } {
    if (this.tok.length < length) {
      this.tok = new Int32Array(length * 2);
      this.fold = new Int32Array(length * 2);
    }
    return { tok: this.tok, fold: this.fold };
  }

  /** Remembers the state at the start of a token, for rewind(). */
  mark(): void {
    this.marked = this.units.length;
    this.markedWords = this.words;
    this.markedEnd = this.lastEnd;
  }

  /** Forgets what was added since mark() (no word is open at a token's start). */
  rewind(): void {
    this.units.length = this.marked;
    this.words = this.markedWords;
    this.lastEnd = this.markedEnd;
    this.open = -1;
  }

  private openWord(a0: number): void {
    if (this.words > 0) this.units.push(32, this.lastEnd, Math.max(this.lastEnd + 1, a0), 0);
    this.open = this.units.length;
    this.ascii = true;
    this.latin = false;
    this.cps = 0;
  }

  private growWords(): void {
    this.wordFrom = grownInt32(this.wordFrom);
    this.wordTo = grownInt32(this.wordTo);
    this.wordCps = grownInt32(this.wordCps);
    this.wordFirst = grownInt32(this.wordFirst);
    const joinAfter = new Uint8Array(this.joinAfter.length * 2);
    joinAfter.set(this.joinAfter);
    this.joinAfter = joinAfter;
  }
}

function grownInt32(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The code point at codes[k] (a surrogate pair within [k, to) as one). */
function codePointIn(codes: Uint16Array, k: number, to: number): number {
  const c = codes[k]!;
  if ((c & 0xfc00) === 0xd800 && k + 1 < to) {
    const d = codes[k + 1]!;
    if ((d & 0xfc00) === 0xdc00) return 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
  }
  return c;
}

/** The word view of an entity view; offsets map straight to the original text. */
export function wordView(a: Mapped, cache?: CharCache): Mapped {
  const src = a.text;
  const work = cache?.work ?? new WordWork();
  work.begin(src, cache);
  collectWords(work, src, cache);
  if (joinSpacedLetters(work, src, cache)) removeJoinedSpaces(work);
  return a.start === null ? work.units.build() : mapToOriginal(work, a);
}

/** 1–2. Whitespace-delimited tokens with leet and folds per code point, gathered into words (confusables folded). */
function collectWords(work: WordWork, src: string, cache: CharCache | undefined): void {
  for (let i = 0; i < src.length; ) {
    if (isSpaceCode(src.charCodeAt(i))) {
      work.endWord();
      i++;
    } else i = addToken(work, src, i, cache);
  }
  work.endWord();
}

/**
 * Adds the token that starts at i (up to white space); returns where it ends. One pass without
 * leet; a token with leet symbols is added again by the slower paths that need the whole token.
 */
function addToken(work: WordWork, src: string, i: number, cache: CharCache | undefined): number {
  if (src.charCodeAt(i) === LAM && src.charCodeAt(i + 1) === LAM) return addTokenWithLeet(work, src, i, cache);
  work.mark();
  for (let a0 = i; a0 < src.length; ) {
    const c = src.charCodeAt(a0);
    if (c < 0x80) {
      if (c === 32 || (c >= 9 && c <= 13)) return a0;
      if (IS_LEET_CODE[c]) {
        work.rewind();
        const p = plainWordEnd(src, i);
        return p < 0 ? addTokenWithLeet(work, src, i, cache) : addPlainWord(work, src, i, p);
      }
      if (isAsciiLetterCode(c)) {
        // a run of ASCII letters (most chat) in one go
        let e = a0 + 1;
        while (e < src.length && isAsciiLetterCode(src.charCodeAt(e))) e++;
        work.addAsciiLetters(src, a0, e);
        a0 = e;
        continue;
      }
      work.addClassified(c, ASCII_CLASS[c]!, false, a0, a0 + 1, 0); // digits and punctuation: never a Latin letter
      a0++;
      continue;
    }
    if (isUnicodeSpace(c)) return a0;
    const pair = isPairAt(src, a0, c);
    const a1 = a0 + (pair ? 2 : 1);
    addFolded(work, pair ? 0x10000 + ((c - 0xd800) << 10) + (src.charCodeAt(a0 + 1) - 0xdc00) : c, a0, a1, cache);
    a0 = a1;
  }
  return src.length;
}

/**
 * Where the token at i ends when it is a plain ASCII word with trailing punctuation only ("thanks,"
 * "ok!" "(yes)"): such a word needs only lower case, whatever its punctuation (no leet). -1 otherwise.
 */
function plainWordEnd(src: string, i: number): number {
  let j = i;
  while (j < src.length && isAsciiLetterCode(src.charCodeAt(j))) j++;
  let p = j;
  while (p < src.length && src.charCodeAt(p) < 0x80 && IS_TRAILING_PUNCT[src.charCodeAt(p)]) p++;
  return j > i && (p === src.length || isSpaceCode(src.charCodeAt(p))) ? p : -1;
}

/** Adds the plain word src[i, p) (see plainWordEnd); returns p. */
function addPlainWord(work: WordWork, src: string, i: number, p: number): number {
  let j = i;
  while (j < p && isAsciiLetterCode(src.charCodeAt(j))) j++;
  work.addAsciiLetters(src, i, j);
  if (p > j) work.endWord();
  return p;
}

/** The folds of one non-ASCII code point at [a0, a1). */
function addFolded(work: WordWork, cp: number, a0: number, a1: number, cache: CharCache | undefined): void {
  const info = infoOf(cp, cache);
  if (info.outCp >= 0) work.addClassified(info.outCp, info.outClass, info.outLatin, a0, a1, info.f);
  else if (info.outCp === SEVERAL_OUT) for (const ch of info.out) work.add(ch.codePointAt(0)!, a0, a1, info.f);
}

/** src[i] (its code c) starts a surrogate pair. */
function isPairAt(src: string, i: number, c: number): boolean {
  return (c & 0xfc00) === 0xd800 && (src.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

/** addToken for a token with leet symbols or a leading لل: unleet and the alef need the whole token first. */
function addTokenWithLeet(work: WordWork, src: string, i: number, cache: CharCache | undefined): number {
  let j = i;
  let count = 0; // code points
  let leetSymbols = false;
  while (j < src.length) {
    const c = src.charCodeAt(j);
    if (isSpaceCode(c)) break;
    if (c < 0x80 && IS_LEET_CODE[c]) leetSymbols = true;
    count++;
    j += isPairAt(src, j, c) ? 2 : 1;
  }
  // Strings per character are made only for the rare token with leet symbols.
  // unleet changes nothing in a token of fewer than two letters, but for a lone symbol between spaced letters.
  const leet = leetSymbols && (count === 1 || hasTwoLetters(src, i, j, cache)) ? unleetToken(work, src, i, j, cache) : undefined;
  // Arabic ل + ال ("for the") is written لل, dropping the alef: restore it so that terms with ال
  // match after the proclitic (للدفع → ل الدفع).
  const lamAlef = count > 3 && src.charCodeAt(i) === LAM && src.charCodeAt(i + 1) === LAM;
  for (let k = 0, a0 = i; a0 < j; k++) {
    const c = src.charCodeAt(a0);
    const pair = isPairAt(src, a0, c);
    const cp = pair ? 0x10000 + ((c - 0xd800) << 10) + (src.charCodeAt(a0 + 1) - 0xdc00) : c;
    const a1 = a0 + (pair ? 2 : 1);
    if (lamAlef && k === 1) work.add(ALEF, a0, a1, T.diacritics);
    const folded = leet ? leet[k]! : 0;
    if (folded) work.add(folded, a0, a1, T.leet);
    else if (cp < 0x80) work.add(ASCII_FOLD_CP[cp]!, a0, a1, 0);
    else addFolded(work, cp, a0, a1, cache);
    a0 = a1;
  }
  return j;
}

function hasTwoLetters(src: string, i: number, j: number, cache: CharCache | undefined): boolean {
  let letters = 0;
  for (let k = i; k < j; ) {
    const cp = src.codePointAt(k)!;
    if (isLetterCode(cp, cache) && ++letters === 2) return true;
    k += cp > 0xffff ? 2 : 1;
  }
  return false;
}

/** Lower case of every ASCII code (ASCII folds are nothing else). */
const ASCII_FOLD_CP = Int32Array.from({ length: 0x80 }, (_, c) => (c >= 65 && c <= 90 ? c + 32 : c));

/** unleet of the token src[i, j) by code point (in the workspace), and the lone leet symbol between spaced single letters. */
function unleetToken(work: WordWork, src: string, i: number, j: number, cache: CharCache | undefined): Int32Array {
  const { tok, fold } = work.leetBuffers(j - i);
  let n = 0;
  for (let k = i; k < j; n++) {
    const c = src.charCodeAt(k);
    const pair = isPairAt(src, k, c);
    tok[n] = pair ? 0x10000 + ((c - 0xd800) << 10) + (src.charCodeAt(k + 1) - 0xdc00) : c;
    k += pair ? 2 : 1;
  }
  unleet(tok, n, fold, cache);
  // A lone leet symbol or digit between spaced single letters (w h @ t s a p p, t 3 l 3 g r 4 m) is a letter too.
  if (n === 1 && leetOf(tok[0]!) && isAsciiLetter(src[i - 2]) && (i < 3 || /\s/.test(src[i - 3]!)) && src[i - 1] === " " && src[j] === " " && (isAsciiLetter(src[j + 1]) || (src[j + 1] ?? "") in LEET) && (j + 2 >= src.length || /\s/.test(src[j + 2]!))) fold[0] = LEET_CODE[tok[0]!]!;
  return fold;
}

/** 3. Runs of single letters with one separator between them are one word (w h a t s a p p, t.e.l.e.g.r.a.m); true when there are some. */
function joinSpacedLetters(work: WordWork, src: string, cache: CharCache | undefined): boolean {
  const { wordFrom: from, wordTo: to, wordFirst: first } = work;
  const single = (w: number) => work.wordCps[w] === 1 && isLetterCode(first[w]!, cache);
  let joined = false;
  for (let w = 0; w < work.words; ) {
    if (!single(w)) {
      w++;
      continue;
    }
    let e = w + 1;
    const ascii = isAsciiLetterCode(first[w]!);
    while (e < work.words && single(e) && gapIsOneChar(work, e - 1, e, src) && isAsciiLetterCode(first[e]!) === ascii) e++;
    if (e - w >= MIN_JOINED) {
      let start = w;
      // Hebrew and Arabic glue one-letter prefixes (ה "the", ו "and", ب "with"…) to words, and the
      // split often starts after the first letter: "הס י ס מ ה". A two-letter word that starts
      // with such a prefix, right before the run, joins it ("את ה ס י ס מ ה" keeps its "את").
      if (!ascii && w > 0 && work.wordCps[w - 1] === 2 && PREFIX_LETTER_CODES.has(first[w - 1]!) && gapIsOneChar(work, w - 1, w, src)) start = w - 1;
      for (let k = start; k < e - 1; k++) work.joinAfter[k] = 1;
      const flags = work.units.flags;
      for (let k = from[start]!; k < to[e - 1]!; k++) flags[k] = flags[k]! | T.joined_letters;
      joined = true;
    }
    w = e;
  }
  return joined;
}

/** One separator between two spaced-out letters ("w h a", "t.e.l"), or two when both are spaces ("W  h  a"). */
function gapIsOneChar(work: WordWork, a: number, b: number, src: string): boolean {
  const from = work.units.end[work.wordTo[a]! - 1]!;
  const gap = work.units.start[work.wordFrom[b]!]! - from;
  return gap <= 1 || (gap === 2 && src.charCodeAt(from) === 32 && src.charCodeAt(from + 1) === 32);
}

/** Drops the space before every word that joins the one before it (each word but the first has one, right before it). */
function removeJoinedSpaces(work: WordWork): void {
  const { codes, start, end, flags } = work.units;
  let n = 0;
  let next = 1; // the next word whose space may go
  for (let k = 0; k < work.units.length; k++) {
    if (next < work.words && k === work.wordFrom[next]! - 1) {
      if (work.joinAfter[next++ - 1]) continue;
    }
    codes[n] = codes[k]!;
    start[n] = start[k]!;
    end[n] = end[k]!;
    flags[n++] = flags[k]!;
  }
  work.units.length = n;
}

/** 4. The view when the entity view changed the text: every unit mapped through it to the original text. */
function mapToOriginal(work: WordWork, a: Mapped): Mapped {
  const { codes, start, end, flags, length } = work.units;
  const out = work.out;
  out.clear();
  for (let k = 0; k < length; k++) out.push(codes[k]!, origStart(a, start[k]!), origEnd(a, end[k]! - 1), flags[k]! | flagsOf(a, start[k]!, end[k]!));
  return out.build();
}

/** Latin letters that look like Cyrillic ones, for the reverse trick: "пaроль" with a Latin a. */
const LATIN_TO_CYRILLIC: Record<string, string> = { a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", k: "к", m: "м", t: "т", h: "н", b: "в", i: "і" };
/** LATIN_TO_CYRILLIC by code (0: none). */
const CYRILLIC_TWIN = new Int32Array(0x80);
for (const [latin, cyrillic] of Object.entries(LATIN_TO_CYRILLIC)) CYRILLIC_TWIN[latin.charCodeAt(0)] = cyrillic.charCodeAt(0);

/** In a mainly Cyrillic word, Latin look-alike letters become the Cyrillic ones; false when the word is not such a case. */
function foldLatinIntoCyrillic(work: WordWork, from: number, to: number, cache: CharCache | undefined): boolean {
  const { codes, flags } = work.units;
  for (let k = from; k < to; ) {
    const c = codePointIn(codes, k, to);
    k += c > 0xffff ? 2 : 1;
    if (c < 0x80) {
      if (c >= 97 && c <= 122 && !CYRILLIC_TWIN[c]) return false;
    } else if (infoOf(c, cache).letter && !infoOf(c, cache).cyrillic) return false;
  }
  for (let k = from; k < to; k++) {
    const c = codes[k]!;
    const twin = c < 0x80 ? CYRILLIC_TWIN[c]! : 0;
    if (twin) {
      codes[k] = twin;
      flags[k] = flags[k]! | T.confusables;
    }
  }
  return true;
}

/**
 * Folds other-script letters to Latin in a word that has Latin letters and only confusable others
 * (Теlеgrаm, fіverr). The word is the last one in the units, from `from` on.
 */
function foldConfusables(work: WordWork, from: number, src: string, cache: CharCache | undefined): void {
  const { codes, start, end, flags } = work.units;
  const to = work.units.length;
  let latin = 0;
  let foreign = 0;
  for (let k = from; k < to; ) {
    const c = codePointIn(codes, k, to);
    k += c > 0xffff ? 2 : 1;
    if (c < 0x80) {
      if (c >= 97 && c <= 122) latin++;
      continue;
    }
    const info = infoOf(c, cache);
    if (!info.letter) continue;
    if (info.latin && !info.asciiProto) latin++;
    else foreign++;
  }
  if (foreign === 0 || latin === 0) return;
  if (foreign > latin && foldLatinIntoCyrillic(work, from, to, cache)) return;
  const chars: { cp: number; folded: number; a0: number; a1: number; f: number }[] = [];
  for (let k = from; k < to; ) {
    const c = codePointIn(codes, k, to);
    const char = { cp: c, folded: c, a0: start[k]!, a1: end[k]!, f: flags[k]! };
    chars.push(char);
    k += c > 0xffff ? 2 : 1;
    const info = c < 0x80 ? undefined : infoOf(c, cache);
    if (!info || !info.letter || (info.latin && !info.asciiProto)) continue;
    // The prototype of the cased character (Cyrillic Т → T), then lower case.
    const cased = src.slice(char.a0, char.a1);
    const proto = (prototypeOf(cased) ?? prototypeOf(String.fromCodePoint(c)))?.toLowerCase();
    if (!proto || !/^[a-z]$/.test(proto)) return;
    char.folded = proto.charCodeAt(0);
  }
  // Written again from `from`: a folded astral letter takes one unit instead of two.
  work.units.length = from;
  for (const { cp, folded, a0, a1, f } of chars) {
    const flag = folded !== cp ? f | T.confusables : f;
    if (folded <= 0xffff) work.units.push(folded, a0, a1, flag);
    else {
      work.units.push(0xd800 + ((folded - 0x10000) >> 10), a0, a1, flag);
      work.units.push(0xdc00 + ((folded - 0x10000) & 0x3ff), a0, a1, flag);
    }
  }
}

/** A lexicon term in the form the word view gives message text. */
export function normalizeTerm(term: string, memo?: TermMemo): string {
  return wordView(entityView(term, memo?.entity), memo?.chars).text;
}

/** Character memos for normalising many terms in a row (a lexicon build: without them, Unicode tests per character were a quarter of it). */
export type TermMemo = { chars: CharCache; entity: EntityCache };

export function newTermMemo(): TermMemo {
  return { chars: newCharCache(), entity: newEntityCache() };
}
