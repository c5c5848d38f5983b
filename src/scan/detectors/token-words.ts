// Whole-word matching of at- and dot-words ("at", "собака", "(dot)", "点") under the e-mail and
// spelled-host regexes' case-insensitive Unicode rules, and the pass over a message's tokens
// that finds them. Most tokens of a message are ordinary words: they are told apart by char
// codes, and no string is made for a token unless it may be one of the words.
import { memoised } from "./anchors.ts";
import { isSpace } from "./shape.ts";
import { escapeRegExp } from "../regexp.ts";

/**
 * Tells whether a token is one of a list of words exactly as `^(?:w1|w2|…)$` with flags iu would:
 * ASCII tokens by their lower-case char codes, others by that regex once per distinct token (memoised).
 * A token whose first character starts none of the words (under the same rules) is out at once.
 */
export type WordMatcher = {
  /** The ASCII words in lower case, by asciiKey of their first one or two letters. */
  asciiByStart: Map<number, string[]>;
  exact: RegExp;
  /** exact.test, made once: a closure made in isWordAt would cost every call a context object, not just the calls that use it. */
  testExact: (token: string) => boolean;
  minLength: number;
  maxLength: number;
  seen: Map<string, boolean>;
  asciiByRegex: boolean;
  /** ^(?:first characters of the words), flags iu. */
  first: RegExp;
  /** Per BMP code unit: 0 not yet tested, 1 starts a word, 2 starts none. */
  firstSeen: Uint8Array;
  /** ^(?:second characters of the words that start with a BMP character)$, flags iu. */
  second: RegExp;
  /** Per BMP code unit, like firstSeen: whether it can be a word's second character. */
  secondSeen: Uint8Array;
  /** The first two letters (lower-case ASCII, index c0 * 128 + c1) of the ASCII words: most tokens fail here, before anything else is looked up. */
  asciiPairs: Uint8Array;
};


export function newWordMatcher(words: string[]): WordMatcher {
  const lengths = words.map((w) => w.length);
  const firsts = [...new Set(words.map((w) => String.fromCodePoint(w.codePointAt(0)!)))];
  const seconds = [...new Set(words.filter((w) => w.codePointAt(0)! <= 0xffff && w.length >= 2).map((w) => String.fromCodePoint(w.codePointAt(1)!)))];
  const exact = words.length ? new RegExp(`^(?:${words.map(escapeRegExp).join("|")})$`, "iu") : /(?!)/;
  return {
    asciiByStart: asciiByStartOf(words),
    exact,
    testExact: (token) => exact.test(token),
    minLength: words.length ? Math.min(...lengths) : 1,
    maxLength: words.length ? Math.max(...lengths) : 0,
    seen: new Map(),
    // Long s and the Kelvin sign fold to ASCII letters: with them in a word, ASCII tokens need the regex too.
    asciiByRegex: words.some((w) => /[\u017f\u212a]/.test(w)),
    first: firsts.length ? new RegExp(`^(?:${firsts.map(escapeRegExp).join("|")})`, "iu") : /(?!)/,
    firstSeen: new Uint8Array(0x10000),
    second: seconds.length ? new RegExp(`^(?:${seconds.map(escapeRegExp).join("|")})$`, "iu") : /(?!)/,
    secondSeen: new Uint8Array(0x10000),
    asciiPairs: asciiPairsOf(words),
  };
}

const isAscii = (w: string) => /^[\x00-\x7f]*$/.test(w);

function asciiPairsOf(words: string[]): Uint8Array {
  const pairs = new Uint8Array(128 * 128);
  for (const w of words) {
    const l = w.toLowerCase();
    if (l.length >= 2 && isAscii(l)) pairs[l.charCodeAt(0) * 128 + l.charCodeAt(1)] = 1;
  }
  return pairs;
}

function asciiByStartOf(words: string[]): Map<number, string[]> {
  const byStart = new Map<number, string[]>();
  for (const w of new Set(words.filter(isAscii).map((w) => w.toLowerCase()))) {
    if (w.length === 0) continue;
    const key = asciiKey(w, 0, w.length);
    byStart.set(key, [...(byStart.get(key) ?? []), w]);
  }
  return byStart;
}

const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** The lower-case first letter of an ASCII token of one letter, else its first two (a one-letter key is < 128, a two-letter one is not, but for a NUL). */
function asciiKey(text: string, s: number, e: number): number {
  return e - s >= 2 ? lowerAscii(text.charCodeAt(s)) * 128 + lowerAscii(text.charCodeAt(s + 1)) : lowerAscii(text.charCodeAt(s));
}

/** Whether the ASCII token text[s, e) is, in lower case, one of the ASCII words (what toLowerCase and a Set would say, without either string). */
function isAsciiWordAt(m: WordMatcher, text: string, s: number, e: number): boolean {
  const candidates = m.asciiByStart.get(asciiKey(text, s, e));
  if (candidates === undefined) return false;
  for (const w of candidates) if (w.length === e - s && sameLowerAscii(text, s, w)) return true;
  return false;
}

function sameLowerAscii(text: string, s: number, lower: string): boolean {
  for (let k = 0; k < lower.length; k++) if (lowerAscii(text.charCodeAt(s + k)) !== lower.charCodeAt(k)) return false;
  return true;
}

/** Whether text[s, e) is one of the matcher's words. */
export function isWordAt(m: WordMatcher, text: string, s: number, e: number): boolean {
  return mayBeWord(m, text, s, e) && matchesToken(m, text, s, e, isAsciiToken(text, s, e));
}

/** The cheap tests: the token's length and its first character. */
function mayBeWord(m: WordMatcher, text: string, s: number, e: number): boolean {
  // Simple case folding maps BMP to BMP and astral to astral code points: a match has the word's UTF-16 length.
  if (e - s < m.minLength || e - s > m.maxLength) return false;
  const c = text.charCodeAt(s);
  if (c >= 0xd800 && c <= 0xdbff) return true;
  return (m.firstSeen[c] || (m.firstSeen[c] = m.first.test(text[s]!) ? 1 : 2)) === 1;
}

function isAsciiToken(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** isWordAt past its first-character test, told whether the token is all ASCII. */
function matchesToken(m: WordMatcher, text: string, s: number, e: number, ascii: boolean): boolean {
  if (ascii && !m.asciiByRegex) return (e - s < 2 || m.asciiPairs[asciiKey(text, s, e)] === 1) && isAsciiWordAt(m, text, s, e);
  return secondMayMatch(m, text, s, e) && memoised(m.seen, text.slice(s, e), m.testExact);
}

/**
 * Whether the token's second character can be a word's second one (when both its first two units
 * are BMP characters: case folding keeps them BMP, so a matching word's first two are too).
 * Most tokens whose first letter starts some word fail here, before a string is made of them.
 */
function secondMayMatch(m: WordMatcher, text: string, s: number, e: number): boolean {
  if (e - s < 2) return true;
  const c0 = text.charCodeAt(s);
  const c1 = text.charCodeAt(s + 1);
  if ((c0 >= 0xd800 && c0 <= 0xdfff) || (c1 >= 0xd800 && c1 <= 0xdfff)) return true;
  return (m.secondSeen[c1] || (m.secondSeen[c1] = m.second.test(text[s + 1]!) ? 1 : 2)) === 1;
}

/** Per BMP code unit: 1 for \s and the brackets ( [ { < ) ] } >, what ends a token (one table read per unit, no test of the range). */
const BREAKS = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < t.length; c++) if (isSpace(c)) t[c] = 1;
  for (const ch of "([{<)]}>") t[ch.charCodeAt(0)] = 1;
  return t;
})();

/** \s or a bracket: what stands between at- and dot-word tokens. */
function isBreak(c: number): boolean {
  return BREAKS[c] === 1;
}

/**
 * Calls found(start, end) for each token (a maximal run of characters that are neither \s nor a
 * bracket) that one of the matchers accepts: at- and dot-words stand between spaces or brackets.
 */
export function eachWordToken(text: string, matchers: WordMatcher[], found: (m: WordMatcher, start: number, end: number) => void): void {
  let minLength = Infinity;
  let maxLength = 0;
  for (const m of matchers) {
    minLength = Math.min(minLength, m.minLength);
    maxLength = Math.max(maxLength, m.maxLength);
  }
  const n = text.length;
  for (let i = 0; i < n; ) {
    while (i < n && isBreak(text.charCodeAt(i))) i++;
    const start = i;
    let units = 0; // the token's code units or-ed together: below 0x80 when it is all ASCII
    for (let c = 0; i < n && !isBreak((c = text.charCodeAt(i))); i++) units |= c;
    const length = i - start;
    if (length === 0 || length < minLength || length > maxLength) continue;
    for (const m of matchers) if (mayBeWord(m, text, start, i) && matchesToken(m, text, start, i, units < 0x80)) found(m, start, i);
  }
}
