// Per-language examples written for these tests (not taken from the evaluation corpus):
// lures, plain and obfuscated, and the look-alike innocent messages beside them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createScanner } from "../../src/scan/scanner.ts";

type Example = { lang: string; text: string; labels: string[] };
const examples: Example[] = readFileSync(new URL("./data/examples.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Example);

const scanner = createScanner();

describe("per-language examples", () => {
  it("cover every language with a lexicon and at least the warning languages", () => {
    const langs = new Set(examples.map((e) => e.lang));
    for (const l of ["en", "de", "lv", "ar", "he", "ru", "uk", "es", "pt", "fr", "it", "tr", "pl", "hi", "zh", "ja", "id", "vi", "ms", "tl"]) expect(langs, l).toContain(l);
  });

  it.each(examples.map((e) => [e.lang, e.text, e.labels] as const))("%s: %s", (_lang, text, labels) => {
    const r = scanner.scan(text);
    expect([...r.labels].sort()).toEqual([...labels].sort());
    for (const f of r.findings) expect(text.slice(f.start, f.end)).toBe(f.matched);
  });
});
