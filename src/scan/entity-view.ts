// The entity view: NFKC, default-ignorables and keycap marks removed, digits of every script in
// ASCII; case and punctuation kept. Phone numbers, e-mails, URLs, IBANs, cards and wallets are
// found here (IBAN and base58 need the case).
import { MAX_CACHED_CHARS, MappedBuilder, T, type Mapped } from "./mapped.ts";

const IDEOGRAPHIC_STOP = 0x3002;
const HALFWIDTH_STOP = 0xff61;
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);

/**
 * Longest piece (a character with its marks, in code units) whose view is memoised: a syllable with its vowel signs
 * and marks ("कि", "ที่", "بِّ") costs an NFKC call and Unicode tests otherwise, at every occurrence. (The memo's
 * size is bounded by its entry count.)
 */
const MAX_MEMO_PIECE = 8;
/** Most combining marks kept on one base character; a flood beyond is dropped (it only hides letters). */
const MAX_MARKS = 8;
const MARK = /^\p{M}$/u;
const ND = /^\p{Nd}$/u;
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const KEYCAP = 0x20e3;
/** Symbols NFKC leaves alone but people use as ASCII ("➕44…", the Hebrew maqaf in "052־1234567"). */
const SYMBOLS: Record<string, string> = { "➕": "+", "➖": "-", "✚": "+", "‐": "-", "‑": "-", "‒": "-", "−": "-", "⁃": "-", "־": "-", "∙": ".", "•": ".", "・": ".", "‧": ".", "。": ". ", "＂": '"', ...emojiLetters() };

/**
 * Negative circled and negative squared letters (🅐…🅩, 🅰…🆉): emoji that NFKC leaves alone, used as letters
 * to hide a word ("W🅰tsapp", "🅿ayPal"). Flags (regional indicators) stay emoji.
 */
function emojiLetters(): Record<string, string> {
  const out: Record<string, string> = {};
  for (let k = 0; k < 26; k++) {
    out[String.fromCodePoint(0x1f150 + k)] = String.fromCharCode(65 + k);
    out[String.fromCodePoint(0x1f170 + k)] = String.fromCharCode(65 + k);
  }
  return out;
}

// What one code point is to the view, as bits (KNOWN so that 0 means "not looked at yet").
const KNOWN = 1;
/** A combining mark (\p{M}): it stays with the character before it. */
const IS_MARK = 2;
/**
 * The view changes it even when NFKC does not: a digit of another script, an invisible, a keycap,
 * a mapped symbol, a control character other than tab and line feed.
 */
const NEEDS_WORK = 4;
/** Alone (no marks after it), the view gives it back unchanged and without transform flags. */
const PLAIN = 8;
/** More marks in a row than this make a flood the view trims. */
const MARK_FLOOD = 9;
/** Conjoining Hangul jamo: NFKC composes them with the syllable or jamo before them, no marks. */
const HANGUL_JAMO_FROM = 0x1100;
const HANGUL_JAMO_TO = 0x11ff;
/** Emoji and symbols (U+1F000–U+1FFFF): no canonical composition involves them. */
const EMOJI_PLANES_FROM = 0x1f000;
const EMOJI_PLANES_TO = 0x1ffff;

function kindOfCodePoint(cp: number): number {
  if (cp < 0x80) return KNOWN | PLAIN | (cp === 0x7f || (cp < 0x20 && cp !== 9 && cp !== 10) ? NEEDS_WORK : 0);
  if (cp >= 0xd800 && cp <= 0xdfff) return KNOWN; // a lone surrogate (the view makes it a space)
  const ch = String.fromCodePoint(cp);
  const digit = ND.test(ch);
  const invisible = cp === KEYCAP || IGNORABLE.test(ch);
  const symbol = SYMBOLS[ch] !== undefined;
  let kind = KNOWN;
  if (cp >= 0x300 && MARK.test(ch)) kind |= IS_MARK;
  if (digit || invisible || symbol) kind |= NEEDS_WORK;
  else if (ch.normalize("NFKC") === ch) kind |= PLAIN;
  return kind;
}

/** Per-scanner memo and workspace of the entity view (create one with newEntityCache). */
export type EntityCache = {
  /** Kind bits of each BMP code point, 0 until first seen. */
  kinds: Uint8Array;
  /** Kind bits of the other code points seen (bounded). */
  astralKinds: Map<number, number>;
  /** The view of one character with its marks, when it is not PLAIN (NFKC, digits, invisibles). */
  pieces: Map<string, { res: string; f: number }>;
  /** Where the view is built: the Mapped returned reads it until the next call with this memo. */
  out: MappedBuilder;
};

export function newEntityCache(): EntityCache {
  return { kinds: new Uint8Array(0x10000), astralKinds: new Map(), pieces: new Map(), out: new MappedBuilder() };
}

function kindOf(cp: number, cache: EntityCache | undefined): number {
  if (!cache) return kindOfCodePoint(cp);
  if (cp < 0x10000) {
    const known = cache.kinds[cp]!;
    return known !== 0 ? known : (cache.kinds[cp] = kindOfCodePoint(cp));
  }
  let kind = cache.astralKinds.get(cp);
  if (kind === undefined) {
    kind = kindOfCodePoint(cp);
    if (cache.astralKinds.size < MAX_CACHED_CHARS) cache.astralKinds.set(cp, kind);
  }
  return kind;
}

/**
 * The text needs no work: printable ASCII (tab and line breaks allowed), or text without lone
 * surrogates, NEEDS_WORK characters or mark floods that NFKC leaves as it is. One pass over the
 * char codes with the memo replaces three Unicode regex tests (most non-ASCII chat is already in
 * its final form, so this is the view's usual cost).
 * NFKC itself is asked only when a character may change or compose with the one before it: one
 * that is not PLAIN, a mark, a Hangul jamo (ᄀ + ᅡ is 가), or an astral one outside the emoji
 * planes (Kirat Rai vowels compose, and scripts yet to come may). In a text of other characters no
 * canonical composition applies (the only non-mark characters that compose with the one before are
 * those), so NFKC gives it back as it is; not asking saves a copy of the text (most chat).
 */
function isFinalForm(s: string, cache: EntityCache | undefined): boolean {
  const n = s.length;
  let i = 0;
  let carriageReturn = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x7f || (c < 0x20 && c !== 9 && c !== 10 && c !== 13)) break;
    if (c === 13) carriageReturn = true;
  }
  if (i === n) return true;
  // Beyond printable ASCII, a carriage return reads as a space like other control characters.
  if (carriageReturn) return false;
  let marks = 0;
  let askNfkc = false;
  for (; i < n; i++) {
    let cp = s.charCodeAt(i);
    // Printable ASCII (the spaces, digits and punctuation between words of any script) is PLAIN and no mark:
    // nothing to look up.
    if (cp >= 0x20 && cp < 0x7f) {
      marks = 0;
      continue;
    }
    if ((cp & 0xfc00) === 0xd800) {
      const low = s.charCodeAt(i + 1);
      if ((low & 0xfc00) !== 0xdc00) return false;
      cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
      i++;
      if (cp < EMOJI_PLANES_FROM || cp > EMOJI_PLANES_TO) askNfkc = true;
    } else if ((cp & 0xfc00) === 0xdc00) return false;
    else if (cp >= HANGUL_JAMO_FROM && cp <= HANGUL_JAMO_TO) askNfkc = true;
    const kind = kindOf(cp, cache);
    if (kind & NEEDS_WORK) return false;
    marks = kind & IS_MARK ? marks + 1 : 0;
    if (marks >= MARK_FLOOD) return false;
    if ((kind & (PLAIN | IS_MARK)) !== PLAIN) askNfkc = true;
  }
  return !askNfkc || s.normalize("NFKC") === s;
}

/** Digit of any script → ASCII digit (Unicode assigns Nd digits in runs of ten starting at zero). */
function asciiDigit(cp: number): string {
  let k = 0;
  while (k < 100 && ND.test(String.fromCodePoint(cp - k - 1))) k++;
  return String(k % 10);
}

/** The view of one character with its kept marks: NFKC, then invisibles dropped, digits and symbols mapped. */
function viewOfPiece(piece: string, trimmedMarks: boolean): { res: string; f: number } {
  const nfkc = piece.normalize("NFKC");
  let f = nfkc !== piece ? T.nfkc : 0;
  if (trimmedMarks) f |= T.ignorables;
  let res = "";
  for (const ch of nfkc) {
    const p = ch.codePointAt(0)!;
    if (p === KEYCAP || (p >= 0x80 && IGNORABLE.test(ch))) {
      f |= T.ignorables;
      continue;
    }
    if (p >= 0x80 && ND.test(ch)) {
      res += asciiDigit(p);
      f |= T.digits;
      continue;
    }
    const sym = SYMBOLS[ch];
    res += sym ?? ch;
  }
  return { res, f };
}

/** The entity view: NFKC, no ignorables or keycaps, ASCII digits; case and punctuation kept. */
export function entityView(s: string, cache?: EntityCache): Mapped {
  if (isFinalForm(s, cache)) return { text: s, start: null, end: null, flags: null };
  const out = cache?.out ?? new MappedBuilder(s.length + 16);
  out.clear();
  // The usual characters are written straight into the workspace's arrays (a call per character was most of the
  // view's cost in a long text): each adds at most one unit per code unit read, so room for the rest of the text
  // is made first, and again after a piece whose view is longer than itself.
  out.reserve(s.length);
  let { codes, start, end, flags } = out;
  let k = 0;
  // Flags of dropped characters, given to the next unit out.
  let pending = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c < 0x80 && !(i + 1 < s.length && s.charCodeAt(i + 1) >= 0x300)) {
      // Control characters other than line breaks read as spaces.
      codes[k] = c < 0x20 && c !== 10 ? 32 : c;
      start[k] = i;
      end[k] = i + 1;
      flags[k++] = pending;
      pending = 0;
      i++;
      continue;
    }
    const cp = s.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      // a lone surrogate is no character at all
      codes[k] = 32;
      start[k] = i;
      end[k] = j;
      flags[k++] = pending;
      pending = 0;
      i = j;
      continue;
    }
    let keep = j;
    let marks = 0;
    while (j < s.length) {
      const m = s.codePointAt(j)!;
      if (!(kindOf(m, cache) & IS_MARK)) break;
      j += m > 0xffff ? 2 : 1;
      if (++marks <= MAX_MARKS) keep = j;
    }
    if (marks === 0 && kindOf(cp, cache) & PLAIN) {
      // The usual character of a text that needs work somewhere else: copied as it is.
      codes[k] = c;
      start[k] = i;
      end[k] = j;
      flags[k++] = pending;
      if (j - i === 2) {
        codes[k] = s.charCodeAt(i + 1);
        start[k] = i;
        end[k] = j;
        flags[k++] = 0;
      }
      pending = 0;
      i = j;
      continue;
    }
    // An ideographic full stop between ASCII letters or digits is a host's dot ("fiverr。com"), not a sentence's end.
    if ((cp === IDEOGRAPHIC_STOP || cp === HALFWIDTH_STOP) && marks === 0 && isAsciiAlnum(s.charCodeAt(i - 1)) && isAsciiAlnum(s.charCodeAt(j))) {
      codes[k] = 46;
      start[k] = i;
      end[k] = j;
      flags[k++] = pending | T.nfkc;
      pending = 0;
      i = j;
      continue;
    }
    const piece = s.slice(i, keep);
    const memo = keep === j && j - i <= MAX_MEMO_PIECE;
    let v = memo ? cache?.pieces.get(piece) : undefined;
    if (!v) {
      v = viewOfPiece(piece, keep < j);
      if (cache && memo && cache.pieces.size < MAX_CACHED_CHARS) cache.pieces.set(piece, v);
    }
    if (v.res === "") pending |= v.f | T.ignorables;
    else {
      out.length = k;
      out.reserve(v.res.length + s.length - j);
      ({ codes, start, end, flags } = out);
      for (let r = 0; r < v.res.length; r++) {
        codes[k] = v.res.charCodeAt(r);
        start[k] = i;
        end[k] = j;
        flags[k++] = r === 0 ? v.f | pending : v.f;
      }
      pending = 0;
    }
    i = j;
  }
  out.length = k;
  return out.build();
}
