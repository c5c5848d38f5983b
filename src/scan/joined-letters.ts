// Runs of single letters with one separator between them are one word (w h a t s a p p,
// t.e.l.e.g.r.a.m, O.T.P): their units are flagged T.joined_letters and the spaces between them
// dropped. Hebrew and Arabic one-letter prefixes split off before such a run join it too.
import { SEAM, T } from "./mapped.ts";
import { isLetterCode, type CharMemo } from "./char-info.ts";
import { isAsciiLetterCode, isProcliticCode, isSpaceCode, isUnspacedCode } from "./code-points.ts";
import type { WordWork } from "./word-work.ts";

/** Fewest single letters in a run that is read as one spaced-out word (p i x, O.T.P, w h a t s a p p). */
const MIN_JOINED = 3;
/**
 * The same in the scripts written without spaces (微 ❤ 信, ไ ล น์), for a run glued to them (加我v x,
 * L I N Eで) and for two letters parted by an emoji (V❤X): a space between two of their letters is already
 * unusual, their terms match inside words anyway, and nobody puts a heart inside a word by chance.
 */
const MIN_JOINED_UNSPACED = 2;
/** Longest "letter with its marks" (ग्रा, ที่) read as one spaced-out letter, in code points. */
const MAX_CLUSTER = 5;

const COMBINING_MARK = /^\p{M}$/u;
const COLON = 0x3a;
/** General punctuation, arrows, symbols, dingbats and emoji start here. */
const SYMBOLS_FROM = 0x2000;
const FULLWIDTH_COLON = 0xff1a;
/** Indic viramas (and the Thai phinthu): the letter after one belongs to the same spoken letter (ग्र). */
const VIRAMAS = new Set([0x094d, 0x09cd, 0x0a4d, 0x0acd, 0x0b4d, 0x0bcd, 0x0c4d, 0x0ccd, 0x0d4d, 0x0e3a]);

/** 3. Runs of single letters with one separator between them are one word (w h a t s a p p, t.e.l.e.g.r.a.m); true when there are some. */
export function joinSpacedLetters(work: WordWork, src: string, cache: CharMemo | undefined): boolean {
  const { wordTo: to, wordFirst: first } = work;
  const from = work.wordFrom;
  let joined = false;
  // (Module-level tests, not closures: closures over the loop's block would cost an allocation per word.)
  for (let w = 0; w < work.words; ) {
    if (!single(work, w, w + 1, src, cache)) {
      w++;
      continue;
    }
    let e = w + 1;
    const ascii = isAsciiLetterCode(first[w]!);
    // A change of separator ends the run: "P a s s w o r t t.e.l.e.g.r.a.m" is two words. The letter between
    // the two kinds of gap starts the second when that is a run of its own ("t.e.l…"), else it ends the first ("A-n-y-D-e-s-k i").
    const spaced = w + 1 < work.words && isSpacedApart(work, w, w + 1, src);
    while (
      e < work.words &&
      single(work, e, e - 1, src, cache) &&
      gapIsOneChar(work, e - 1, e, src) &&
      isSpacedApart(work, e - 1, e, src) === spaced &&
      !startsOther(work, e, spaced, ascii, src, cache) &&
      isAsciiLetterCode(first[e]!) === ascii
    )
      e++;
    // The run's first letter may end a word of an unspaced script ("加我v x"), its last one start a word
    // of one ("L I N Eで", "ペ イ ペ イで"): the particle or verb glued to the spelled-out name.
    // (A Han or kana run's first letter may end a word of its own script too: "把验-证-码发给我".)
    const headGlued = w > 0 && gapIsOneChar(work, w - 1, w, src) && (ascii ? endsInGluedLetter(work, w - 1, cache) : isUnspacedCode(first[w]!) && endsInUnspacedLetter(work, w - 1, cache));
    const tailGlued = e < work.words && gapIsOneChar(work, e - 1, e, src) && startsWithGluedLetter(work, e, ascii, cache);
    // Two Han or Thai letters parted by a space stay apart ("微 信" is a term of its own, "加我微 信聊" must still find it); a symbol between them joins them ("薇❤信").
    const unspaced = headGlued || tailGlued || (isUnspacedCode(first[w]!) && (e - w >= MIN_JOINED || !isSpacedApart(work, w, w + 1, src))) || isEmojiParted(work, w, src);
    const letters = e - w + (headGlued ? 1 : 0) + (tailGlued ? 1 : 0);
    if (letters >= (unspaced ? MIN_JOINED_UNSPACED : MIN_JOINED)) {
      if (tailGlued) e++;
      let start = headGlued ? w - 1 : w;
      // Hebrew and Arabic glue one-letter prefixes (ה "the", ו "and", ب "with"…) to words, and the
      // split often starts after the first letter: "הס י ס מ ה". A two-letter word that starts
      // with such a prefix, right before the run, joins it ("את ה ס י ס מ ה" keeps its "את").
      if (!ascii && w > 0 && work.wordCps[w - 1] === 2 && isProcliticCode(first[w - 1]!) && gapIsOneChar(work, w - 1, w, src)) start = w - 1;
      // A wider gap than the run's own is a word break: "s e n d  m e  t h e  c o d e" reads "send me the code".
      let narrowest = Infinity;
      for (let k = w; k < e - 1; k++) narrowest = Math.min(narrowest, gapOf(work, k, k + 1));
      for (let k = start; k < e - 1; k++) work.joinAfter[k] = k < w || gapOf(work, k, k + 1) <= narrowest ? 1 : 0;
      const flags = work.units.flags;
      // A glued word before the run is not spelled out: only its last letter is marked.
      for (let k = headGlued ? to[start]! - 1 : from[start]!; k < to[e - 1]!; k++) flags[k] = flags[k]! | T.joined_letters;
      joined = true;
    }
    w = e;
  }
  return joined;
}

/** A lone combining mark counts as a letter: spaced-out Devanagari splits off its vowel signs ("न ं ब र" = नंबर). */
function lone(work: WordWork, w: number, cache: CharMemo | undefined): boolean {
  const c = work.wordFirst[w]!;
  return work.wordCps[w] === 1 && (isLetterCode(c, cache) || (c >= 0x300 && COMBINING_MARK.test(String.fromCharCode(c))));
}

/**
 * Word w is a single letter. A letter with its vowel signs counts as one in Thai and Lao ("ไ ล น์"), and in Indic scripts
 * when dots or symbols rather than spaces part it from the next one ("टे.ली.ग्रा.म": spaces part whole words there, "है तो").
 */
function single(work: WordWork, w: number, next: number, src: string, cache: CharMemo | undefined): boolean {
  const n = work.wordCps[w]!;
  if (n === 1) return lone(work, w, cache);
  const c = work.wordFirst[w]!;
  // A kana with its small kana is one spoken letter too ("に ん しょ う", "チャ ッ ト").
  if (n === 2 && c >= 0x3041 && c <= 0x30ff) return isSmallKana(work.units.codes[work.wordFrom[w]! + 1]!);
  // Most words: too long, or not Indic or Thai (the test every word of every message meets).
  if (n > MAX_CLUSTER || c < 0x0900 || c > 0x0eff) return false;
  return isCluster(work, w, cache) && (isUnspacedCode(c) || !isSpacedApart(work, w, next, src));
}

/** The small kana that follow a kana in one sound (ゃ ゅ ょ ぁ ぃ ぅ ぇ ぉ ゎ and their katakana). */
const SMALL_KANA = new Set("ゃゅょぁぃぅぇぉゎャュョァィゥェォヮ".split("").map((k) => k.charCodeAt(0)));
function isSmallKana(c: number): boolean {
  return SMALL_KANA.has(c);
}

/** After word a the gap changes kind (spaced vs not) to a one-character gap before another single letter of the run's kind. */
function otherGap(work: WordWork, a: number, spaced: boolean, ascii: boolean, src: string, cache: CharMemo | undefined): boolean {
  return (
    a + 1 < work.words &&
    isSpacedApart(work, a, a + 1, src) !== spaced &&
    single(work, a + 1, a, src, cache) &&
    gapIsOneChar(work, a, a + 1, src) &&
    isAsciiLetterCode(work.wordFirst[a + 1]!) === ascii
  );
}

/** Word e starts a run of the other kind of gap ("t.e.l…" after "P a s s w o r t"). */
function startsOther(work: WordWork, e: number, spaced: boolean, ascii: boolean, src: string, cache: CharMemo | undefined): boolean {
  return otherGap(work, e, spaced, ascii, src, cache) && otherGap(work, e + 1, spaced, ascii, src, cache);
}

/**
 * Marks with SEAM the space between two words that one emoji or symbol parts inside a token ("pay💰pal",
 * "w🙂hatsapp", "па🔑роль", "sky*pe"): a letter on each side, nothing else between them. Call before the
 * joined spaces go (a run of spaced letters joined across it needs no seam).
 */
export function markSeams(work: WordWork, src: string, cache: CharMemo | undefined): void {
  const { wordFrom: from, wordTo: to } = work;
  const { codes, flags } = work.units;
  for (let w = 0; w + 1 < work.words; w++) {
    if (work.joinAfter[w] || !isSymbolParted(work, w, src) || !gapIsOneChar(work, w, w + 1, src)) continue;
    if (!isLetterCode(codes[to[w]! - 1]!, cache) || !isLetterCode(work.wordFirst[w + 1]!, cache)) continue;
    flags[from[w + 1]! - 1] = flags[from[w + 1]! - 1]! | SEAM;
  }
}

/** ASCII signs that hide a letter's place inside a word ("sky*pe", "pa~ypal"); others ("-", "/", ".", "&") part words. */
const IS_SEAM_SIGN = new Uint8Array(0x80);
for (const c of "*~^_") IS_SEAM_SIGN[c.charCodeAt(0)] = 1;
const SYMBOL = /^\p{S}$/u;

/** Word w and the next are parted by one symbol or emoji (not by punctuation: "l’argent", "A–B" stay apart). */
function isSymbolParted(work: WordWork, w: number, src: string): boolean {
  const at = work.units.end[work.wordTo[w]! - 1]!;
  const c = src.charCodeAt(at);
  if (c < 0x80) return IS_SEAM_SIGN[c] === 1;
  if (c >= 0xd800 && c <= 0xdbff) return true; // an astral symbol: emoji
  return c === 0x2022 || c === 0xb7 || SYMBOL.test(src[at]!);
}

/** One letter with only marks after it, and the letters that viramas join to it (टे, ग्रा, น์); not a lone code point. */
function isCluster(work: WordWork, w: number, cache: CharMemo | undefined): boolean {
  const n = work.wordCps[w]!;
  const c = work.wordFirst[w]!;
  // Indic (Devanagari to Malayalam) and Thai/Lao only: elsewhere a letter with marks is an ordinary short word.
  if (n < 2 || n > MAX_CLUSTER || c < 0x0900 || c > 0x0eff || !isLetterCode(c, cache)) return false;
  const codes = work.units.codes;
  for (let k = work.wordFrom[w]! + 1; k < work.wordTo[w]!; k++) {
    const d = codes[k]!;
    if (COMBINING_MARK.test(String.fromCharCode(d))) continue;
    if (!VIRAMAS.has(codes[k - 1]!)) return false;
  }
  return true;
}

/** Word w and its neighbour are parted by white space (not by dots or symbols), or it has no such neighbour. */
function isSpacedApart(work: WordWork, w: number, neighbour: number, src: string): boolean {
  if (neighbour < 0 || neighbour >= work.words) return true;
  return isSpaceCode(src.charCodeAt(work.units.end[work.wordTo[Math.min(w, neighbour)]! - 1]!));
}

/** Word w and the next are parted by an emoji or symbol, not by ASCII punctuation ("V❤X", "W🔥A"; "R&D", "A/B" stay apart). */
function isEmojiParted(work: WordWork, w: number, src: string): boolean {
  if (w + 1 >= work.words) return false;
  const c = src.charCodeAt(work.units.end[work.wordTo[w]! - 1]!);
  return c >= SYMBOLS_FROM && !isSpaceCode(c);
}

/** Word w is letters of an unspaced script and then one Latin letter ("加我v"). */
function endsInGluedLetter(work: WordWork, w: number, cache: CharMemo | undefined): boolean {
  const codes = work.units.codes;
  const last = work.wordTo[w]! - 1;
  return last > work.wordFrom[w]! && isAsciiLetterCode(codes[last]!) && isUnspacedCode(codes[last - 1]!) && isLetterCode(codes[last - 1]!, cache);
}

/** Word w ends in two letters of an unspaced script ("把验" before "-证-码"): its last one may start a spelled-out run. */
function endsInUnspacedLetter(work: WordWork, w: number, cache: CharMemo | undefined): boolean {
  const codes = work.units.codes;
  const last = work.wordTo[w]! - 1;
  return last > work.wordFrom[w]! && isUnspacedCode(codes[last]!) && isLetterCode(codes[last]!, cache) && isUnspacedCode(codes[last - 1]!);
}

/** Word w is one letter (ASCII or not, like the run) and then an unspaced script ("Eで", "イで"). */
function startsWithGluedLetter(work: WordWork, w: number, ascii: boolean, cache: CharMemo | undefined): boolean {
  const codes = work.units.codes;
  const k = work.wordFrom[w]!;
  const c = work.wordFirst[w]!;
  const next = k + (c > 0xffff ? 2 : 1);
  return work.wordCps[w]! > 1 && isLetterCode(c, cache) && isAsciiLetterCode(c) === ascii && next < work.wordTo[w]! && isUnspacedCode(codes[next]!);
}

/** Characters between word a and word b in the entity view. */
function gapOf(work: WordWork, a: number, b: number): number {
  return work.units.start[work.wordFrom[b]!]! - work.units.end[work.wordTo[a]! - 1]!;
}

/**
 * One separator between two spaced-out letters ("w h a", "t.e.l", "W🔥h🔥a"), or two when both are spaces ("W  h  a").
 * A colon is no such separator: it ends a name before its value ("v x：L e e 8 8 6").
 */
function gapIsOneChar(work: WordWork, a: number, b: number, src: string): boolean {
  const from = work.units.end[work.wordTo[a]! - 1]!;
  const gap = gapOf(work, a, b);
  if (gap === 1) return src.charCodeAt(from) !== COLON && src.charCodeAt(from) !== FULLWIDTH_COLON;
  if (gap < 1) return true;
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
