// Character-level helpers that let the entity detectors run their Unicode regexes only where a
// match can start. Scanning every position of a message with a pattern such as the e-mail one
// (every language's at- and dot-words as alternations) was the detectors' main cost; finding the
// few places worth trying ("@", an at-word, a dot between letters) costs a loop over char codes.
// Every helper here is exact or errs towards trying more places, never fewer: the sticky regex
// tried at a place decides, so the matches are the ones a scan of the whole text finds.
import { isSpace } from "./shape.ts";

export { isSpace };
// Whole-word matching of at- and dot-words lives in token-words.ts (re-exported: the detectors and tests import it from here).
export { eachWordToken, isWordAt, newWordMatcher, type WordMatcher } from "./token-words.ts";

/** Most entries a per-scanner memo keeps before it starts again (bounded memory whatever the input). */
export const MAX_MEMO_ENTRIES = 4096;

/** The memo's answer for key, computed (and remembered) on first sight; the memo empties when full. */
export function memoised<K, V>(memo: Map<K, V>, key: K, compute: (key: K) => V): V {
  const known = memo.get(key);
  if (known !== undefined || memo.has(key)) return known as V;
  const v = compute(key);
  if (memo.size >= MAX_MEMO_ENTRIES) memo.clear();
  memo.set(key, v);
  return v;
}

// ---- character classes ----
const KNOWN = 1;
const LETTER = 2;
const NUMBER = 4;
/** Latin, Cyrillic or Greek script: the scripts spelled host labels are matched in. */
const HOST_SCRIPT = 8;

const LETTER_RE = /^\p{L}$/u;
const NUMBER_RE = /^\p{N}$/u;
const HOST_SCRIPT_RE = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]$/u;

/** Per-scanner memo of the Unicode classes of BMP characters (filled on first sight). Create with newCharClasses(). */
export type CharClasses = Uint8Array;

export function newCharClasses(): CharClasses {
  return new Uint8Array(0x10000);
}

function classesOf(ch: string): number {
  return KNOWN | (LETTER_RE.test(ch) ? LETTER : 0) | (NUMBER_RE.test(ch) ? NUMBER : 0) | (HOST_SCRIPT_RE.test(ch) ? HOST_SCRIPT : 0);
}

function asciiClasses(c: number): number {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return KNOWN | LETTER | HOST_SCRIPT;
  if (c >= 48 && c <= 57) return KNOWN | NUMBER;
  return KNOWN;
}

/** The classes of the code point that starts at i (0 past the end or at a lone low surrogate's pair half). */
function classesAt(text: string, i: number, cls: CharClasses): number {
  if (i < 0 || i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 0x80) return asciiClasses(c);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classesOf(text.slice(i, i + 2));
  }
  return cls[c] || (cls[c] = classesOf(text[i]!));
}

/** The classes of the code point that ends just before i. */
function classesBefore(text: string, i: number, cls: CharClasses): number {
  if (i <= 0 || i > text.length) return 0;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return classesOf(text.slice(i - 2, i));
  }
  return c < 0x80 ? asciiClasses(c) : cls[c] || (cls[c] = classesOf(text[i - 1]!));
}

/** Where the code point that ends just before i starts. */
export function previousIndex(text: string, i: number): number {
  return i - widthBefore(text, i);
}

/** Length in code units of the code point that ends just before i. */
function widthBefore(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return 2;
  }
  return 1;
}

/** Which characters a run is made of: given the classes and the code unit, is it in? */
export type RunTest = (classes: number, code: number) => boolean;
/** \p{L}, \p{N}. */
export const isWordChar: RunTest = (k) => (k & (LETTER | NUMBER)) !== 0;
/** A host label: [\p{L}\p{N}-]. */
export const isLabelChar: RunTest = (k, c) => (k & (LETTER | NUMBER)) !== 0 || c === 45;
/** An e-mail address part: [\p{L}\p{N}_%+-]. */
export const isAddressChar: RunTest = (k, c) => (k & (LETTER | NUMBER)) !== 0 || c === 95 || c === 37 || c === 43 || c === 45;
/** A user-info URL's name: [\p{L}\p{N}.-]. */
export const isDottedNameChar: RunTest = (k, c) => (k & (LETTER | NUMBER)) !== 0 || c === 46 || c === 45;
/** A file name: [\p{L}\p{N}_.-]. */
export const isFileNameChar: RunTest = (k, c) => (k & (LETTER | NUMBER)) !== 0 || c === 95 || c === 46 || c === 45;
/** A spelled host's label: Latin, Cyrillic or Greek letters, \p{N}, "-". */
export const isSpelledLabelChar: RunTest = (k, c) => (k & HOST_SCRIPT) !== 0 || (k & NUMBER) !== 0 || c === 45;

/** Whether the code point starting at i is in the run test's set. */
export function charIs(text: string, i: number, cls: CharClasses, test: RunTest): boolean {
  return i >= 0 && i < text.length && test(classesAt(text, i, cls), text.charCodeAt(i));
}

/** Whether the code point ending just before i is in the run test's set. */
export function charBeforeIs(text: string, i: number, cls: CharClasses, test: RunTest): boolean {
  return i > 0 && test(classesBefore(text, i, cls), text.charCodeAt(i - 1));
}

/** Start of the run of test's characters that ends at end (end itself when the character before is not in it). */
export function runStartBefore(text: string, end: number, cls: CharClasses, test: RunTest): number {
  let i = end;
  while (i > 0 && test(classesBefore(text, i, cls), text.charCodeAt(i - 1))) i -= widthBefore(text, i);
  return i;
}

/** ( [ { < */
export function isOpenBracket(c: number): boolean {
  return c === 40 || c === 91 || c === 123 || c === 60;
}
/** ) ] } > */
export function isCloseBracket(c: number): boolean {
  return c === 41 || c === 93 || c === 125 || c === 62;
}

/** The first index at or before i (going back) whose character is not \s: i when text[i-1] is not a space. */
export function skipSpacesBefore(text: string, i: number): number {
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}
