import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildAutomaton, searchAutomaton } from "../../src/scan/aho-corasick.ts";

function all(patterns: string[], text: string): string[] {
  const a = buildAutomaton(patterns);
  const out: string[] = [];
  searchAutomaton(a, text, (id, s, e) => out.push(`${patterns[id]}@${s}-${e}`));
  return out.sort();
}

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p) => {
    for (let i = text.indexOf(p); i >= 0 && p.length > 0; i = text.indexOf(p, i + 1)) out.push(`${p}@${i}-${i + p.length}`);
  });
  return out.sort();
}

describe("Aho-Corasick", () => {
  it("finds every occurrence of overlapping patterns (he, she, his, hers)", () => {
    expect(all(["he", "she", "his", "hers"], "ushers")).toEqual(["he@2-4", "hers@2-6", "she@1-4"]);
  });

  it("agrees with a naive search on random patterns and texts", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "é", "ж", "微"), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 30 }), fc.string({ unit: fc.constantFrom("a", "b", "c", "é", "ж", "微", " "), maxLength: 60 }), (patterns, text) => {
        expect(all(patterns, text)).toEqual(naive(patterns, text));
      }),
      { numRuns: 300 },
    );
  });
});
