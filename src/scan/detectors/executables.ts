// File names that run code when opened: executables, installers, scripts and macro documents
// ("setup.exe", "invoice.docm"). The pattern is tried only at the name starts before a dot that an
// executable's extension follows, not at every word.
import type { Mapped } from "../normalize.ts";
import { charBeforeIs, isFileNameChar, isWordChar, previousIndex, type CharClasses } from "./anchors.ts";
import { push, type Found } from "./found.ts";
import { ascending, eachStickyMatch } from "./matches.ts";

// ---- executables and macro documents ----
const EXTENSIONS = "exe|msi|bat|cmd|ps1|vbs|vbe|scr|jar|apk|dmg|pkg|docm|xlsm|pptm|dotm|xlam|hta|lnk|reg|sh|run|appimage|deb|crx|xpi";
const EXECUTABLE = new RegExp(`(?<![\\p{L}\\p{N}])(?:[\\p{L}\\p{N}_\\-.]{1,100})?\\.(?:${EXTENSIONS})(?![\\p{L}\\p{N}])`, "iuy");
/** ".exe" and the like, as a file's extension (the places an executable's name can end). */
const EXTENSION = new RegExp(`\\.(?:${EXTENSIONS})(?![\\p{L}\\p{N}])`, "iuy");
const EXTENSION_SET = new Set(EXTENSIONS.split("|"));
const LONGEST_EXTENSION = Math.max(...[...EXTENSION_SET].map((x) => x.length));
/** Longest name the pattern takes before the extension, in code units (100 code points). */
const MAX_NAME = 200;

/**
 * Where an executable's name can start: at an extension, or before it inside the run of name
 * characters ([\p{L}\p{N}_.-]) where the character before is no letter or digit ("my_setup.exe"
 * can start at "m" or at "s").
 */
function executableStarts(text: string, separators: number[], cls: CharClasses): number[] {
  const starts: number[] = [];
  for (let k = 0; k < separators.length; k += 2) {
    const dot = separators[k]!;
    if (text.charCodeAt(dot) !== 46) continue;
    if (!extensionAt(text, dot)) continue;
    const stop = Math.max(0, dot - MAX_NAME);
    for (let s = dot; ; s = previousIndex(text, s)) {
      if (!charBeforeIs(text, s, cls, isWordChar)) starts.push(s);
      if (s <= stop || !charBeforeIs(text, s, cls, isFileNameChar)) break;
    }
  }
  return ascending(starts);
}

/**
 * Whether EXTENSION matches at the dot at i. Most dots end a sentence or part a host: an ASCII
 * run of letters and digits after the dot that ends at ASCII (or the text's end) is the extension
 * only when it is one, in lower case (what the pattern's case folding and look-ahead say for ASCII).
 * A run that meets other characters ("ſh", a Kelvin sign, a letter of another script) is left to the pattern.
 */
export function extensionAt(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length && j - i <= LONGEST_EXTENSION + 1 && isAsciiAlnum(text.charCodeAt(j))) j++;
  if (j - i - 1 > LONGEST_EXTENSION) return false; // a longer ASCII run: no extension is followed by a letter or digit
  if (j < text.length && text.charCodeAt(j) >= 0x80) {
    EXTENSION.lastIndex = i;
    return EXTENSION.test(text);
  }
  return j > i + 1 && EXTENSION_SET.has(text.slice(i + 1, j).toLowerCase());
}
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);

export function findExecutables(text: string, a: Mapped, out: Found, separators: number[], cls: CharClasses): void {
  const starts = executableStarts(text, separators, cls);
  if (starts.length) eachStickyMatch(text, EXECUTABLE, starts, (m) => push(out, a, m.index, m.index + m[0].length, "executable", m[0].toLowerCase()));
}
