// The comparison key of a handle: two handles that a reader could take for each
// other get the same key. NFKC → lower case → drop default-ignorables (zero-width,
// bidi controls) → UTS #39 skeleton → lower case → drop combining marks, separators
// and punctuation → fold digit/letter and letter-pair lookalikes.
import { skeleton } from "../text/confusables.ts";
import { removeDefaultIgnorables } from "../text/ignorables.ts";
import foldData from "./folds.data.json" with { type: "json" };

const MARKS = /\p{M}/gu;
// Separators of any script (dashes, dots, spaces, low lines, middle dots…) and other punctuation.
const SEPARATOR = /^[\p{P}\p{Z}\p{Cc}\p{Cf}\p{Sk}]$/u;
const CHAR_FOLDS: Record<string, string> = foldData.chars;
const PAIRS: Record<string, string> = foldData.pairs;
const ASCII = /^[\x00-\x7f]*$/;

// ASCII fast path: 0 keep, 1 separator (dropped).
const ASCII_SEPARATOR = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_SEPARATOR[c] = SEPARATOR.test(String.fromCharCode(c)) && !(String.fromCharCode(c) in CHAR_FOLDS) ? 1 : 0;

/** The handle as a reader sees it: NFKC, no invisible code points (letter case kept: the skeleton is case-sensitive). */
export function visibleForm(handle: string): string {
  // ASCII is already NFKC and has no default-ignorable code points.
  if (ASCII.test(handle)) return handle;
  return removeDefaultIgnorables(handle.normalize("NFKC"));
}

/**
 * Skeleton-level form before separator and digit folding: skeleton, lower case, and the
 * skeleton again (a capital's prototype may be a capital whose small letter has its own
 * prototype), without combining marks.
 */
function skeletonOfVisible(vis: string): string {
  const skel = skeleton(skeleton(vis).toLowerCase()).toLowerCase();
  return ASCII.test(skel) ? skel : skel.replace(MARKS, "");
}

export function skeletonForm(handle: string): string {
  return skeletonOfVisible(visibleForm(handle));
}

/**
 * Folds digit/letter lookalikes (0/o, 1/l/i, 3/e, 5/s, …), drops separators and folds
 * letter pairs that render as one letter (rn/m, vv/w, cl/d; judged on the letters as
 * written, before l becomes i). One pass, no regular expressions on the ASCII path.
 */
export function foldLookalikes(s: string, pairs = true): string {
  let out = "";
  let prevRaw = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 128 ? ASCII_SEPARATOR[c] === 1 : SEPARATOR.test(ch)) {
      prevRaw = ""; // r_n does not read as m
      continue;
    }
    const pair = pairs ? PAIRS[prevRaw + ch] : undefined;
    if (pair !== undefined) {
      out = out.slice(0, -1) + pair;
      prevRaw = "";
      continue;
    }
    out += CHAR_FOLDS[ch] ?? ch;
    prevRaw = ch;
  }
  return out;
}

// ASCII fast path: the skeleton of each ASCII character after lower-casing, precomputed,
// and an output buffer reused between calls (one string allocated per key).
const ASCII_SKELETON: string[] = [];
for (let c = 0; c < 128; c++) ASCII_SKELETON.push(skeletonOfVisible(String.fromCharCode(c)));
let buffer = new Uint16Array(256);
// The folds as code tables for ASCII: FOLD_CODE[c] is what c reads as; PAIR_CODE[a * 128 + b] the letter a pair reads as (0: none).
const FOLD_CODE = new Int32Array(128);
for (let c = 0; c < 128; c++) FOLD_CODE[c] = (CHAR_FOLDS[String.fromCharCode(c)] ?? String.fromCharCode(c)).charCodeAt(0);
const PAIR_CODE = new Int32Array(128 * 128);
for (const [p, to] of Object.entries(PAIRS)) if (p.charCodeAt(0) < 128 && p.charCodeAt(1) < 128) PAIR_CODE[p.charCodeAt(0) * 128 + p.charCodeAt(1)] = to.charCodeAt(0);

function asciiKey(vis: string): string {
  if (buffer.length < vis.length * 2) buffer = new Uint16Array(vis.length * 2);
  let len = 0;
  let prevRaw = 0;
  for (let i = 0; i < vis.length; i++) {
    const sk = ASCII_SKELETON[vis.charCodeAt(i)]!;
    for (let k = 0; k < sk.length; k++) {
      const c = sk.charCodeAt(k);
      if (c >= 128) {
        buffer[len++] = c;
        prevRaw = 0;
        continue;
      }
      if (ASCII_SEPARATOR[c] === 1) {
        prevRaw = 0; // r_n does not read as m
        continue;
      }
      const pair = prevRaw !== 0 ? PAIR_CODE[prevRaw * 128 + c]! : 0;
      if (pair !== 0) {
        buffer[len - 1] = pair;
        prevRaw = 0;
        continue;
      }
      buffer[len++] = FOLD_CODE[c]!;
      prevRaw = c;
    }
  }
  return String.fromCharCode.apply(null, buffer.subarray(0, len) as unknown as number[]);
}

/** The comparison key of a string already in visible form (see visibleForm). */
export function keyOfVisible(vis: string): string {
  if (ASCII.test(vis)) return asciiKey(vis);
  return foldLookalikes(skeletonOfVisible(vis));
}

/** The key without letter-pair folds, for words that meet inside a handle (fiverr|notification: the rn is not an m). */
export function keyWithoutPairs(vis: string): string {
  return foldLookalikes(skeletonOfVisible(vis), false);
}

/** The comparison key: equal keys mean "looks the same". */
export function comparisonKey(handle: string): string {
  return keyOfVisible(visibleForm(handle));
}
