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

/** Shared "nothing to undo" answer of unleet (never written to). */
const NO_LEET: readonly (string | null)[] = [];
const IS_LEET_CODE = new Uint8Array(0x80);
for (const c of "@!$|0134578") IS_LEET_CODE[c.charCodeAt(0)] = 1;
const LAM = "ل".charCodeAt(0);
/** Digits and @ standing for Cyrillic letters inside Cyrillic words. */
const CYRILLIC_LEET: Record<string, string> = { "0": "о", "3": "з", "4": "ч", "6": "б", "@": "а" };
const CYRILLIC_LETTER = /^\p{Script=Cyrillic}$/u;
function isCyrillic(ch: string | undefined): boolean {
  return ch !== undefined && ch.charCodeAt(0) >= 0x400 && CYRILLIC_LETTER.test(ch);
}
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
  /** classOf and isLatinOf of outCp (when it is one code point), kept here to save the look-ups. */
  outClass: number;
  outLatin: boolean;
  cls: 0 | 1 | 2;
  letter: boolean;
  latin: boolean;
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
  return { out, outCp, f, outClass, outLatin, cls: classify(ch), letter, latin, asciiProto: proto && /^[a-z]$/.test(proto) ? proto : null };
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

function isLetterCh(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(ch);
}

function isLetterCode(cp: number, cache: CharCache | undefined): boolean {
  return cp < 0x80 ? isAsciiLetterCode(cp) : infoOf(cp, cache).letter;
}

/** Undoes leetspeak inside one whitespace-delimited token of the entity view (wh@ts@pp, d1scord, F!verr, C0de). */
function unleet(tok: string[]): (string | null)[] {
  const fold = new Array<string | null>(tok.length).fill(null);
  let letters = 0;
  for (const ch of tok) if (isLetterCh(ch)) letters++;
  if (letters < 2) return fold;
  const at = tok.indexOf("@");
  // An e-mail address keeps its @ (name@host.tld).
  const email = at > 0 && tok.slice(at + 1).some((ch, k, rest) => ch === "." && isLetterCh(rest[k + 1]));
  for (let i = 0; i < tok.length; ) {
    if (!(tok[i]! in LEET) || (tok[i] === "@" && email)) {
      i++;
      continue;
    }
    let j = i;
    while (j < tok.length && tok[j]! in LEET && j - i < 3) j++;
    const run = tok.slice(i, j);
    const digits = run.every((ch) => ch >= "0" && ch <= "9");
    const mixed = !digits && run.some((ch) => ch >= "0" && ch <= "9");
    // Cyrillic leet ("пар0ль"): digits between Cyrillic letters stand for Cyrillic ones.
    if (isCyrillic(tok[i - 1]) && isCyrillic(tok[j]) && run.every((ch) => ch in CYRILLIC_LEET)) {
      for (let k = i; k < j; k++) fold[k] = CYRILLIC_LEET[tok[k]!]!;
      i = j;
      continue;
    }
    // Leetspeak hides Latin words: the neighbours must be a-z (so "IDは！" keeps its "!").
    const before = isAsciiLetter(tok[i - 1]);
    const after = isAsciiLetter(tok[j]);
    const twoBefore = before && isAsciiLetter(tok[i - 2]);
    // A leading digit before three letters: 1nst4gr4m.
    const leading = digits && i === 0 && run.length === 1 && isAsciiLetter(tok[1]) && isAsciiLetter(tok[2]) && isAsciiLetter(tok[3]) && letters >= 4;
    const ok =
      !mixed &&
      (leading ||
        (before && after && (!digits || letters >= 2)) ||
        // a trailing 0/1/3/4 after two letters at the end of a word part: pr0-invite, s3nh4
        (digits && twoBefore && !after && !(tok[j] ?? " ").match(/[0-9]/) && run.every((ch) => ch === "0" || ch === "1" || ch === "3" || ch === "4") && run.length === 1 && letters >= 3) ||
        // a trailing @ for a final a (s3nh@), when the token is no address
        (run.length === 1 && run[0] === "@" && twoBefore && j === tok.length && !email));
    if (ok) for (let k = i; k < j; k++) fold[k] = LEET[tok[k]!]!;
    i = j;
  }
  return fold;
}

/**
 * The word view's workspace, reused from one call to the next through the CharCache: its word
 * characters (one per code point, before the final pass) as parallel typed arrays, its words as
 * unit ranges, and the output. Characters that are not part of a word (spaces, punctuation) are
 * not kept: the view only needs to know where words end. One JS object or string per character
 * made the garbage collector the view's main cost.
 */
export class WordWork {
  cp = new Int32Array(256);
  a0 = new Int32Array(256);
  a1 = new Int32Array(256);
  f = new Int32Array(256);
  units = 0;
  wordFrom = new Int32Array(64);
  wordTo = new Int32Array(64);
  /** 1 when no space follows the word (it is part of a joined run of single letters). */
  joinAfter = new Uint8Array(64);
  words = 0;
  readonly out = new MappedBuilder();
  // The word being collected: its first unit (-1: none), whether it is all ASCII and has Latin letters.
  private open = -1;
  private ascii = true;
  private latin = false;
  private src = "";
  private cache: CharCache | undefined;

  begin(src: string, cache: CharCache | undefined): void {
    this.units = 0;
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
    this.push(cp, a0, a1, f);
    if (cp >= 0x80) this.ascii = false;
    if (latin) this.latin = true;
  }

  /** The plain ASCII letters src[i, j), in lower case (the fast path of most chat). */
  addAsciiLetters(src: string, i: number, j: number): void {
    if (this.units + (j - i) > this.cp.length) this.growUnits(this.units + (j - i));
    if (this.open < 0) {
      this.open = this.units;
      this.ascii = true;
    }
    this.latin = true;
    const { cp, a0, a1, f } = this;
    let k = this.units;
    for (let at = i; at < j; at++, k++) {
      const c = src.charCodeAt(at);
      cp[k] = c <= 90 ? c + 32 : c;
      a0[k] = at;
      a1[k] = at + 1;
      f[k] = 0;
    }
    this.units = k;
  }

  endWord(): void {
    if (this.open < 0) return;
    if (this.words === this.wordFrom.length) this.growWords();
    this.wordFrom[this.words] = this.open;
    this.wordTo[this.words] = this.units;
    this.joinAfter[this.words] = 0;
    this.words++;
    // Confusables are folded in mainly-Latin words.
    if (!this.ascii && this.latin) foldConfusables(this, this.open, this.units, this.src, this.cache);
    this.open = -1;
  }

  private push(cp: number, a0: number, a1: number, f: number): void {
    if (this.units === this.cp.length) this.growUnits(this.units + 1);
    const k = this.units++;
    if (this.open < 0) {
      this.open = k;
      this.ascii = true;
      this.latin = false;
    }
    this.cp[k] = cp;
    this.a0[k] = a0;
    this.a1[k] = a1;
    this.f[k] = f;
  }

  private growUnits(needed: number): void {
    let size = this.cp.length * 2;
    while (size < needed) size *= 2;
    this.cp = grownInt32(this.cp, size);
    this.a0 = grownInt32(this.a0, size);
    this.a1 = grownInt32(this.a1, size);
    this.f = grownInt32(this.f, size);
  }

  private growWords(): void {
    this.wordFrom = grownInt32(this.wordFrom, this.wordFrom.length * 2);
    this.wordTo = grownInt32(this.wordTo, this.wordTo.length * 2);
    const joinAfter = new Uint8Array(this.joinAfter.length * 2);
    joinAfter.set(this.joinAfter);
    this.joinAfter = joinAfter;
  }
}

function grownInt32(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** The word view of an entity view; offsets map straight to the original text. */
export function wordView(a: Mapped, cache?: CharCache): Mapped {
  const src = a.text;
  const work = cache?.work ?? new WordWork();
  work.begin(src, cache);
  collectWords(work, src, cache);
  joinSpacedLetters(work, src, cache);
  return emitWords(work, a);
}

/** 1–2. Whitespace-delimited tokens with leet and folds per code point, gathered into words (confusables folded). */
function collectWords(work: WordWork, src: string, cache: CharCache | undefined): void {
  let i = 0;
  while (i < src.length) {
    if (isSpaceCode(src.charCodeAt(i))) {
      work.endWord();
      i++;
      continue;
    }
    let j = i;
    // Fast path: a plain ASCII word (most chat) needs only lower case.
    while (j < src.length && isAsciiLetterCode(src.charCodeAt(j))) j++;
    let p = j;
    while (p < src.length && src.charCodeAt(p) < 0x80 && IS_TRAILING_PUNCT[src.charCodeAt(p)]) p++;
    if (j > i && (p === src.length || isSpaceCode(src.charCodeAt(p)))) {
      work.addAsciiLetters(src, i, j);
      if (p > j) work.endWord();
      i = p;
      continue;
    }
    i = addToken(work, src, i, cache);
  }
  work.endWord();
}

/** Adds the token that starts at i (up to white space); returns where it ends. */
function addToken(work: WordWork, src: string, i: number, cache: CharCache | undefined): number {
  let j = i;
  let count = 0; // code points
  let leetSymbols = false;
  while (j < src.length) {
    const c = src.charCodeAt(j);
    if (isSpaceCode(c)) break;
    if (c < 0x80 && IS_LEET_CODE[c]) leetSymbols = true;
    count++;
    j += src.codePointAt(j)! > 0xffff ? 2 : 1;
  }
  // Strings per character are made only for the rare token with leet symbols.
  // unleet changes nothing in a token of fewer than two letters, but for a lone symbol between spaced letters.
  const leet = leetSymbols && (count === 1 || hasTwoLetters(src, i, j, cache)) ? unleetToken(src, i, j) : NO_LEET;
  // Arabic ل + ال ("for the") is written لل, dropping the alef: restore it so that terms with ال
  // match after the proclitic (للدفع → ل الدفع).
  const lamAlef = count > 3 && src.charCodeAt(i) === LAM && src.charCodeAt(i + 1) === LAM;
  for (let k = 0, a0 = i; a0 < j; k++) {
    const cp = src.codePointAt(a0)!;
    const a1 = a0 + (cp > 0xffff ? 2 : 1);
    if (lamAlef && k === 1) work.add(ALEF, a0, a1, T.diacritics);
    const folded = leet[k];
    if (folded) work.add(folded.charCodeAt(0), a0, a1, T.leet);
    else if (cp < 0x80) work.add(ASCII_FOLD_CP[cp]!, a0, a1, 0);
    else {
      const info = infoOf(cp, cache);
      if (info.outCp >= 0) work.addClassified(info.outCp, info.outClass, info.outLatin, a0, a1, info.f);
      else if (info.outCp === SEVERAL_OUT) for (const ch of info.out) work.add(ch.codePointAt(0)!, a0, a1, info.f);
    }
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

/** unleet of the token src[i, j), and the lone leet symbol between spaced single letters. */
function unleetToken(src: string, i: number, j: number): (string | null)[] {
  const tok: string[] = [];
  for (let k = i; k < j; k += tok[tok.length - 1]!.length) tok.push(String.fromCodePoint(src.codePointAt(k)!));
  const leet = unleet(tok);
  // A lone leet symbol or digit between spaced single letters (w h @ t s a p p, t 3 l 3 g r 4 m) is a letter too.
  if (tok.length === 1 && tok[0]! in LEET && isAsciiLetter(src[i - 2]) && (i < 3 || /\s/.test(src[i - 3]!)) && src[i - 1] === " " && src[j] === " " && (isAsciiLetter(src[j + 1]) || (src[j + 1] ?? "") in LEET) && (j + 2 >= src.length || /\s/.test(src[j + 2]!))) leet[0] = LEET[tok[0]!]!;
  return leet;
}

/** 3. Runs of single letters with one separator between them are one word (w h a t s a p p, t.e.l.e.g.r.a.m). */
function joinSpacedLetters(work: WordWork, src: string, cache: CharCache | undefined): void {
  const { wordFrom: from, wordTo: to } = work;
  const single = (w: number) => to[w]! - from[w]! === 1 && isLetterCode(work.cp[from[w]!]!, cache);
  for (let w = 0; w < work.words; ) {
    if (!single(w)) {
      w++;
      continue;
    }
    let e = w + 1;
    const ascii = isAsciiLetterCode(work.cp[from[w]!]!);
    while (e < work.words && single(e) && gapIsOneChar(work, e - 1, e, src) && isAsciiLetterCode(work.cp[from[e]!]!) === ascii) e++;
    if (e - w >= MIN_JOINED) {
      let first = w;
      // Hebrew and Arabic glue one-letter prefixes (ה "the", ו "and", ب "with"…) to words, and the
      // split often starts after the first letter: "הס י ס מ ה". A two-letter word that starts
      // with such a prefix, right before the run, joins it ("את ה ס י ס מ ה" keeps its "את").
      if (!ascii && w > 0 && to[w - 1]! - from[w - 1]! === 2 && PREFIX_LETTER_CODES.has(work.cp[from[w - 1]!]!) && gapIsOneChar(work, w - 1, w, src)) first = w - 1;
      for (let k = first; k < e - 1; k++) work.joinAfter[k] = 1;
      for (let k = from[first]!; k < to[e - 1]!; k++) work.f[k] = work.f[k]! | T.joined_letters;
    }
    w = e;
  }
}

/** One separator between two spaced-out letters ("w h a", "t.e.l"), or two when both are spaces ("W  h  a"). */
function gapIsOneChar(work: WordWork, a: number, b: number, src: string): boolean {
  const from = work.a1[work.wordTo[a]! - 1]!;
  const gap = work.a0[work.wordFrom[b]!]! - from;
  return gap <= 1 || (gap === 2 && src.charCodeAt(from) === 32 && src.charCodeAt(from + 1) === 32);
}

/** 4. The words separated by single spaces, each code unit mapped to the original text. */
function emitWords(work: WordWork, a: Mapped): Mapped {
  const out = work.out;
  out.clear();
  if (a.start === null) emitIdentity(work, out);
  else {
    for (let w = 0; w < work.words; w++) {
      const from = work.wordFrom[w]!;
      if (w > 0 && !work.joinAfter[w - 1]) {
        const prevEnd = work.a1[work.wordTo[w - 1]! - 1]!;
        emitMapped(out, a, 32, prevEnd, Math.max(prevEnd + 1, work.a0[from]!), 0);
      }
      for (let k = from; k < work.wordTo[w]!; k++) emitMapped(out, a, work.cp[k]!, work.a0[k]!, work.a1[k]!, work.f[k]!);
    }
  }
  return out.build();
}

/** emitWords when the entity view is the original text (most text): offsets go straight through. */
function emitIdentity(work: WordWork, out: MappedBuilder): void {
  out.reserve(work.words + 2 * work.units);
  const { codes, start, end, flags } = out;
  const { cp, a0, a1, f, wordFrom, wordTo, joinAfter } = work;
  let n = out.length;
  for (let w = 0; w < work.words; w++) {
    const from = wordFrom[w]!;
    if (w > 0 && !joinAfter[w - 1]) {
      const prevEnd = a1[wordTo[w - 1]! - 1]!;
      codes[n] = 32;
      start[n] = prevEnd;
      end[n] = Math.max(prevEnd + 1, a0[from]!);
      flags[n++] = 0;
    }
    for (let k = from; k < wordTo[w]!; k++) {
      const c = cp[k]!;
      if (c > 0xffff) {
        // both halves of an astral character map to the same span
        codes[n] = 0xd800 + ((c - 0x10000) >> 10);
        start[n] = a0[k]!;
        end[n] = a1[k]!;
        flags[n++] = f[k]!;
        codes[n] = 0xdc00 + ((c - 0x10000) & 0x3ff);
      } else codes[n] = c;
      start[n] = a0[k]!;
      end[n] = a1[k]!;
      flags[n++] = f[k]!;
    }
  }
  out.length = n;
}

/** One character of the entity view's span [a0, a1), mapped to the original text. */
function emitMapped(out: MappedBuilder, a: Mapped, cp: number, a0: number, a1: number, f: number): void {
  const start = origStart(a, a0);
  const end = origEnd(a, a1 - 1);
  const flags = f | flagsOf(a, a0, a1);
  if (cp <= 0xffff) out.push(cp, start, end, flags);
  else pushAstral(out, cp, start, end, flags);
}

/** Both halves of an astral character map to the same span. */
function pushAstral(out: MappedBuilder, cp: number, start: number, end: number, flags: number): void {
  out.push(0xd800 + ((cp - 0x10000) >> 10), start, end, flags);
  out.push(0xdc00 + ((cp - 0x10000) & 0x3ff), start, end, flags);
}

/** Latin letters that look like Cyrillic ones, for the reverse trick: "пaроль" with a Latin a. */
const LATIN_TO_CYRILLIC: Record<string, string> = { a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", k: "к", m: "м", t: "т", h: "н", b: "в", i: "і" };
/** LATIN_TO_CYRILLIC by code (0: none). */
const CYRILLIC_TWIN = new Int32Array(0x80);
for (const [latin, cyrillic] of Object.entries(LATIN_TO_CYRILLIC)) CYRILLIC_TWIN[latin.charCodeAt(0)] = cyrillic.charCodeAt(0);
const CYRILLIC = /^\p{Script=Cyrillic}$/u;

/** In a mainly Cyrillic word, Latin look-alike letters become the Cyrillic ones; false when the word is not such a case. */
function foldLatinIntoCyrillic(work: WordWork, from: number, to: number, cache: CharCache | undefined): boolean {
  for (let k = from; k < to; k++) {
    const c = work.cp[k]!;
    if (c < 0x80) {
      if (c >= 97 && c <= 122 && !CYRILLIC_TWIN[c]) return false;
    } else if (infoOf(c, cache).letter && !CYRILLIC.test(String.fromCodePoint(c))) return false;
  }
  for (let k = from; k < to; k++) {
    const c = work.cp[k]!;
    const twin = c < 0x80 ? CYRILLIC_TWIN[c]! : 0;
    if (twin) {
      work.cp[k] = twin;
      work.f[k] = work.f[k]! | T.confusables;
    }
  }
  return true;
}

/** Folds other-script letters to Latin in a word that has Latin letters and only confusable others (Теlеgrаm, fіverr). */
function foldConfusables(work: WordWork, from: number, to: number, src: string, cache: CharCache | undefined): void {
  let latin = 0;
  let foreign = 0;
  for (let k = from; k < to; k++) {
    const c = work.cp[k]!;
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
  const folded: number[] = [];
  for (let k = from; k < to; k++) {
    const c = work.cp[k]!;
    const info = c < 0x80 ? undefined : infoOf(c, cache);
    if (!info || !info.letter || (info.latin && !info.asciiProto)) {
      folded.push(c);
      continue;
    }
    // The prototype of the cased character (Cyrillic Т → T), then lower case.
    const cased = src.slice(work.a0[k]!, work.a1[k]!);
    const proto = (prototypeOf(cased) ?? prototypeOf(String.fromCodePoint(c)))?.toLowerCase();
    if (!proto || !/^[a-z]$/.test(proto)) return;
    folded.push(proto.charCodeAt(0));
  }
  for (let k = from; k < to; k++) {
    if (folded[k - from] !== work.cp[k]!) {
      work.cp[k] = folded[k - from]!;
      work.f[k] = work.f[k]! | T.confusables;
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
