// The rules' word helpers by character codes give the answers of the slice-and-regex code they replaced,
// the concept ids cover every concept a rule asks about, and one kit reused across messages answers each
// message as a fresh kit would.
import { describe, expect, it } from "vitest";
import { wordsBetween, wordStart } from "../../src/scan/rules/words.ts";
import { CONCEPT_COUNT, CONCEPT_ID, conceptId } from "../../src/scan/rules/concepts.ts";
import { newRuleKit } from "../../src/scan/rules/kit.ts";
import { applyRules, newRuleMemo, type Cue, type RuleInput } from "../../src/scan/rules/index.ts";

/** A small deterministic generator (the tests must not flake). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The slice-and-regex versions, kept as the reference. */
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
function wordsBetweenReference(text: string, a: number, b: number): number {
  if (b - a > 120) return Infinity;
  const slice = text.slice(a, b);
  const runs = slice.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const cjk = slice.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  return Math.max(runs, Math.ceil(cjk / 2));
}
function wordStartReference(text: string, p: number): number {
  while (p > 0 && WORD_CHAR.test(text[p - 1]!) && p < text.length && WORD_CHAR.test(text[p]!)) p--;
  return p;
}

describe("wordsBetween and wordStart", () => {
  // Spaces of several kinds, ASCII, accents, Cyrillic, Hebrew, Arabic digits, Han, kana, a CJK radical,
  // a combining mark, astral letters and emoji, and lone surrogates.
  const alphabet = [..." \n\t\u00a0\u3000.,-abZ09éжЖאב١٢日本語ひらカタ⺀々〇\u0301😀𠀀x"].concat(["\ud800", "\udc00"]);
  it("agree with the slice-and-regex reference on random texts and offsets, surrogate pairs cut included", () => {
    const r = random(11);
    for (let m = 0; m < 3000; m++) {
      let text = "";
      for (let k = 1 + Math.floor(r() * 40); k > 0; k--) text += alphabet[Math.floor(r() * alphabet.length)];
      for (let k = 0; k < 20; k++) {
        const a = Math.floor(r() * (text.length + 1));
        const b = Math.min(text.length, a + Math.floor(r() * 130));
        expect(wordsBetween(text, a, b)).toBe(wordsBetweenReference(text, a, b));
        expect(wordsBetween(text, b, a)).toBe(wordsBetweenReference(text, b, a));
        expect(wordStart(text, a)).toBe(wordStartReference(text, a));
      }
    }
  });

  it("count a run of Han/kana as one word per two characters, and a gap over 120 characters as too far", () => {
    expect(wordsBetween("请把密码发给我", 0, 7)).toBe(4);
    expect(wordsBetween(" don't  really ", 0, 15)).toBe(2);
    expect(wordsBetween("x".repeat(200), 0, 121)).toBe(Infinity);
    expect(wordStart("הסיסמה", 1)).toBe(0);
  });
});

describe("concept ids", () => {
  it("are distinct small integers, and a concept no rule asks about has none", () => {
    const ids = Object.values(CONCEPT_ID);
    expect(new Set(ids).size).toBe(CONCEPT_COUNT);
    expect(Math.max(...ids)).toBe(CONCEPT_COUNT - 1);
    expect(conceptId("secret")).toBe(CONCEPT_ID.secret);
    expect(conceptId("number_word")).toBe(-1);
    expect(conceptId("constructor")).toBe(-1);
  });
});

describe("a kit reused across messages", () => {
  const cue = (concept: string, start: number, end: number, term = concept): Cue => ({ concept, langs: ["en"], term, start, end, flags: 0 });
  const input = (text: string, cues: Cue[]): RuleInput => ({ text, cues, entities: [], links: new Map(), context: {} });
  const messages = [
    input("send me your password now", [cue("ask_verb", 0, 4, "send"), cue("secret", 13, 21, "password")]),
    input("I will not send my password", [cue("negation", 7, 10, "not"), cue("ask_verb", 11, 15, "send"), cue("secret", 19, 27, "password")]),
    input("hello there", []),
    input("whatsapp me", [cue("messenger", 0, 8, "whatsapp"), cue("contact_verb", 0, 11, "whatsapp me")]),
  ];

  it("answers every message as a fresh kit does, and keeps nothing of the message before", () => {
    const memo = newRuleMemo();
    const fresh = messages.map((m) => applyRules(m));
    for (let round = 0; round < 3; round++) for (let k = 0; k < messages.length; k++) expect(applyRules({ ...messages[k]!, memo })).toEqual(fresh[k]);
    expect(fresh[0]!.length).toBeGreaterThan(0);
    expect(fresh[1]).toEqual([]);
  });

  it("finds the cues inside a longer cue of another concept as the full scan does, in unsorted messages too", () => {
    const kit = newRuleKit();
    const r = random(17);
    const concepts = ["negation", "outside", "inside_platform"];
    for (let m = 0; m < 300; m++) {
      const list: Cue[] = Array.from({ length: Math.floor(r() * 12) }, () => {
        const start = Math.floor(r() * 30);
        return cue(concepts[Math.floor(r() * concepts.length)]!, start, start + 1 + Math.floor(r() * 12));
      });
      kit.load(input("x".repeat(50), list));
      for (const c of list) expect(kit.within(c)).toBe(list.some((o) => o.concept !== c.concept && o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start));
    }
  });

  it("files a message's cues by concept, sorted by start", () => {
    const kit = newRuleKit();
    kit.load(input("x", [cue("secret", 9, 10), cue("secret", 2, 3), cue("brand", 0, 1)]));
    expect(kit.of("secret").map((c) => c.start)).toEqual([2, 9]);
    kit.load(input("y", [cue("brand", 4, 5)]));
    expect(kit.of("secret")).toEqual([]);
    expect(kit.of("brand").map((c) => c.start)).toEqual([4]);
  });
});
