// Leetspeak undone inside one token of the entity view (wh@ts@pp, d1scord, F!verr, пар0ль): which
// symbols and digits stand for which Latin or Cyrillic letter, and when they do (between letters,
// not in a number or an e-mail address). The word view asks only for tokens that have such symbols.
import { infoOf, isLetterCode, type CharMemo } from "./char-info.ts";
import { isAsciiDigitCode, isAsciiLetter, isAsciiLetterCode, isPairAt } from "./code-points.ts";

/** A Latin letter (ASCII, or Latin-1 and Latin Extended-A/B: ñ, ç, ş, ł). */
function isLatinLetterCode(cp: number, cache: CharMemo | undefined): boolean {
  return cp < 0x80 ? isAsciiLetterCode(cp) : cp >= 0xc0 && cp < 0x250 && cp !== 0xd7 && cp !== 0xf7 && isLetterCode(cp, cache);
}
import type { WordWork } from "./word-work.ts";

export const IS_LEET_CODE = new Uint8Array(0x80);
for (const c of "@!$|0134578") IS_LEET_CODE[c.charCodeAt(0)] = 1;

/**
 * Digits and @ standing for Cyrillic letters inside Cyrillic words. 4 is "а" as in Latin leet ("п4роль",
 * "к4рта"), not the slang "ч" ("4то"): it hides the words scammers need; 1 is "и" ("ск1нь").
 */
const CYRILLIC_LEET: Record<string, string> = { "0": "о", "1": "и", "3": "з", "4": "а", "6": "б", "@": "а" };
/**
 * Signs standing for a letter inside Hebrew and Arabic words: "@" is the a-sound's letter, alef ("و@تساب" is
 * واتساب, "ב@ינטרנט"), as it is "a" in Latin leet; "0" is the o-sound's vav / waw ("הק0ד" is הקוד, "الك0د" is الكود),
 * as it is "o" in Latin leet. Only between two letters of the script.
 */
const HEBREW_LEET: Record<string, string> = { "@": "א", "0": "ו" };
const ARABIC_LEET: Record<string, string> = { "@": "ا", "0": "و" };
const LEET: Record<string, string> = { "@": "a", "!": "i", "$": "s", "|": "l", "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t" };

/** LEET and CYRILLIC_LEET by code (0: none). */
const LEET_CODE = codeTable(LEET);
const CYRILLIC_LEET_CODE = codeTable(CYRILLIC_LEET);
const HEBREW_LEET_CODE = codeTable(HEBREW_LEET);
const ARABIC_LEET_CODE = codeTable(ARABIC_LEET);

/** The leet table of the right-to-left script a letter is in (Hebrew, Arabic and its Persian/Urdu letters), undefined for others. */
function rtlLeetOf(cp: number): Int32Array | undefined {
  if (cp >= 0x05d0 && cp <= 0x05ea) return HEBREW_LEET_CODE;
  if ((cp >= 0x0620 && cp <= 0x064a) || (cp >= 0x066e && cp <= 0x06d3)) return ARABIC_LEET_CODE;
  return undefined;
}

/** Every symbol of tok[i, j) has a letter in the table. */
function allIn(table: Int32Array, tok: Int32Array, i: number, j: number): boolean {
  for (let k = i; k < j; k++) if (!table[tok[k]!]) return false;
  return true;
}
function codeTable(map: Record<string, string>): Int32Array {
  const table = new Int32Array(0x80);
  for (const [from, to] of Object.entries(map)) table[from.charCodeAt(0)] = to.charCodeAt(0);
  return table;
}

/** 0, 1 or 3: the digits that end a two-letter word in leet (t0, d1, d3). */
function isShortWordDigit(cp: number): boolean {
  return cp === 48 || cp === 49 || cp === 51;
}

/** The letter a leet symbol stands for (0: none; -1 is "no character"). */
function leetOf(cp: number): number {
  return cp >= 0 && cp < 0x80 ? LEET_CODE[cp]! : 0;
}

/**
 * Undoes leetspeak inside one whitespace-delimited token of the entity view (wh@ts@pp, d1scord,
 * F!verr, C0de): tok holds its n code points; fold gets the letter each stands for (0: itself).
 */
function unleet(tok: Int32Array, n: number, fold: Int32Array, cache: CharMemo | undefined, inLeetPhrase = false): void {
  fold.fill(0, 0, n);
  let letters = 0;
  let symbols = 0; // leet symbols in the token
  for (let k = 0; k < n; k++) {
    if (letterAt(tok, n, k, cache)) letters++;
    else if (leetOf(tok[k]!)) symbols++;
  }
  // A short word of one letter and a final 0, 1 or 3 is leet too inside a phrase in leet ("d3" in "m0t d3 p@sse",
  // "d1" in "c0d1c3 d1 v3r1f1c4"); alone it is a size, a code or a factor ("A3", "x1").
  // (Three characters too, one letter and two such digits: "f33" in "n0 f1v3rr f33".)
  const shortWord = inLeetPhrase && (n === 2 || n === 3) && letters === 1 && isLatinLetterCode(tok[0]!, cache) && isShortWordDigit(tok[1]!) && (n === 2 || isShortWordDigit(tok[2]!));
  if (letters < 2 && !shortWord) return;
  // An e-mail address keeps its @ (name@host.tld). (A loop, not subarray().indexOf(): a typed-array view per
  // token cost more than the search.)
  let firstAt = 0;
  while (firstAt < n && tok[firstAt] !== 64) firstAt++;
  if (firstAt === n) firstAt = -1;
  let email = false;
  if (firstAt > 0) for (let k = firstAt + 1; k < n && !email; k++) email = tok[k] === 46 && letterAt(tok, n, k + 1, cache);
  let decoded = 0; // symbols read as letters so far
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
    if (cyrillicAt(tok, n, i - 1, cache) && cyrillicAt(tok, n, j, cache) && cyrillicLeet) {
      for (let k = i; k < j; k++) fold[k] = CYRILLIC_LEET_CODE[tok[k]!]!;
      i = j;
      continue;
    }
    // Hebrew and Arabic leet ("و@تساب"): a sign between two letters of one of those scripts stands for one of its letters.
    const rtl = rtlLeetOf(codeAt(tok, n, i - 1));
    // (Or at the word's end after two of its letters: "הסיסמ@" is הסיסמא.)
    const rtlEnd = rtl !== undefined && j === n && length === 1 && rtlLeetOf(codeAt(tok, n, i - 2)) === rtl && !email;
    if (rtl !== undefined && (rtlLeetOf(codeAt(tok, n, j)) === rtl || rtlEnd) && allIn(rtl, tok, i, j)) {
      for (let k = i; k < j; k++) fold[k] = rtl[tok[k]!]!;
      i = j;
      continue;
    }
    // Leetspeak hides Latin words: the neighbours must be a-z (so "IDは！" keeps its "!").
    const before = latinOrReadAt(tok, n, fold, i - 1, cache);
    const after = latinOrReadAt(tok, n, fold, j, cache);
    const twoBefore = before && latinOrReadAt(tok, n, fold, i - 2, cache);
    // A leading digit before three letters (1nst4gr4m), or before a letter in a word with more leet (4c3ss0).
    const leading = digits && i === 0 && length === 1 && latinOrReadAt(tok, n, fold, 1, cache) && ((latinOrReadAt(tok, n, fold, 2, cache) && latinOrReadAt(tok, n, fold, 3, cache) && letters >= 4) || (letters >= 3 && symbols >= 3));
    // A leading @ for an a in a word with more leet ("@nyd3sk"), or before six letters or more and nothing else
    // ("@nydesk"): a handle keeps its @ in the entity view anyway.
    const leadingAt = i === 0 && length === 1 && tok[0] === 64 && ((symbols >= 2 && letters >= 3) || (symbols === 1 && letters >= 6 && letters === n - 1)) && latinOrReadAt(tok, n, fold, 1, cache) && latinOrReadAt(tok, n, fold, 2, cache);
    const ok =
      !mixed &&
      (leading ||
        leadingAt ||
        (before && after && (!digits || letters >= 2)) ||
        // a trailing 0/1/3/4 after two letters at the end of a word part: pr0-invite, s3nh4; or in a word of two ("d3")
        (digits && twoBefore && !after && !isAsciiDigitCode(codeAt(tok, n, j)) && lowDigits && length === 1 && letters + decoded >= 3) ||
        (shortWord && i === 1) ||
        // a trailing @ for a final a (s3nh@), when the token is no address
        (length === 1 && tok[i] === 64 && twoBefore && j === n && !email));
    if (ok) {
      for (let k = i; k < j; k++) fold[k] = LEET_CODE[tok[k]!]!;
      decoded += j - i;
    }
    i = j;
  }
}

// The token's neighbours as unleet reads them: module functions, not closures over the token (four closures
// made per leet token were garbage).
/** The code point at k, -1 beyond the token. */
function codeAt(tok: Int32Array, n: number, k: number): number {
  return k >= 0 && k < n ? tok[k]! : -1;
}
function letterAt(tok: Int32Array, n: number, k: number, cache: CharMemo | undefined): boolean {
  const c = codeAt(tok, n, k);
  return c >= 0 && isLetterCode(c, cache);
}
function cyrillicAt(tok: Int32Array, n: number, k: number, cache: CharMemo | undefined): boolean {
  const c = codeAt(tok, n, k);
  return c >= 0x400 && infoOf(c, cache).cyrillic;
}
/** Neighbours that make a leet run a word: Latin letters (ñ, ç, ş too: "c0ntr4s3ñ4"), and symbols already read as letters ("c0d1g0"). */
function latinOrReadAt(tok: Int32Array, n: number, fold: Int32Array, k: number, cache: CharMemo | undefined): boolean {
  return isLatinLetterCode(codeAt(tok, n, k), cache) || (k >= 0 && k < n && fold[k]! > 0);
}

/** unleet of the token src[i, j) by code point (in the workspace), and the lone leet symbol between spaced single letters. */
export function unleetToken(work: WordWork, src: string, i: number, j: number, cache: CharMemo | undefined): Int32Array {
  const { tok, fold } = work.leetBuffers(j - i);
  let n = 0;
  for (let k = i; k < j; n++) {
    const c = src.charCodeAt(k);
    const pair = isPairAt(src, k, c);
    tok[n] = pair ? 0x10000 + ((c - 0xd800) << 10) + (src.charCodeAt(k + 1) - 0xdc00) : c;
    k += pair ? 2 : 1;
  }
  unleet(tok, n, fold, cache, (n === 2 || n === 3) && besideLeetWord(src, i, j));
  // A lone leet symbol or digit between spaced single letters (w h @ t s a p p, t 3 l 3 g r 4 m) is a letter too.
  if (n === 1 && leetOf(tok[0]!) && isAsciiLetter(src[i - 2]) && (i < 3 || /\s/.test(src[i - 3]!)) && src[i - 1] === " " && src[j] === " " && (isAsciiLetter(src[j + 1]) || (src[j + 1] ?? "") in LEET) && (j + 2 >= src.length || /\s/.test(src[j + 2]!))) fold[0] = LEET_CODE[tok[0]!]!;
  return fold;
}

/** The token before or after src[i, j) is a word in leet: two Latin letters or more and a leet symbol ("m0t", "p@sse"). */
function besideLeetWord(src: string, i: number, j: number): boolean {
  let b = i;
  while (b > 0 && src[b - 1] === " ") b--;
  let a = b;
  while (a > 0 && src[a - 1] !== " " && b - a < MAX_WORD) a--;
  let c = j;
  while (c < src.length && src[c] === " ") c++;
  let d = c;
  while (d < src.length && src[d] !== " " && d - c < MAX_WORD) d++;
  return isLeetWord(src, a, b) || isLeetWord(src, c, d);
}
const MAX_WORD = 30;

function isLeetWord(src: string, a: number, b: number): boolean {
  let letters = 0;
  let symbols = 0;
  for (let k = a; k < b; k++) {
    const c = src.charCodeAt(k);
    if (isAsciiLetterCode(c)) letters++;
    else if (leetOf(c)) symbols++;
  }
  return letters >= 2 && symbols >= 1;
}
