// The word view (built from the entity view): lower case, Latin diacritics and Arabic/Hebrew vowel
// marks dropped, confusable letters folded to Latin in words that are mainly Latin, leetspeak undone,
// runs of single spaced or dotted letters joined, and every run of spaces and punctuation turned into
// one space. Lexicon terms pass through the same two steps, so both sides are compared in one form.
import { prototypeOf } from "../text/confusables.ts";
import { MAX_CACHED_CHARS, T, flagsOf, fromCodes, origEnd, origStart, type Mapped } from "./mapped.ts";
import { entityView, type EntityCache } from "./entity-view.ts";

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

/** The word view's characters before the final pass, as parallel arrays (one object per character made the garbage collector the word view's main cost). */
type Units = { ch: string[]; a0: number[]; a1: number[]; f: number[] };
const TRAILING_PUNCT = new Set([...".,;:!?)\"'"].map((c) => c.charCodeAt(0)));

/** What the word view needs to know about one code point; computed once per scanner (see CharCache). */
type CharInfo = { out: string; f: number; cls: 0 | 1 | 2; letter: boolean; latin: boolean; asciiProto: string | null };
/**
 * Per-scanner memo of CharInfo (Unicode regex tests are the word view's main cost): BMP characters
 * by code in an array, others in a bounded map. Create one with newCharCache().
 */
export type CharCache = { bmp: (CharInfo | undefined)[]; other: Map<string, CharInfo> };

export function newCharCache(): CharCache {
  return { bmp: new Array<CharInfo | undefined>(0x10000), other: new Map() };
}

function charInfo(ch: string, cache: CharCache | undefined): CharInfo {
  let v = ch.length === 1 ? cache?.bmp[ch.charCodeAt(0)] : cache?.other.get(ch);
  if (v) return v;
  const { out, f } = foldChar(ch);
  const letter = LETTER.test(ch);
  const latin = letter && LATIN.test(ch);
  const proto = letter && ch.charCodeAt(0) >= 0x80 ? prototypeOf(ch)?.toLowerCase() : undefined;
  v = { out, f, cls: classify(ch), letter, latin, asciiProto: proto && /^[a-z]$/.test(proto) ? proto : null };
  if (cache) {
    if (ch.length === 1) cache.bmp[ch.charCodeAt(0)] = v;
    else if (cache.other.size < MAX_CACHED_CHARS) cache.other.set(ch, v);
  }
  return v;
}

/** charInfo of the BMP character at src[i], without making a string when the memo has it. */
function bmpCharInfo(src: string, i: number, cache: CharCache | undefined): CharInfo {
  return cache?.bmp[src.charCodeAt(i)] ?? charInfo(src[i]!, cache);
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

/** foldChar of every ASCII character, made once (the word view asks for one per character). */
const ASCII_FOLD: readonly { readonly out: string; readonly f: number }[] = Array.from({ length: 0x80 }, (_, c) => Object.freeze(foldChar(String.fromCharCode(c))));

/** Non-ASCII white space (the \s of JavaScript), by code: the word view's hot loop asks for every character. */
function isUnicodeSpace(c: number): boolean {
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isSpaceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && isUnicodeSpace(c));
}

function isAsciiLetter(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isLetterCh(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(ch);
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

/** The word view of an entity view; offsets map straight to the original text. */
export function wordView(a: Mapped, cache?: CharCache): Mapped {
  const src = a.text;
  // 1. whitespace-delimited tokens; leet and folds per code point.
  const units: Units = { ch: [], a0: [], a1: [], f: [] };
  const add = (ch: string, a0: number, a1: number, f: number) => {
    units.ch.push(ch);
    units.a0.push(a0);
    units.a1.push(a1);
    units.f.push(f);
  };
  let i = 0;
  while (i < src.length) {
    // skip whitespace
    const c0 = src.charCodeAt(i);
    if (c0 === 32 || (c0 >= 9 && c0 <= 13) || (c0 >= 0x80 && isUnicodeSpace(c0))) {
      add(" ", i, i + 1, 0);
      i++;
      continue;
    }
    let j = i;
    // Fast path: a plain ASCII word (most chat) needs only lower case.
    while (j < src.length) {
      const c = src.charCodeAt(j);
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) break;
      j++;
    }
    let p = j;
    while (p < src.length && TRAILING_PUNCT.has(src.charCodeAt(p))) p++; // "thanks," "ok!" "(yes)"
    if (j > i && (p === src.length || isSpaceAt(src, p))) {
      for (let k = i; k < j; k++) {
        const c = src.charCodeAt(k);
        add(c <= 90 ? String.fromCharCode(c + 32) : src[k]!, k, k + 1, 0);
      }
      for (let k = j; k < p; k++) add(src[k]!, k, k + 1, 0);
      i = p;
      continue;
    }
    j = i;
    // Code points as offsets only: a string per character is built just for the rare token with leet symbols.
    const at: number[] = [];
    let leetSymbols = false;
    while (j < src.length) {
      const c = src.charCodeAt(j);
      if (c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && isUnicodeSpace(c))) break;
      if (c < 0x80 && IS_LEET_CODE[c]) leetSymbols = true;
      at.push(j);
      j += src.codePointAt(j)! > 0xffff ? 2 : 1;
    }
    at.push(j);
    const n = at.length - 1;
    let leet = NO_LEET as (string | null)[];
    if (leetSymbols) {
      const tok: string[] = [];
      for (let k = 0; k < n; k++) tok.push(src.slice(at[k]!, at[k + 1]!));
      leet = unleet(tok);
      // A lone leet symbol or digit between spaced single letters (w h @ t s a p p, t 3 l 3 g r 4 m) is a letter too.
      if (tok.length === 1 && tok[0]! in LEET && isAsciiLetter(src[i - 2]) && (i < 3 || /\s/.test(src[i - 3]!)) && src[i - 1] === " " && src[j] === " " && (isAsciiLetter(src[j + 1]) || (src[j + 1] ?? "") in LEET) && (j + 2 >= src.length || /\s/.test(src[j + 2]!))) leet[0] = LEET[tok[0]!]!;
    }
    // Arabic ل + ال ("for the") is written لل, dropping the alef: restore it so that terms with ال
    // match after the proclitic (للدفع → ل الدفع).
    const lamAlef = n > 3 && src.charCodeAt(i) === LAM && src.charCodeAt(i + 1) === LAM;
    for (let k = 0; k < n; k++) {
      const a0 = at[k]!;
      const a1 = at[k + 1]!;
      if (lamAlef && k === 1) add("ا", a0, a1, T.diacritics);
      const folded = leet[k];
      if (folded) {
        add(folded, a0, a1, T.leet);
        continue;
      }
      const c = src.charCodeAt(a0);
      const { out, f } = c < 0x80 ? ASCII_FOLD[c]! : a1 - a0 === 1 ? bmpCharInfo(src, a0, cache) : charInfo(src.slice(a0, a1), cache);
      if (out.length === 1) add(out, a0, a1, f);
      else for (const ch of out) add(ch, a0, a1, f);
    }
    i = j;
  }
  // 2. words: runs of word characters; confusables folded in mainly-Latin words.
  type Word = { from: number; to: number };
  const words: Word[] = [];
  const cls = (ch: string) => (ch.charCodeAt(0) < 0x80 ? classify(ch) : charInfo(ch, cache).cls);
  for (let k = 0; k < units.ch.length; ) {
    if (cls(units.ch[k]!) !== 1) {
      k++;
      continue;
    }
    let e = k;
    let ascii = true;
    let latin = false;
    while (e < units.ch.length && cls(units.ch[e]!) === 1) {
      const c = units.ch[e]!.charCodeAt(0);
      if (c >= 0x80) {
        ascii = false;
        if (!latin && charInfo(units.ch[e]!, cache).latin) latin = true;
      } else if (!latin && ((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) latin = true;
      e++;
    }
    words.push({ from: k, to: e });
    if (!ascii && latin) foldConfusables(units, k, e, src, cache);
    k = e;
  }
  // 3. runs of single letters with one separator between them are one word (w h a t s a p p, t.e.l.e.g.r.a.m).
  const joinAfter = new Set<number>(); // index into words: no space after this word
  for (let w = 0; w < words.length; ) {
    if (!isSingleLetter(units, words[w]!)) {
      w++;
      continue;
    }
    let e = w + 1;
    const ascii = isAsciiLetter(units.ch[words[w]!.from]!);
    while (e < words.length && isSingleLetter(units, words[e]!) && gapIsOneChar(units, words[e - 1]!, words[e]!, src) && isAsciiLetter(units.ch[words[e]!.from]!) === ascii) e++;
    if (e - w >= MIN_JOINED) {
      let first = w;
      // Hebrew and Arabic glue one-letter prefixes (ה "the", ו "and", ب "with"…) to words, and the
      // split often starts after the first letter: "הס י ס מ ה". A two-letter word that starts
      // with such a prefix, right before the run, joins it ("את ה ס י ס מ ה" keeps its "את").
      const before = words[w - 1];
      if (!ascii && before && before.to - before.from === 2 && PREFIX_LETTERS.has(units.ch[before.from]!) && gapIsOneChar(units, before, words[w]!, src)) first = w - 1;
      for (let k = first; k < e - 1; k++) joinAfter.add(k);
      for (let k = words[first]!.from; k < words[e - 1]!.to; k++) units.f[k] = units.f[k]! | T.joined_letters;
    }
    w = e;
  }
  // 4. emit words separated by single spaces, as char codes made into one flat string at the end
  // (no rope for the automaton to walk; fromCharCode of a number array is ~10× join("") of tiny strings).
  const codes: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const flags: number[] = [];
  const identity = a.start === null;
  const push = (ch: string, a0: number, a1: number, f: number) => {
    const s0 = identity ? a0 : origStart(a, a0);
    const e0 = identity ? a1 : origEnd(a, a1 - 1);
    const f0 = identity ? f : f | flagsOf(a, a0, a1);
    for (let k = 0; k < ch.length; k++) {
      // every code unit (both halves of an astral character) maps to the same span
      start.push(s0);
      end.push(e0);
      flags.push(f0);
      codes.push(ch.charCodeAt(k));
    }
  };
  for (let w = 0; w < words.length; w++) {
    const { from, to } = words[w]!;
    if (w > 0 && !joinAfter.has(w - 1)) {
      const prevEnd = units.a1[words[w - 1]!.to - 1]!;
      push(" ", prevEnd, Math.max(prevEnd + 1, units.a0[from]!), 0);
    }
    for (let k = from; k < to; k++) push(units.ch[k]!, units.a0[k]!, units.a1[k]!, units.f[k]!);
  }
  return { text: fromCodes(codes), start, end, flags };
}

function isSingleLetter(units: Units, w: { from: number; to: number }): boolean {
  return w.to - w.from === 1 && isLetterCh(units.ch[w.from]!);
}

/** One separator between two spaced-out letters ("w h a", "t.e.l"), or two when both are spaces ("W  h  a"). */
function gapIsOneChar(units: Units, a: { to: number }, b: { from: number }, src: string): boolean {
  const from = units.a1[a.to - 1]!;
  const gap = units.a0[b.from]! - from;
  return gap <= 1 || (gap === 2 && src[from] === " " && src[from + 1] === " ");
}

/** Latin letters that look like Cyrillic ones, for the reverse trick: "пaроль" with a Latin a. */
const LATIN_TO_CYRILLIC: Record<string, string> = { a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", k: "к", m: "м", t: "т", h: "н", b: "в", i: "і" };
const CYRILLIC = /^\p{Script=Cyrillic}$/u;

/** In a mainly Cyrillic word, Latin look-alike letters become the Cyrillic ones; false when the word is not such a case. */
function foldLatinIntoCyrillic(units: Units, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const ch = units.ch[k]!;
    const c = ch.charCodeAt(0);
    if (c < 0x80) {
      if (((c >= 97 && c <= 122) && !LATIN_TO_CYRILLIC[ch]) ) return false;
    } else if (LETTER.test(ch) && !CYRILLIC.test(ch)) return false;
  }
  for (let k = from; k < to; k++) {
    const twin = LATIN_TO_CYRILLIC[units.ch[k]!];
    if (twin) {
      units.ch[k] = twin;
      units.f[k] = units.f[k]! | T.confusables;
    }
  }
  return true;
}

/** Folds other-script letters to Latin in a word that has Latin letters and only confusable others (Теlеgrаm, fіverr). */
function foldConfusables(units: Units, from: number, to: number, src: string, cache: CharCache | undefined): void {
  let latin = 0;
  let foreign = 0;
  for (let k = from; k < to; k++) {
    const c = units.ch[k]!.charCodeAt(0);
    if (c < 0x80) {
      if (c >= 97 && c <= 122) latin++;
      continue;
    }
    const info = charInfo(units.ch[k]!, cache);
    if (!info.letter) continue;
    if (info.latin && !info.asciiProto) latin++;
    else foreign++;
  }
  if (foreign === 0 || latin === 0) return;
  if (foreign > latin && foldLatinIntoCyrillic(units, from, to)) return;
  const folded: string[] = [];
  for (let k = from; k < to; k++) {
    const ch = units.ch[k]!;
    const info = ch.charCodeAt(0) < 0x80 ? undefined : charInfo(ch, cache);
    if (!info || !info.letter || (info.latin && !info.asciiProto)) {
      folded.push(ch);
      continue;
    }
    // The prototype of the cased character (Cyrillic Т → T), then lower case.
    const cased = src.slice(units.a0[k]!, units.a1[k]!);
    const proto = (prototypeOf(cased) ?? prototypeOf(ch))?.toLowerCase();
    if (!proto || !/^[a-z]$/.test(proto)) return;
    folded.push(proto);
  }
  for (let k = from; k < to; k++) {
    if (folded[k - from] !== units.ch[k]!) {
      units.ch[k] = folded[k - from]!;
      units.f[k] = units.f[k]! | T.confusables;
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
  return { chars: newCharCache(), entity: new Map() };
}
