import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createScanner } from "../../src/scan/scanner.ts";

// Hand-written examples per language (not taken from the dev corpus): for every language with a lexicon, at
// least one message per label its lexicon supports, and hard negatives (rule quotes, refusals, innocent topics)
// that must stay silent. They check that the language's own words reach the rules, not just the global names.
type Example = { lang: string; text: string; labels: string[]; official?: boolean };
const examples: Example[] = readFileSync(new URL("./data/lexicon-examples.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as Example);

const scanner = createScanner();
const byLang = new Map<string, Example[]>();
for (const e of examples) byLang.set(e.lang, [...(byLang.get(e.lang) ?? []), e]);

describe("per-language lexicon examples", () => {
  it("cover every language with at least one positive and one hard negative", () => {
    for (const [lang, list] of byLang) {
      expect(list.some((e) => e.labels.length > 0), `${lang} positive`).toBe(true);
      expect(list.some((e) => e.labels.length === 0), `${lang} hard negative`).toBe(true);
    }
  });

  for (const [lang, list] of byLang) {
    describe(lang, () => {
      for (const e of list) {
        it(`${e.labels.join("+") || "benign"}: ${e.text}`, () => {
          const { labels } = scanner.scan(e.text, { senderOfficial: e.official === true });
          if (e.labels.length === 0) expect(labels).toEqual([]);
          else for (const l of e.labels) expect(labels).toContain(l);
        });
      }
    });
  }
});
