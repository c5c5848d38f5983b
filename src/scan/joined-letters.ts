// Runs of single letters with one separator between them are one word (w h a t s a p p,
// t.e.l.e.g.r.a.m, O.T.P): their units are flagged T.joined_letters and the spaces between them
// dropped. Hebrew and Arabic one-letter prefixes split off before such a run join it too.
import { T } from "./mapped.ts";
import { isLetterCode, type CharMemo } from "./char-info.ts";
import { isAsciiLetterCode } from "./code-points.ts";
import type { WordWork } from "./word-work.ts";

/** Hebrew and Arabic one-letter proclitics. */
const PREFIX_LETTERS = new Set([..."הובלמשכ", ..."وفبلك"]);
/** Fewest single letters in a run that is read as one spaced-out word (p i x, O.T.P, w h a t s a p p). */
const MIN_JOINED = 3;

const COMBINING_MARK = /^\p{M}$/u;
const PREFIX_LETTER_CODES = new Set([...PREFIX_LETTERS].map((c) => c.charCodeAt(0)));

/** 3. Runs of single letters with one separator between them are one word (w h a t s a p p, t.e.l.e.g.r.a.m); true when there are some. */
export function joinSpacedLetters(work: WordWork, src: string, cache: CharMemo | undefined): boolean {
  const { wordFrom: from, wordTo: to, wordFirst: first } = work;
  // A lone combining mark counts as a letter: spaced-out Devanagari splits off its vowel signs ("न ं ब र" = नंबर).
  const single = (w: number) => work.wordCps[w] === 1 && (isLetterCode(first[w]!, cache) || (first[w]! >= 0x300 && COMBINING_MARK.test(String.fromCharCode(first[w]!))));
  let joined = false;
  for (let w = 0; w < work.words; ) {
    if (!single(w)) {
      w++;
      continue;
    }
    let e = w + 1;
    const ascii = isAsciiLetterCode(first[w]!);
    while (e < work.words && single(e) && gapIsOneChar(work, e - 1, e, src) && isAsciiLetterCode(first[e]!) === ascii) e++;
    if (e - w >= MIN_JOINED) {
      let start = w;
      // Hebrew and Arabic glue one-letter prefixes (ה "the", ו "and", ب "with"…) to words, and the
      // split often starts after the first letter: "הס י ס מ ה". A two-letter word that starts
      // with such a prefix, right before the run, joins it ("את ה ס י ס מ ה" keeps its "את").
      if (!ascii && w > 0 && work.wordCps[w - 1] === 2 && PREFIX_LETTER_CODES.has(first[w - 1]!) && gapIsOneChar(work, w - 1, w, src)) start = w - 1;
      // A wider gap than the run's own is a word break: "s e n d  m e  t h e  c o d e" reads "send me the code".
      let narrowest = Infinity;
      for (let k = w; k < e - 1; k++) narrowest = Math.min(narrowest, gapOf(work, k, k + 1));
      for (let k = start; k < e - 1; k++) work.joinAfter[k] = k < w || gapOf(work, k, k + 1) <= narrowest ? 1 : 0;
      const flags = work.units.flags;
      for (let k = from[start]!; k < to[e - 1]!; k++) flags[k] = flags[k]! | T.joined_letters;
      joined = true;
    }
    w = e;
  }
  return joined;
}

/** Characters between word a and word b in the entity view. */
function gapOf(work: WordWork, a: number, b: number): number {
  return work.units.start[work.wordFrom[b]!]! - work.units.end[work.wordTo[a]! - 1]!;
}

/** One separator between two spaced-out letters ("w h a", "t.e.l", "W🔥h🔥a"), or two when both are spaces ("W  h  a"). */
function gapIsOneChar(work: WordWork, a: number, b: number, src: string): boolean {
  const from = work.units.end[work.wordTo[a]! - 1]!;
  const gap = gapOf(work, a, b);
  if (gap <= 1) return true;
  if (gap !== 2) return false;
  const c = src.charCodeAt(from);
  return (c === 32 && src.charCodeAt(from + 1) === 32) || (c >= 0xd800 && c <= 0xdbff); // two spaces, or one emoji (a surrogate pair)
}

/** Drops the space before every word that joins the one before it (each word but the first has one, right before it). */
export function removeJoinedSpaces(work: WordWork): void {
  const { codes, start, end, flags } = work.units;
  let n = 0;
  let next = 1; // the next word whose space may go
  for (let k = 0; k < work.units.length; k++) {
    if (next < work.words && k === work.wordFrom[next]! - 1) {
      if (work.joinAfter[next++ - 1]) continue;
    }
    codes[n] = codes[k]!;
    start[n] = start[k]!;
    end[n] = end[k]!;
    flags[n++] = flags[k]!;
  }
  work.units.length = n;
}
