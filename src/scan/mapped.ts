// Derived texts that remember, for every code unit, the span of the original text it came from,
// and the transforms that produced it (reported in findings).

/** Transform bits recorded per output code unit. */
export const T = { nfkc: 1, ignorables: 2, digits: 4, confusables: 8, leet: 16, joined_letters: 32, diacritics: 64, spelled: 128 } as const;
export type TransformName = keyof typeof T;
/**
 * Not a transform (no name in findings): marks the word view's space that stands for one emoji or symbol typed
 * inside a word ("pay💰pal", "w🙂hatsapp"), so that terms across it are found too (lexicon-hits.ts).
 */
export const SEAM = 1 << 8;

/** One number per code unit: a plain array, or a typed array (the views build theirs in a reusable workspace). */
export type PerUnit = ArrayLike<number>;

/** A derived text: start/end are offsets in the original text for each code unit (null: identity). */
export type Mapped = {
  text: string;
  start: PerUnit | null;
  end: PerUnit | null;
  flags: PerUnit | null;
};


/** Most entries a per-scanner character memo keeps (bounded memory whatever the input). */
export const MAX_CACHED_CHARS = 1 << 16;

export function origStart(m: Mapped, i: number): number {
  return m.start ? m.start[i]! : i;
}
export function origEnd(m: Mapped, i: number): number {
  return m.end ? m.end[i]! : i + 1;
}
/** The original span [start, end) of the derived span [s, e). */
export function toOriginal(m: Mapped, s: number, e: number): [number, number] {
  if (e <= s) {
    const p = s < m.text.length ? origStart(m, s) : m.text.length === 0 ? 0 : origEnd(m, m.text.length - 1);
    return [p, p];
  }
  return [origStart(m, s), origEnd(m, e - 1)];
}
export function flagsOf(m: Mapped, s: number, e: number): number {
  if (!m.flags) return 0;
  let f = 0;
  for (let i = s; i < e && i < m.flags.length; i++) f |= m.flags[i]!;
  return f;
}
export function transformNames(flags: number): string[] {
  return (Object.keys(T) as TransformName[]).filter((k) => flags & T[k]);
}

/** Most arguments passed to one String.fromCharCode call (engines cap the argument count). */
const CODES_PER_CALL = 8192;

/** The string of these UTF-16 code units, exactly (lone surrogates included). */
function fromCodes(codes: Uint16Array): string {
  let text = "";
  for (let k = 0; k < codes.length; k += CODES_PER_CALL) text += String.fromCharCode.apply(null, codes.subarray(k, k + CODES_PER_CALL) as unknown as number[]);
  return text;
}

function hasLoneSurrogate(codes: Uint16Array): boolean {
  for (let k = 0; k < codes.length; k++) {
    const c = codes[k]!;
    if ((c & 0xfc00) === 0xd800 && k + 1 < codes.length && (codes[k + 1]! & 0xfc00) === 0xdc00) k++;
    else if ((c & 0xf800) === 0xd800) return true;
  }
  return false;
}

/**
 * Decodes code units to one flat string: from ~100 units on, several times faster than fromCharCode.
 * Stateless between calls (no streaming), so one instance serves every scanner. It would turn a lone
 * surrogate into U+FFFD, hence MappedBuilder's fallback; so is a runtime that lacks UTF-16.
 */
const UTF16 = utf16Decoder();

function utf16Decoder(): TextDecoder | undefined {
  try {
    return new TextDecoder("utf-16le", { ignoreBOM: true });
  } catch {
    return undefined;
  }
}

/**
 * A growable workspace of parallel typed arrays in which a view is built unit by unit, reused from
 * one scan to the next through the scanner's memos (pushing into four JS arrays per code unit was
 * most of a view's cost). The Mapped that build() returns reads the workspace: it is valid until the
 * next clear(), which is enough inside one scan. A hot loop may write the arrays itself after
 * reserve(), then set length.
 */
export class MappedBuilder {
  codes: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  flags: Int32Array;
  length = 0;

  constructor(capacity = 256) {
    this.codes = new Uint16Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.flags = new Int32Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  push(code: number, start: number, end: number, flags: number): void {
    if (this.length === this.codes.length) this.grow(this.length + 1);
    const k = this.length++;
    this.codes[k] = code;
    this.start[k] = start;
    this.end[k] = end;
    this.flags[k] = flags;
  }

  /** Makes room for `count` more units (the arrays may be new ones afterwards). */
  reserve(count: number): void {
    if (this.length + count > this.codes.length) this.grow(this.length + count);
  }

  /** The text built since clear(), its maps reading the workspace. */
  build(): Mapped {
    const n = this.length;
    const codes = this.codes.subarray(0, n);
    // The decoder turns a lone surrogate into U+FFFD: only a text with one needs the check.
    let text = n === 0 ? "" : UTF16 ? UTF16.decode(codes) : fromCodes(codes);
    if (UTF16 && text.indexOf("\ufffd") >= 0 && hasLoneSurrogate(codes)) text = fromCodes(codes);
    return { text, start: this.start.subarray(0, n), end: this.end.subarray(0, n), flags: this.flags.subarray(0, n) };
  }

  private grow(needed: number): void {
    let size = Math.max(16, this.codes.length * 2);
    while (size < needed) size *= 2;
    const codes = new Uint16Array(size);
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    const flags = new Int32Array(size);
    codes.set(this.codes);
    start.set(this.start);
    end.set(this.end);
    flags.set(this.flags);
    this.codes = codes;
    this.start = start;
    this.end = end;
    this.flags = flags;
  }
}
