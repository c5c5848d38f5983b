// What the word view needs to know about one code point (CharInfo): its folds (lower case, Latin
// diacritics and Arabic/Hebrew vowel marks dropped, letter variants), its class (space, word
// character, other), whether it is a letter, Latin or Cyrillic, and its ASCII look-alike. Unicode
// regex tests are the view's main cost, so each answer is computed once per scanner (CharMemo).
import { prototypeOf } from "../text/confusables.ts";
import { MAX_CACHED_CHARS, T } from "./mapped.ts";
import { isAsciiLetterCode } from "./code-points.ts";

const WORD = /^[\p{L}\p{M}\p{N}]$/u;
const MARK = /^\p{M}$/u;
const LETTER = /^\p{L}$/u;
const LATIN = /^\p{Script=Latin}$/u;
const CYRILLIC = /^\p{Script=Cyrillic}$/u;

/** Letters that NFD does not take apart but readers see as the base letter. */
const LETTER_FOLD: Record<string, string> = { ı: "i", ł: "l", ø: "o", đ: "d", ħ: "h", ß: "ss", æ: "ae", œ: "oe", þ: "th", ŀ: "l" };
/** Small capitals (ᴀɴʏᴅᴇsᴋ): Latin letters that UTS #39 keeps apart but every reader reads as a-z. */
const SMALL_CAPS: Record<string, string> = { ᴀ: "a", ʙ: "b", ᴄ: "c", ᴅ: "d", ᴇ: "e", ꜰ: "f", ɢ: "g", ʜ: "h", ɪ: "i", ᴊ: "j", ᴋ: "k", ʟ: "l", ᴍ: "m", ɴ: "n", ᴏ: "o", ᴘ: "p", ǫ: "q", ʀ: "r", ꜱ: "s", ᴛ: "t", ᴜ: "u", ᴠ: "v", ᴡ: "w", ʏ: "y", ᴢ: "z" };
/** Arabic letter variants written interchangeably in chat. */
const ARABIC_FOLD: Record<string, string> = { "آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه", "ک": "ك" };

function isDroppedMark(c: number): boolean {
  // Arabic harakat and tatweel, Hebrew points and cantillation: optional in writing.
  if ((c >= 0x64b && c <= 0x65f) || c === 0x670 || c === 0x640 || (c >= 0x591 && c <= 0x5bd) || c === 0x5bf || c === 0x5c1 || c === 0x5c2 || c === 0x5c4 || c === 0x5c5 || c === 0x5c7) return true;
  // The generic combining marks left after NFKC (no precomposed letter has them): strokes, underlines and accents
  // stacked on letters to hide a word ("w̶h̶a̶t̶s̶a̶p̶p̶", "p̲a̲s̲s̲"), stress marks ("паро́ль").
  return (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe20 && c <= 0xfe2f);
}

/** What the word view needs to know about one code point; computed once per scanner (see CharMemo). */
export type CharInfo = {
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
export const SEVERAL_OUT = -2;

/**
 * Per-scanner memo of CharInfo (Unicode regex tests are the word view's main cost): BMP characters
 * by code in an array, others in a bounded map. The word view's CharCache holds one.
 * folds: the part of a BMP character's CharInfo that the token pass reads, packed (see foldOf; 0:
 * not known yet): one typed-array read per character instead of an array slot and then an object
 * somewhere in the heap (in a scan, where both are cache misses, two misses become one).
 */
export type CharMemo = { bmp: (CharInfo | undefined)[]; other: Map<number, CharInfo>; folds?: Int32Array };

// foldOf's bits: known; the fold is one code point without flags other than T.diacritics (else read
// the CharInfo); its class (2 bits); it is a Latin letter; T.diacritics; the fold's code point from bit 8 on.
const FOLD_KNOWN = 1;
export const FOLD_ONE = 2;
export const FOLD_LATIN = 16;
export const FOLD_DIACRITICS = 32;
export const FOLD_CP_SHIFT = 8;

/** The memo of foldOf, by BMP code point (0: not known yet). */
export function foldsOf(cache: CharMemo): Int32Array {
  return (cache.folds ??= new Int32Array(0x10000));
}

/** The token pass's part of a BMP code point's CharInfo as FOLD_* bits, memoised in cache.folds. */
export function foldOf(cp: number, cache: CharMemo): number {
  const folds = foldsOf(cache);
  let v = folds[cp]!;
  if (v === 0) {
    const info = infoOf(cp, cache);
    const one = info.outCp >= 0 && (info.f === 0 || info.f === T.diacritics);
    v = one ? FOLD_KNOWN | FOLD_ONE | (info.outClass << 2) | (info.outLatin ? FOLD_LATIN : 0) | (info.f ? FOLD_DIACRITICS : 0) | (info.outCp << FOLD_CP_SHIFT) : FOLD_KNOWN;
    folds[cp] = v;
  }
  return v;
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
export function infoOf(cp: number, cache: CharMemo | undefined): CharInfo {
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
export const ASCII_CLASS = Uint8Array.from({ length: 0x80 }, (_, c) => classify(String.fromCharCode(c)));

export function classOf(cp: number, cache: CharMemo | undefined): number {
  return cp < 0x80 ? ASCII_CLASS[cp]! : infoOf(cp, cache).cls;
}

export function isLetterCode(cp: number, cache: CharMemo | undefined): boolean {
  return cp < 0x80 ? isAsciiLetterCode(cp) : infoOf(cp, cache).letter;
}
