// Derived texts that remember, for every code unit, the span of the original text it came from,
// and the transforms that produced it (reported in findings).

/** Transform bits recorded per output code unit. */
export const T = { nfkc: 1, ignorables: 2, digits: 4, confusables: 8, leet: 16, joined_letters: 32, diacritics: 64, spelled: 128 } as const;
export type TransformName = keyof typeof T;

/** A derived text: start/end are offsets in the original text for each code unit (null: identity). */
export type Mapped = {
  text: string;
  start: number[] | null;
  end: number[] | null;
  flags: number[] | null;
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

/** The string of these UTF-16 code units. */
export function fromCodes(codes: number[]): string {
  if (codes.length <= CODES_PER_CALL) return String.fromCharCode(...codes);
  let text = "";
  for (let k = 0; k < codes.length; k += CODES_PER_CALL) text += String.fromCharCode(...codes.slice(k, k + CODES_PER_CALL));
  return text;
}
