// Builds src/text/confusables.data.json: the UTS #39 confusables mapping
// (code point → prototype), the "MA" table of confusables.txt.
//
// Source: this machine cannot download confusables.txt itself, so the script reads the
// same table from ICU's compiled form of it, confusables.cfu, which ICU builds from
// confusables.txt with gencfu and which ships inside the pinned node@24 binary
// (full-icu). ICU's Unicode version is recorded in the data file, so the skeleton,
// NFD and NFKC in this project all come from one Unicode version.
// Optional: `node scripts/build-confusables.ts path/to/confusables.txt` parses the
// Unicode text file instead (use it when a copy of the text file is at hand).
//
// Run: node_modules/.bin/node scripts/build-confusables.ts [confusables.txt]
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

type Table = { source: string; unicodeVersion: string; icuVersion?: string; map: Record<string, string> };

const OUT = fileURLToPath(new URL("../src/text/confusables.data.json", import.meta.url));
const SPOOF_MAGIC = 0x3845fdef;

function fromText(path: string): Table {
  const text = readFileSync(path, "utf8");
  const version = /# Version: ([\d.]+)/.exec(text)?.[1] ?? "unknown";
  const map: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const body = line.split("#")[0]!.trim();
    if (!body) continue;
    const [src, dst] = body.split(";").map((f) => f.trim());
    if (!src || !dst) continue;
    const from = String.fromCodePoint(parseInt(src, 16));
    map[from] = dst.split(/\s+/).map((h) => String.fromCodePoint(parseInt(h, 16))).join("");
  }
  return { source: `Unicode confusables.txt ${version} (${path.split("/").pop()})`, unicodeVersion: version, map };
}

// confusables.cfu layout (ICU uspoof_impl.h, SpoofDataHeader, format 2): int32 magic,
// u8[4] format version, int32 length, then offset/size pairs for the keys (int32:
// code point | (utf16Length - 1) << 24), the string indexes (uint16: the value itself
// when the length is 1, else an offset into the string table) and the string table (UTF-16).
function fromIcuInNode(binaryPath: string): Table {
  const bin = readFileSync(binaryPath);
  const magic = Buffer.alloc(4);
  magic.writeInt32LE(SPOOF_MAGIC | 0);
  const at = bin.indexOf(magic);
  if (at < 0) throw new Error("no confusables.cfu in " + binaryPath);
  const i32 = (k: number) => bin.readInt32LE(at + k * 4);
  if (bin[at + 4] !== 2) throw new Error(`unexpected confusables.cfu format ${bin[at + 4]}`);
  const [keysOff, keysN, idxOff, idxN, strOff, strN] = [i32(3), i32(4), i32(5), i32(6), i32(7), i32(8)];
  if (keysN !== idxN) throw new Error("keys and string indexes differ in size");
  const map: Record<string, string> = {};
  for (let i = 0; i < keysN; i++) {
    const key = bin.readInt32LE(at + keysOff + i * 4);
    const cp = key & 0xffffff;
    const len = ((key >>> 24) & 0xff) + 1;
    const value = bin.readUInt16LE(at + idxOff + i * 2);
    let proto: string;
    if (len === 1) proto = String.fromCharCode(value);
    else {
      if (value + len > strN) throw new Error("string index out of range");
      const units: number[] = [];
      for (let u = 0; u < len; u++) units.push(bin.readUInt16LE(at + strOff + (value + u) * 2));
      proto = String.fromCharCode(...units);
    }
    map[String.fromCodePoint(cp)] = proto;
  }
  return {
    source: `ICU ${process.versions.icu} confusables.cfu (compiled from Unicode confusables.txt ${process.versions.unicode}) in node ${process.version}`,
    unicodeVersion: process.versions.unicode!,
    icuVersion: process.versions.icu,
    map,
  };
}

const table = process.argv[2] ? fromText(process.argv[2]) : fromIcuInNode(process.execPath);
const entries = Object.keys(table.map).length;
if (entries < 6000) throw new Error(`only ${entries} confusables: wrong source?`);
// Spot checks from confusables.txt that every version since 6.x has.
const expect: [string, string][] = [["\u0430", "a"], ["\u0399", "l"], ["0", "O"], ["1", "l"], ["\u05AD", "\u0596"], ["\u2013", "-"], ["\u0310", "\u0306\u0307"]];
for (const [from, to] of expect) if (table.map[from] !== to) throw new Error(`spot check ${from} → ${to} failed`);
writeFileSync(
  OUT,
  JSON.stringify({
    source: table.source,
    unicodeVersion: table.unicodeVersion,
    icuVersion: table.icuVersion ?? null,
    generatedBy: "scripts/build-confusables.ts",
    generatedAt: new Date().toISOString().slice(0, 10),
    entries,
    map: table.map,
  })
    // U+2028/U+2029 as escapes: the same JSON, but module loaders that ship
    // source through line-based channels (the Workers vitest pool) choke on
    // the raw characters.
    .replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`) + "\n",
);
console.error(`wrote ${entries} confusables from ${table.source}`);
