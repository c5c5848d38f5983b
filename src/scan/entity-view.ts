// The entity view: NFKC, default-ignorables and keycap marks removed, digits of every script in
// ASCII; case and punctuation kept. Phone numbers, e-mails, URLs, IBANs, cards and wallets are
// found here (IBAN and base58 need the case).
import { MAX_CACHED_CHARS, T, fromCodes, type Mapped } from "./mapped.ts";

/** Most combining marks kept on one base character; a flood beyond is dropped (it only hides letters). */
const MAX_MARKS = 8;
const MARK = /^\p{M}$/u;
const ND = /^\p{Nd}$/u;
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const PRINTABLE_ASCII = /^[\x20-\x7e\t\n\r]*$/;
const KEYCAP = 0x20e3;
/** Symbols NFKC leaves alone but people use as ASCII ("➕44…"). */
const SYMBOLS: Record<string, string> = { "➕": "+", "➖": "-", "✚": "+", "‐": "-", "‑": "-", "‒": "-", "−": "-", "⁃": "-", "∙": ".", "•": ".", "・": ".", "。": ". ", "＂": '"' };
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** What the entity view changes besides NFKC: digits of other scripts, invisibles, keycaps, mapped symbols, control characters, mark floods. */
const NEEDS_WORK = /(?![0-9])\p{Nd}|\p{Default_Ignorable_Code_Point}|[\u20e3➕➖✚‐‑‒−⁃∙•・。＂]|[\x00-\x08\x0b-\x1f\x7f]|\p{M}{9}/u;

function isMarkCp(cp: number): boolean {
  return cp >= 0x300 && MARK.test(String.fromCodePoint(cp));
}

/** Digit of any script → ASCII digit (Unicode assigns Nd digits in runs of ten starting at zero). */
function asciiDigit(cp: number): string {
  let k = 0;
  while (k < 100 && ND.test(String.fromCodePoint(cp - k - 1))) k++;
  return String(k % 10);
}

/** Per-scanner memo of the entity view's work on one code point without marks (NFKC, digits, invisibles). */
export type EntityCache = Map<string, { res: string; f: number }>;

/** The entity view: NFKC, no ignorables or keycaps, ASCII digits; case and punctuation kept. */
export function entityView(s: string, cache?: EntityCache): Mapped {
  if (PRINTABLE_ASCII.test(s)) return { text: s, start: null, end: null, flags: null };
  // Most non-ASCII chat is already in its final form: one native NFKC pass and one test prove it.
  if (!LONE_SURROGATE.test(s) && !NEEDS_WORK.test(s) && s.normalize("NFKC") === s) return { text: s, start: null, end: null, flags: null };
  // Char codes made into one flat string at the end: a string grown by += is a rope, slow to read
  // char by char afterwards, and join("") of one-character strings is ~10× slower than fromCharCode.
  const codes: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const flags: number[] = [];
  let pending = 0;
  const emit = (str: string, i: number, j: number, f: number) => {
    for (let k = 0; k < str.length; k++) {
      codes.push(str.charCodeAt(k));
      start.push(i);
      end.push(j);
      flags.push(f | pending);
      pending = 0;
    }
  };
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c < 0x80 && !(i + 1 < s.length && s.charCodeAt(i + 1) >= 0x300)) {
      // Control characters other than line breaks read as spaces.
      emit(c < 0x20 && c !== 10 ? " " : s[i]!, i, i + 1, 0);
      i++;
      continue;
    }
    const cp = s.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      emit(" ", i, j, 0); // a lone surrogate is no character at all
      i = j;
      continue;
    }
    let keep = j;
    let marks = 0;
    while (j < s.length) {
      const m = s.codePointAt(j)!;
      if (!isMarkCp(m) || (m >= 0xd800 && m <= 0xdfff)) break;
      j += m > 0xffff ? 2 : 1;
      if (++marks <= MAX_MARKS) keep = j;
    }
    const piece = s.slice(i, keep);
    const hit = keep === j && j - i <= 2 ? cache?.get(piece) : undefined;
    if (hit) {
      if (hit.res === "") pending |= hit.f | T.ignorables;
      else emit(hit.res, i, j, hit.f);
      i = j;
      continue;
    }
    const nfkc = piece.normalize("NFKC");
    let f = nfkc !== piece ? T.nfkc : 0;
    if (keep < j) f |= T.ignorables;
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
    if (cache && keep === j && j - i <= 2 && cache.size < MAX_CACHED_CHARS) cache.set(piece, { res, f });
    if (res === "") pending |= f | T.ignorables;
    else emit(res, i, j, f);
    i = j;
  }
  return { text: fromCodes(codes), start, end, flags };
}
