// Word counts and word starts by character codes. wordsBetween and wordStart run for every negator and
// every piece of evidence it may touch; slicing the text and running regexes on each slice was most of the
// negation test's time on a long message. The regexes below are the definitions: they only see characters
// outside ASCII, tested in place (sticky) so no one-character string is made.

/** JavaScript's \s. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Most characters between two offsets that still count words (further is "too far", Infinity). */
const MAX_GAP = 120;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/uy;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/uy;
const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/uy;

const isAsciiLetterOrDigit = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

/** The sticky regex matches at i (which starts a character: a BMP one or a surrogate pair). */
function matchesAt(re: RegExp, text: string, i: number): boolean {
  re.lastIndex = i;
  return re.test(text);
}

/**
 * Words between two offsets: the space-separated runs with a letter or a number in them, or, for a run of
 * Han/kana, one word per two such characters (whichever is more). The text is read as if sliced at a and b.
 */
export function wordsBetween(text: string, a: number, b: number): number {
  if (b - a > MAX_GAP) return Infinity;
  let runs = 0;
  let cjk = 0;
  let counted = false; // the current run already has its letter
  for (let i = a; i < b; ) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) counted = false;
      else if (!counted && isAsciiLetterOrDigit(c)) ((counted = true), runs++);
      i++;
      continue;
    }
    // A surrogate pair is one character, unless b cuts it (then each half is a lone surrogate: no letter).
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < b && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (isSpace(c)) counted = false;
    else if (pair || !isSurrogate(c)) {
      if (!counted && matchesAt(LETTER_OR_NUMBER, text, i)) ((counted = true), runs++);
      if (c >= 0x2e80 && matchesAt(HAN_OR_KANA, text, i)) cjk++;
    }
    i += pair ? 2 : 1;
  }
  return Math.max(runs, Math.ceil(cjk / 2));
}

/** One UTF-16 unit is a letter, a mark or a number (a surrogate half never is). */
function isWordUnit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiLetterOrDigit(c);
  return !isSurrogate(c) && matchesAt(WORD_CHAR, text, i);
}

/** The start of the word p is in: a term after a proclitic ("ה|סיסמה", "ו|תשלח") starts with its word. */
export function wordStart(text: string, p: number): number {
  while (p > 0 && isWordUnit(text, p - 1) && p < text.length && isWordUnit(text, p)) p--;
  return p;
}

/** The word that ends at p (letters, marks and numbers right before it), lower case; "" when p starts a word. */
export function wordEndingAt(text: string, p: number): string {
  let a = p;
  while (a > 0 && isWordUnit(text, a - 1)) a--;
  return text.slice(a, p).toLowerCase();
}

/** The word that starts at p, lower case; "" when no word starts there. */
export function wordStartingAt(text: string, p: number): string {
  let b = p;
  while (b < text.length && isWordUnit(text, b)) b++;
  return text.slice(p, b).toLowerCase();
}
