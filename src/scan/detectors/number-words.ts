// Number words as the dictated-number reader looks them up: by lower case, then without diacritics
// or marks ("dziewięć" under "dziewiec"), with the work per word of a long message kept small
// (most words are no number word: a lower-case ASCII word costs one map lookup, and NFD runs only
// on words it could change).
import { normalizeTerm } from "../normalize.ts";

/** The key a number word is looked up by: its word-view form (no case, diacritics or letter variants). */
export function numberWordKey(w: string): string {
  return /^[A-Za-z]*$/.test(w) ? w.toLowerCase() : normalizeTerm(w).trim();
}

/** The keys a number word is stored under: its word-view form, its plain lower case, and that without marks. */
export function numberWordKeys(w: string): string[] {
  const lower = w.toLowerCase();
  return [...new Set([numberWordKey(w), lower, withoutMarks(lower)])];
}

const withoutMarks = (w: string) => w.normalize("NFD").replace(/\p{M}+/gu, "");

/** Longer tokens are no number word in any language ("dziewięćdziesiąt" has 16 letters). */
export const MAX_NUMBER_WORD = 20;

/**
 * The number words (lookup key → value) with what rules most words of a message out before a string
 * is made of them: an ASCII word is looked up by its lower case, so its first two letters must start
 * some ASCII key; a part of an unspaced script is looked up as written, so its first unit must start some key.
 * Made once per scanner (newNumberWords).
 */
export type NumberWords = {
  map: Map<string, string>;
  /** 1 at lower-case c0 * 128 + c1 when an ASCII key of two or more letters starts with c0 c1, and at c0 when c0 alone is a key. */
  asciiStarts: Uint8Array;
  /** 1 at each BMP code unit some key starts with. */
  firstUnits: Uint8Array;
  /** Length of the longest key, in code units. */
  longest: number;
  /** Per BMP code unit a word of other letters starts with: 0 not yet known, 1 it may start a key (otherMayBeKey), 2 it cannot. */
  otherStarts: Uint8Array;
};

export function newNumberWords(map: Map<string, string>): NumberWords {
  const asciiStarts = new Uint8Array(128 * 128);
  const firstUnits = new Uint8Array(0x10000);
  let longest = 0;
  for (const k of map.keys()) {
    if (k.length === 0) continue;
    longest = Math.max(longest, k.length);
    firstUnits[k.charCodeAt(0)] = 1;
    if (/^[\x00-\x7f]+$/.test(k)) asciiStarts[k.length === 1 ? k.charCodeAt(0) : k.charCodeAt(0) * 128 + k.charCodeAt(1)] = 1;
  }
  return { map, asciiStarts, firstUnits, longest, otherStarts: new Uint8Array(0x10000) };
}

/** Whether the ASCII word text[s, e) (letters only) may be a key in lower case: its first letters start one. */
export function asciiMayBeKey(words: NumberWords, text: string, s: number, e: number): boolean {
  const c0 = text.charCodeAt(s) | 32;
  return words.asciiStarts[e - s === 1 ? c0 : c0 * 128 + (text.charCodeAt(s + 1) | 32)] === 1;
}

/** Letters with a diacritic NFD can take off (Latin, Greek, Cyrillic й/ё, Arabic hamza forms): a word without one is looked up as it is only. */
function isDecomposable(c: number): boolean {
  return (c >= 0xc0 && c <= 0x24f) || (c >= 0x386 && c <= 0x3ce) || (c >= 0x400 && c <= 0x4ff) || (c >= 0x622 && c <= 0x626) || (c >= 0x1e00 && c <= 0x1eff);
}

/** Per code unit below U+1F00: 1 when taking its marks off (NFD, then no \p{M}) changes it. A constant of Unicode, built once. */
const STRIPPABLE = (() => {
  const t = new Uint8Array(0x1f00);
  for (let c = 0xc0; c < t.length; c++) if (isDecomposable(c) && withoutMarks(String.fromCharCode(c)) !== String.fromCharCode(c)) t[c] = 1;
  return t;
})();

/**
 * Whether withoutMarks can change a lower-case word with a decomposable letter: not when none of
 * its characters changes alone (NFD then has nothing to take apart or reorder). Characters outside
 * the table (other scripts, U+1F00 and up) count as may-change: the real NFD decides for them.
 */
function marksMayComeOff(lower: string): boolean {
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c < 0xc0) continue; // nothing below À decomposes, and marks start at U+0300
    if (!isDecomposable(c) || STRIPPABLE[c] === 1) return true;
  }
  return false;
}

function hasDecomposable(lower: string): boolean {
  for (let k = 0; k < lower.length; k++) if (isDecomposable(lower.charCodeAt(k))) return true;
  return false;
}

/**
 * Whether a word of other letters (kind OTHER) that starts with text[s] may be a key. lookupNumberWord
 * looks it up by its lower case, then by that in NFD without marks: the first unit of either is the
 * first unit of its first letter's lower case, or of that letter's decomposition. A surrogate, a mark,
 * and the sigma (its lower case depends on where it stands) are left to the lookup.
 */
export function otherMayBeKey(words: NumberWords, text: string, s: number): boolean {
  const u = text.charCodeAt(s);
  let known = words.otherStarts[u]!;
  if (known === 0) known = words.otherStarts[u] = mayStartKey(words, u) ? 1 : 2;
  return known === 1;
}

function mayStartKey(words: NumberWords, u: number): boolean {
  if ((u >= 0xd800 && u <= 0xdfff) || u === 0x3a3) return true;
  const ch = String.fromCharCode(u);
  if (/\p{M}/u.test(ch)) return true;
  const lower = ch.toLowerCase();
  const decomposed = lower.normalize("NFD");
  if (!/^\p{L}/u.test(decomposed)) return true;
  return words.firstUnits[lower.charCodeAt(0)] === 1 || words.firstUnits[decomposed.charCodeAt(0)] === 1;
}

/** What a word is made of, for lookupNumberWord: lower-case ASCII letters, ASCII letters, or other letters too. */
export const LOWER_ASCII = 0;
export const ASCII = 1;
export const OTHER = 2;

/** The kind of text[s, e) (a run of letters and marks). */
export function wordKind(text: string, s: number, e: number): number {
  let kind = LOWER_ASCII;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x80) return OTHER;
    if (c <= 90) kind = ASCII;
  }
  return kind;
}

/** A word's number (its digits, "+", "x2"…): looked up as typed (lower case), then without diacritics or marks. */
export function lookupNumberWord(words: Map<string, string>, t: string, kind: number): string | undefined {
  if (t.length > MAX_NUMBER_WORD) return undefined;
  // toLowerCase would give a lower-case ASCII word back as it is (one string fewer), and NFD takes nothing off ASCII.
  if (kind === LOWER_ASCII) return words.get(t);
  const lower = t.toLowerCase();
  if (kind === ASCII) return words.get(lower);
  const known = words.get(lower);
  if (known !== undefined || !hasDecomposable(lower) || !marksMayComeOff(lower)) return known;
  const bare = withoutMarks(lower);
  return bare === lower ? undefined : words.get(bare); // the same key missed just above
}
