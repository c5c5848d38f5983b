// UTS #39 confusable detection: the prototype of each code point and the skeleton
// of a string, from the confusables table built by scripts/build-confusables.ts.
// The Map is built on first use so importing this module costs nothing.
import data from "./confusables.data.json" with { type: "json" };
import { removeDefaultIgnorables } from "./ignorables.ts";

export const CONFUSABLES_SOURCE: string = data.source;
export const CONFUSABLES_UNICODE_VERSION: string = data.unicodeVersion;
export const CONFUSABLES_ENTRIES: number = data.entries;

let table: Map<string, string> | undefined;

function confusables(): Map<string, string> {
  table ??= new Map(Object.entries(data.map as Record<string, string>));
  return table;
}

/** The confusables.txt prototype of one code point, or undefined when it maps to itself. */
export function prototypeOf(ch: string): string | undefined {
  return confusables().get(ch);
}

/** Every code point that confusables.txt maps to something else, with its prototype. */
export function confusablePairs(): IterableIterator<[string, string]> {
  return confusables().entries();
}

/**
 * UTS #39 skeleton: NFD, drop default-ignorable code points, replace each code point
 * by its prototype, NFD again. Two strings are confusable when their skeletons match.
 */
export function skeleton(s: string): string {
  const map = confusables();
  let out = "";
  if (ASCII.test(s)) {
    // NFD leaves ASCII alone and ASCII has no default-ignorables: skip both passes.
    for (let i = 0; i < s.length; i++) out += map.get(s[i]!) ?? s[i]!;
    return out;
  }
  for (const ch of removeDefaultIgnorables(s.normalize("NFD"))) out += map.get(ch) ?? ch;
  return out.normalize("NFD");
}

const ASCII = /^[\x00-\x7f]*$/;
