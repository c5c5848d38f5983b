// Steps 1–2 of the word view: the entity view's whitespace-delimited tokens, each code point
// folded (char-info.ts) and, in a token with leet symbols, unleeted (leet.ts), gathered into words
// in the workspace. Most tokens never come here: the workspace's plain-token loop takes them
// (WordWork.addPlainTokens). Of the others, most take a fast path (runs of ASCII letters, plain
// words with trailing punctuation); only the rare token with leet symbols or a leading لل is read twice.
import { T } from "./mapped.ts";
import { ASCII_CLASS, FOLD_CP_SHIFT, FOLD_DIACRITICS, FOLD_LATIN, FOLD_ONE, SEVERAL_OUT, foldOf, infoOf, isLetterCode, type CharMemo } from "./char-info.ts";
import { isAsciiLetterCode, isPairAt, isSpaceCode, isUnicodeSpace } from "./code-points.ts";
import { IS_LEET_CODE, unleetToken } from "./leet.ts";
import type { WordWork } from "./word-work.ts";

const LAM = "ل".charCodeAt(0);

/** Trailing punctuation the plain-word fast path steps over ("thanks," "ok!" "(yes)"), by code. */
const IS_TRAILING_PUNCT = new Uint8Array(0x80);
for (const c of ".,;:!?)\"'") IS_TRAILING_PUNCT[c.charCodeAt(0)] = 1;
const ALEF = "ا".charCodeAt(0);

/** 1–2. Whitespace-delimited tokens with leet and folds per code point, gathered into words (confusables folded). */
export function collectWords(work: WordWork, src: string, cache: CharMemo | undefined): void {
  // Plain tokens in the workspace's loop (WordWork.addPlainTokens); the others, and Unicode white space, here.
  for (let i = work.addPlainTokens(src, 0, cache); i < src.length; i = work.addPlainTokens(src, i, cache)) {
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
function addToken(work: WordWork, src: string, i: number, cache: CharMemo | undefined): number {
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
function addFolded(work: WordWork, cp: number, a0: number, a1: number, cache: CharMemo | undefined): void {
  if (cache && cp < 0x10000) {
    const v = foldOf(cp, cache);
    if (v & FOLD_ONE) {
      work.addClassified(v >>> FOLD_CP_SHIFT, (v >> 2) & 3, (v & FOLD_LATIN) !== 0, a0, a1, v & FOLD_DIACRITICS ? T.diacritics : 0);
      return;
    }
  }
  const info = infoOf(cp, cache);
  if (info.outCp >= 0) work.addClassified(info.outCp, info.outClass, info.outLatin, a0, a1, info.f);
  else if (info.outCp === SEVERAL_OUT) for (const ch of info.out) work.add(ch.codePointAt(0)!, a0, a1, info.f);
}

/** addToken for a token with leet symbols or a leading لل: unleet and the alef need the whole token first. */
function addTokenWithLeet(work: WordWork, src: string, i: number, cache: CharMemo | undefined): number {
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
  // (A two- or three-character token may be a short word with final leet digits: "d3", "f33".)
  const leet = leetSymbols && (count <= 3 || hasTwoLetters(src, i, j, cache)) ? unleetToken(work, src, i, j, cache) : undefined;
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

function hasTwoLetters(src: string, i: number, j: number, cache: CharMemo | undefined): boolean {
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
