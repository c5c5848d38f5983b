// The comparison key of a handle: two handles that a reader could take for each
// other get the same key. NFKC → lower case → drop default-ignorables (zero-width,
// bidi controls) → UTS #39 skeleton → lower case → drop combining marks, separators
// and punctuation → fold digit/letter and letter-pair lookalikes.
import { skeleton } from "../text/confusables.ts";
import { removeDefaultIgnorables } from "../text/ignorables.ts";
import foldData from "./folds.data.json" with { type: "json" };

const MARKS = /\p{M}/gu;
// Separators of any script (dashes, dots, spaces, low lines, middle dots…) and other punctuation.
const SEPARATORS = /[\p{P}\p{Z}\p{Cc}\p{Cf}\p{Sk}]/gu;
const CHAR_FOLDS: Record<string, string> = foldData.chars;
const PAIR_FOLDS: [RegExp, string][] = Object.entries(foldData.pairs as Record<string, string>).map(([from, to]) => [new RegExp(from, "g"), to]);
const escapeClass = (c: string) => (/[\\\]^-]/.test(c) ? "\\" + c : c);
const CHAR_FOLD_RE = new RegExp(`[${Object.keys(CHAR_FOLDS).map(escapeClass).join("")}]`, "gu");

/** The handle as a reader sees its letters: NFKC, lower case, no invisible code points. */
export function visibleForm(handle: string): string {
  return removeDefaultIgnorables(handle.normalize("NFKC").toLowerCase());
}

/** Skeleton-level form before separator and digit folding (kept for explanations). */
export function skeletonForm(handle: string): string {
  return skeleton(visibleForm(handle)).toLowerCase().replace(MARKS, "");
}

/** Folds digit/letter lookalikes (0/o, 1/l/i, 3/e, 5/s, …), drops separators, then folds letter pairs (rn/m, vv/w, cl/d). */
export function foldLookalikes(s: string): string {
  let out = s.replace(CHAR_FOLD_RE, (c) => CHAR_FOLDS[c]!).replace(SEPARATORS, "");
  for (const [re, to] of PAIR_FOLDS) out = out.replace(re, to);
  return out;
}

/** The comparison key: equal keys mean "looks the same". */
export function comparisonKey(handle: string): string {
  return foldLookalikes(skeletonForm(handle));
}
