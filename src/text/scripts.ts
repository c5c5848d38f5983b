// The Unicode script of a code point (Script property, via RegExp property escapes,
// so it follows the runtime's Unicode version) and mixed-script tests in the spirit
// of UTS #39 (Common and Inherited go with any script).
import names from "./script-names.json" with { type: "json" };

const NAMES: string[] = names.names;
let testers: RegExp[] | undefined;
const cache = new Map<number, string>();

/** The Script property value of the first code point of ch ("Latin", "Cyrillic", "Common", …; "Unknown" when none). */
export function scriptOf(ch: string): string {
  const cp = ch.codePointAt(0);
  if (cp === undefined) return "Unknown";
  const known = cache.get(cp);
  if (known) return known;
  testers ??= NAMES.map((n) => new RegExp(`^\\p{Script=${n}}$`, "u"));
  const one = String.fromCodePoint(cp);
  let found = "Unknown";
  for (let i = 0; i < testers.length; i++) {
    if (testers[i]!.test(one)) {
      found = NAMES[i]!;
      break;
    }
  }
  if (cache.size < 50_000) cache.set(cp, found);
  return found;
}

const NEUTRAL = new Set(["Common", "Inherited", "Unknown"]);

/** The distinct scripts of s, without Common/Inherited/Unknown, in order of first appearance. */
export function scriptsOf(s: string): string[] {
  const seen: string[] = [];
  for (const ch of s) {
    const sc = scriptOf(ch);
    if (!NEUTRAL.has(sc) && !seen.includes(sc)) seen.push(sc);
  }
  return seen;
}

// Scripts that are written together in one language (UTS #39 "highly restrictive"
// combinations): Japanese and Korean mix Han with their own scripts.
const ALLOWED_MIXES: string[][] = [
  ["Han", "Hiragana", "Katakana"],
  ["Han", "Hangul"],
  ["Han", "Bopomofo"],
];

/** True when s mixes scripts that are not normally written together (e.g. Latin with Cyrillic). */
export function isMixedScript(s: string): boolean {
  const scripts = scriptsOf(s);
  if (scripts.length <= 1) return false;
  return !ALLOWED_MIXES.some((mix) => scripts.every((sc) => mix.includes(sc)));
}
