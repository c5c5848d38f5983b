// Code-level tests the word view asks for every character: white space, ASCII letters and digits,
// and surrogate pairs (in the text and in the view's code units). Plain comparisons on char codes,
// no strings or regexes: they sit in the view's hot loops. A leaf of the word view's files.

/** Han, kana, Thai, Lao, Khmer, Myanmar code units (the scripts written without spaces between words), by range for hot loops. */
export function isUnspacedCode(c: number): boolean {
  return (
    c >= 0x0e00 &&
    (c <= 0x0eff || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x1000 && c <= 0x109f) || (c >= 0x1780 && c <= 0x17ff) || (c >= 0xff66 && c <= 0xff9f) || (c >= 0x31f0 && c <= 0x31ff))
  );
}

/** Arabic and Hebrew one-letter proclitics ("and", "so", "with", "to", "the"… glued to the next word: فارسل, ותכתוב). */
const PROCLITIC_CODES = new Set([..."وفبلك", ..."ובהלמשכ"].map((c) => c.charCodeAt(0)));

export function isProcliticCode(c: number): boolean {
  return PROCLITIC_CODES.has(c);
}

/**
 * Length of the Arabic article glued at codes[at] to a Latin word ("الcode", "الـOTP", "بالpaypal", "عالwhatsapp"):
 * "ال" after at most one proclitic letter (or the ع of "على"), else 0.
 */
export function arabicArticleLength(codes: ArrayLike<number>, at: number, to: number): number {
  const lead = at < to && (codes[at] === 0x639 || (isProcliticCode(codes[at]!) && codes[at]! >= 0x600)) ? 1 : 0;
  return at + lead + 1 < to && codes[at + lead] === 0x627 && codes[at + lead + 1] === 0x644 ? lead + 2 : 0;
}

/** Non-ASCII white space (the \s of JavaScript), by code: the word view's hot loop asks for every character. */
export function isUnicodeSpace(c: number): boolean {
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A token separator: ASCII or Unicode white space. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && isUnicodeSpace(c));
}

export function isAsciiLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

export function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== "" && isAsciiLetterCode(ch.charCodeAt(0));
}

export function isAsciiDigitCode(cp: number): boolean {
  return cp >= 48 && cp <= 57;
}

/** src[i] (its code c) starts a surrogate pair. */
export function isPairAt(src: string, i: number, c: number): boolean {
  return (c & 0xfc00) === 0xd800 && (src.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

/** The code point at codes[k] (a surrogate pair within [k, to) as one). */
export function codePointIn(codes: Uint16Array, k: number, to: number): number {
  const c = codes[k]!;
  if ((c & 0xfc00) === 0xd800 && k + 1 < to) {
    const d = codes[k + 1]!;
    if ((d & 0xfc00) === 0xdc00) return 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
  }
  return c;
}
