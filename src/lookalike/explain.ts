// Which characters of a handle make it look like another one, for the reasons of a verdict.
import { skeleton } from "../text/confusables.ts";
import { isDefaultIgnorable } from "../text/ignorables.ts";
import { scriptOf } from "../text/scripts.ts";
import type { SuspectChar } from "./types.ts";
import { foldLookalikes } from "./key.ts";
import { damerauLevenshtein } from "./distance.ts";

const BIDI = /^\p{Bidi_Control}$/u;
const MARKS = /\p{M}/gu;
const ASCII_ALNUM = /^[a-z0-9]+$/;

const codePoint = (ch: string) => "U+" + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
const suspect = (ch: string, imitates: string, kind: SuspectChar["kind"]): SuspectChar => ({ char: ch, codePoint: codePoint(ch), script: scriptOf(ch), imitates, kind });

const bare = (s: string) => s.replace(/[\p{P}\p{Z}]/gu, "");

/** What a handle imitates: a whole official handle, or a brand word inside it. */
export type Imitated = { text: string; whole: boolean };

/** True when reading the ASCII character at index i of the handle as `as` brings it closer to what it imitates. */
function improves(chars: string[], i: number, as: string, imitated: Imitated | undefined): boolean {
  if (!imitated) return false;
  const t = bare(imitated.text.toLowerCase());
  const before = bare(chars.join("").toLowerCase());
  const after = bare([...chars.slice(0, i), as, ...chars.slice(i + 1)].join("").toLowerCase());
  if (!imitated.whole) return !before.includes(t) && after.includes(t);
  return damerauLevenshtein(after, t, 8) < damerauLevenshtein(before, t, 8);
}

/** The characters of handle that imitate others (homoglyphs, compatibility forms, invisible and bidi characters, digits among letters). */
export function suspectChars(handle: string, imitated?: Imitated): SuspectChar[] {
  const out: SuspectChar[] = [];
  const chars = Array.from(handle.normalize("NFC"));
  const targetLower = imitated?.whole ? imitated.text.toLowerCase() : "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (BIDI.test(ch)) { out.push(suspect(ch, "", "bidi_control")); continue; }
    if (isDefaultIgnorable(ch)) { out.push(suspect(ch, "", "invisible")); continue; }
    const lower = ch.toLowerCase();
    const nfkc = ch.normalize("NFKC").toLowerCase();
    if (nfkc !== lower && ASCII_ALNUM.test(nfkc)) { out.push(suspect(ch, nfkc, "compatibility")); continue; }
    const skel = skeleton(nfkc).toLowerCase().replace(MARKS, "");
    if (ch.codePointAt(0)! > 0x7f) {
      const base = nfkc.normalize("NFD").replace(MARKS, "");
      if (skel !== nfkc && ASCII_ALNUM.test(skel)) { out.push(suspect(ch, skel, base !== nfkc && base === skel ? "accent" : "homoglyph")); continue; }
      if (base !== nfkc && ASCII_ALNUM.test(base)) out.push(suspect(ch, base, "accent"));
      continue;
    }
    // ASCII: digits and signs posing as letters, capital I posing as l and l as I.
    const folded = foldLookalikes(lower);
    if (/[0-9$@|!]/.test(ch) && folded !== lower && folded.length > 0 && improves(chars, i, folded, imitated)) out.push(suspect(ch, folded, "digit_letter"));
    else if (ch === "I" && improves(chars, i, "l", imitated)) out.push(suspect(ch, "l", "case"));
    else if (ch === "l" && improves(chars, i, "i", imitated)) out.push(suspect(ch, imitated!.text.includes("I") ? "I" : "i", "case"));
  }
  // Letter pairs that render as one letter: rn → m, vv → w, cl → d.
  const visible = handle.toLowerCase();
  for (const [pair, letter] of [["rn", "m"], ["vv", "w"], ["cl", "d"]] as const) {
    if (visible.includes(pair) && targetLower.includes(letter) && !targetLower.includes(pair)) {
      out.push({ char: pair, codePoint: codePoint(pair[0]!) + " " + codePoint(pair[1]!), script: "Latin", imitates: letter, kind: "letter_pair" });
    }
  }
  return out;
}
