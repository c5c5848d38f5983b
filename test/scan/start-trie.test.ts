import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANYWHERE, buildStartTrie, walkSkippingSpaces, walkStartTrie } from "../../src/scan/start-trie.ts";

/** Every pattern found by walking from every position of text. */
function all(patterns: string[], text: string): string[] {
  const trie = buildStartTrie(patterns, patterns.map((_, id) => id));
  const out: string[] = [];
  for (let s = 0; s < text.length; s++) walkStartTrie(trie, text, s, { match: (id, start, end) => void out.push(`${patterns[id]}@${start}-${end}`) });
  return out.sort();
}

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p) => {
    for (let i = text.indexOf(p); i >= 0 && p.length > 0; i = text.indexOf(p, i + 1)) out.push(`${p}@${i}-${i + p.length}`);
  });
  return out.sort();
}

describe("start trie", () => {
  it("finds the patterns that start at a place, shortest first", () => {
    const patterns = ["he", "hers", "her", "she"];
    const trie = buildStartTrie(patterns, [0, 1, 2, 3]);
    const found: string[] = [];
    walkStartTrie(trie, "ushers", 2, { match: (id, s, e) => void found.push(`${patterns[id]}@${s}-${e}`) });
    expect(found).toEqual(["he@2-4", "her@2-5", "hers@2-6"]);
  });

  it("lets a pattern's spaces match nothing where the text lost them, and counts them", () => {
    const patterns = ["send me", "send", "me the code", "meth"];
    const trie = buildStartTrie(patterns, [0, 1, 2, 3]);
    const text = "sendmethecode";
    const found: string[] = [];
    for (const s of [0, 4]) walkSkippingSpaces(trie, text, s, (i) => i > 0, { found: (id, end, skipped) => void found.push(`${patterns[id]}@${s}-${end}/${skipped}`) });
    expect(found.sort()).toEqual(["me the code@4-13/2", "meth@4-8/0", "send me@0-6/1", "send@0-4/0"]);
    const none: string[] = [];
    walkSkippingSpaces(trie, text, 0, () => false, { found: (id) => void none.push(patterns[id]!) });
    expect(none).toEqual(["send"]);
  });

  it("agrees with a naive search when walked from every place", () => {
    const unit = fc.constantFrom("a", "b", "c", "é", "ж", "微", " ");
    const word = fc.string({ unit, minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 40 }), fc.string({ unit, maxLength: 60 }), (patterns, text) => {
        expect(all(patterns, text)).toEqual(naive(patterns, text));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the ids of the patterns listed and leaves the others out", () => {
    const patterns = ["ab", "abc", "b"];
    const trie = buildStartTrie(patterns, [1, 2]);
    const found: number[] = [];
    for (let s = 0; s < 3; s++) walkStartTrie(trie, "abc", s, { match: (id) => void found.push(id) });
    expect(found).toEqual([1, 2]);
  });

  it("handles long chains, wide fan-outs and duplicate patterns", () => {
    const long = "x".repeat(20000) + "y";
    const wide = Array.from({ length: 9000 }, (_, k) => "q" + String.fromCharCode(0x100 + k));
    const patterns = [long, ...wide, "q", "q"];
    const text = "xx" + long + " q\u0150 q" + String.fromCharCode(0x100 + 8999);
    expect(all(patterns, text)).toEqual(naive(patterns, text));
  });

  it("finds the same patterns whether the first two units go through the pair table or the records", () => {
    // "t" starts no pattern alone (its pairs are used); "a" is a pattern (its record is read); "é" and "ж" are not ASCII.
    const patterns = ["to", "the", "th", "a", "ab", "tж", "éa", "ж", "жa", "t é"];
    const text = "to the ab a tж éa ж жa t é th";
    expect(all(patterns, text)).toEqual(naive(patterns, text));
    expect(all(patterns, "tx ax éx")).toEqual(["a@3-4"]);
  });

  it("marks the first code units of the patterns that may start anywhere", () => {
    const trie = buildStartTrie(["微信", "line"], [0, 1], (c) => c === "微".charCodeAt(0));
    expect(trie.root["微".charCodeAt(0)]! & ANYWHERE).toBe(ANYWHERE);
    expect(trie.root["l".charCodeAt(0)]! & ANYWHERE).toBe(0);
    expect(trie.anywhereFrom).toBe("微".charCodeAt(0));
  });
});
