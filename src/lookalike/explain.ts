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

/** Decides whether one ASCII character is a trick: reading it as another letter brings the handle closer to what it imitates. */
function trickTester(chars: string[], imitated: Imitated | undefined): (i: number, as: string) => boolean {
  if (!imitated) return () => false;
  const t = bare(imitated.text.toLowerCase());
  const lower = chars.map((c) => c.toLowerCase());
  const before = bare(lower.join(""));
  if (before.includes(t)) return () => false; // the imitated name is written plainly
  const beforeDistance = imitated.whole ? damerauLevenshtein(before, t, 8) : 0;
  return (i, as) => {
    const saved = lower[i]!;
    lower[i] = as;
    const after = bare(lower.join(""));
    lower[i] = saved;
    return imitated.whole ? damerauLevenshtein(after, t, 8) < beforeDistance : after.includes(t);
  };
}

const ASCII_TRICK = /[0-9$@|!Il]/;

// What one non-ASCII character imitates does not depend on its neighbours: computed once per character.
const NON_ASCII = new Map<string, SuspectChar | null>();

function nonAsciiSuspect(ch: string): SuspectChar | null {
  const cached = NON_ASCII.get(ch);
  if (cached !== undefined) return cached;
  let found: SuspectChar | null = null;
  if (BIDI.test(ch)) found = suspect(ch, "", "bidi_control");
  else if (isDefaultIgnorable(ch)) found = suspect(ch, "", "invisible");
  else {
    const lower = ch.toLowerCase();
    const nfkc = ch.normalize("NFKC").toLowerCase();
    if (nfkc !== lower && ASCII_ALNUM.test(nfkc)) found = suspect(ch, nfkc, "compatibility");
    else {
      const skel = skeleton(skeleton(nfkc).toLowerCase()).toLowerCase().replace(MARKS, "");
      const base = nfkc.normalize("NFD").replace(MARKS, "");
      if (skel !== nfkc && ASCII_ALNUM.test(skel)) found = suspect(ch, skel, base !== nfkc && base === skel ? "accent" : "homoglyph");
      else if (base !== nfkc && ASCII_ALNUM.test(base)) found = suspect(ch, base, "accent");
    }
  }
  if (NON_ASCII.size < 20_000) NON_ASCII.set(ch, found);
  return found;
}

/** The characters of handle that imitate others (homoglyphs, compatibility forms, invisible and bidi characters, digits among letters). */
export function suspectChars(handle: string, imitated?: Imitated): SuspectChar[] {
  const out: SuspectChar[] = [];
  const chars = /^[\x00-\x7f]*$/.test(handle) ? handle.split("") : Array.from(handle.normalize("NFC"));
  const targetLower = imitated?.whole ? imitated.text.toLowerCase() : "";
  let isTrick: ((i: number, as: string) => boolean) | undefined;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch.charCodeAt(0) < 0x80) {
      // ASCII: digits and signs posing as letters, capital I posing as l and l as I.
      if (!ASCII_TRICK.test(ch)) continue;
      isTrick ??= trickTester(chars, imitated);
      const lower = ch.toLowerCase();
      const folded = foldLookalikes(lower);
      if (ch !== "I" && ch !== "l") {
        if (folded !== lower && folded.length > 0 && isTrick(i, folded)) out.push(suspect(ch, folded, "digit_letter"));
      } else if (ch === "I" && isTrick(i, "l")) out.push(suspect(ch, "l", "case"));
      else if (ch === "l" && isTrick(i, "i")) out.push(suspect(ch, imitated!.text.includes("I") ? "I" : "i", "case"));
      continue;
    }
    const known = nonAsciiSuspect(ch);
    if (known) out.push(known);
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
