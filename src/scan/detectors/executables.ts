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
/** ".exe" and the like, as a file's extension (the places an executable's name can end); tried at each ".". */
const EXTENSION = new RegExp(`\\.(?:${EXTENSIONS})(?![\\p{L}\\p{N}])`, "iuy");
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
    EXTENSION.lastIndex = dot;
    if (!EXTENSION.test(text)) continue;
    const stop = Math.max(0, dot - MAX_NAME);
    for (let s = dot; ; s = previousIndex(text, s)) {
      if (!charBeforeIs(text, s, cls, isWordChar)) starts.push(s);
      if (s <= stop || !charBeforeIs(text, s, cls, isFileNameChar)) break;
    }
  }
  return ascending(starts);
}

export function findExecutables(text: string, a: Mapped, out: Found, separators: number[], cls: CharClasses): void {
  const starts = executableStarts(text, separators, cls);
  if (starts.length) eachStickyMatch(text, EXECUTABLE, starts, (m) => push(out, a, m.index, m.index + m[0].length, "executable", m[0].toLowerCase()));
}
