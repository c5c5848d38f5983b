// The rules' speed helpers give the answers of the plain code they replaced: the message's languages
// (integer votes vs a Map of strings), the cue sort, the cues outside links and the finding merge.
import { describe, expect, it } from "vitest";
import { languageIds, messageLanguages, newLanguageMemo } from "../../src/scan/rules/languages.ts";
import { sortByStart, type Cue, type RuleFinding } from "../../src/scan/rules/index.ts";
import { labelsOf, outsideSpans, riskOf, toFindings } from "../../src/scan/findings.ts";

/** A small deterministic generator (the tests must not flake). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The Map-and-Set version the memo replaced, kept as the reference. */
function plausibleReference(cues: Cue[]): { plausible: Set<string>; top: Set<string> } {
  const votes = new Map<string, number>();
  const vote = (langs: readonly string[], share: number) => {
    for (const l of langs) if (l !== "global" && l !== "platform") votes.set(l, (votes.get(l) ?? 0) + share);
  };
  for (let i = 0; i < cues.length; ) {
    let j = i + 1;
    while (j < cues.length && cues[j]!.start === cues[i]!.start && cues[j]!.end === cues[i]!.end) j++;
    const langs = new Set<string>();
    for (let k = i; k < j; k++) for (const l of cues[k]!.langs) if (l !== "global" && l !== "platform") langs.add(l);
    vote([...langs], 1 / langs.size);
    i = j;
  }
  let best = 0;
  for (const v of votes.values()) if (v > best) best = v;
  const plausible = new Set<string>();
  const top = new Set<string>();
  for (const [l, v] of votes) {
    if (v >= best * 0.34) plausible.add(l);
    if (v >= best * 0.9) top.add(l);
  }
  return { plausible, top };
}

const cue = (start: number, end: number, langs: string[], concept = "negation"): Cue => ({ concept, langs, term: "t", start, end, flags: 0 });

describe("messageLanguages", () => {
  const pool = ["en", "es", "pt", "de", "global", "platform", "lv", "ru"];
  const lists = Array.from({ length: 40 }, (_, k) => {
    const r = random(k + 1);
    return [...new Set(Array.from({ length: 1 + Math.floor(r() * 4) }, () => pool[Math.floor(r() * pool.length)]!))];
  });

  it("agrees with the Map-of-strings vote on random messages, with one memo shared by all of them", () => {
    const memo = newLanguageMemo();
    const r = random(7);
    for (let m = 0; m < 200; m++) {
      const cues: Cue[] = [];
      for (let p = 0, n = Math.floor(r() * 12); cues.length < n; ) {
        cues.push(cue(p, p + 3, lists[Math.floor(r() * lists.length)]!));
        if (r() < 0.6) p += 4; // else the next cue shares the span: one term in several languages
      }
      const ref = plausibleReference(cues);
      for (const langs of [memo, undefined].map((mm) => messageLanguages(cues, mm))) {
        for (const l of lists) {
          expect(langs.plausible({ langs: l })).toBe(l.some((x) => ref.plausible.has(x)));
          expect(langs.main({ langs: l })).toBe(l.some((x) => ref.top.has(x)));
        }
      }
    }
  });

  it("answers the same from the ids the scanner looked up once per lexicon output", () => {
    const memo = newLanguageMemo();
    const r = random(11);
    for (let m = 0; m < 50; m++) {
      const plain: Cue[] = Array.from({ length: 1 + Math.floor(r() * 8) }, (_, k) => cue(4 * k, 4 * k + 3, lists[Math.floor(r() * lists.length)]!));
      const withIds = plain.map((c) => ({ ...c, langIds: languageIds(memo, c.langs) }));
      const a = plain.map((c) => [messageLanguages(plain, memo).plausible(c), messageLanguages(plain, memo).main(c)]);
      const b = withIds.map((c) => [messageLanguages(withIds, memo).plausible(c), messageLanguages(withIds, memo).main(c)]);
      expect(b).toEqual(a);
    }
  });

  it("gives language-neutral cues no vote, and nothing is plausible when nothing voted", () => {
    const langs = messageLanguages([cue(0, 2, ["global"]), cue(3, 5, ["platform", "global"])]);
    expect(langs.plausible({ langs: ["global"] })).toBe(false);
    expect(langs.plausible({ langs: ["en"] })).toBe(false);
  });
});

describe("sortByStart", () => {
  it("sorts like a stable Array.prototype.sort by start", () => {
    const r = random(3);
    for (let m = 0; m < 200; m++) {
      const list = Array.from({ length: Math.floor(r() * 20) }, (_, k) => ({ ...cue(Math.floor(r() * 10), 20, ["en"]), term: String(k) }));
      const expected = [...list].sort((x, y) => x.start - y.start);
      sortByStart(list);
      expect(list).toEqual(expected);
    }
  });
});

describe("outsideSpans", () => {
  it("keeps what no span contains, like testing every span", () => {
    const r = random(11);
    for (let m = 0; m < 300; m++) {
      const span = () => {
        const start = Math.floor(r() * 50);
        return { start, end: start + 1 + Math.floor(r() * 15) };
      };
      const items = Array.from({ length: Math.floor(r() * 15) }, span);
      const spans = Array.from({ length: Math.floor(r() * 5) }, span);
      expect(outsideSpans(items, spans)).toEqual(items.filter((c) => !spans.some((e) => c.start >= e.start && c.end <= e.end)));
    }
  });
});

describe("toFindings", () => {
  const raw = (label: RuleFinding["label"], start: number, end: number, score: number, rule = "r"): RuleFinding => ({ label, rule, score, spans: [{ start, end, flags: 0 }], normalized: "n" });

  it("keeps the strongest of overlapping findings of one label, in place; other labels do not clash", () => {
    const text = "x".repeat(40);
    const found = toFindings(text, [raw("off_platform", 0, 5, 0.7, "a"), raw("payment_request", 2, 6, 0.8, "b"), raw("off_platform", 3, 9, 0.9, "c"), raw("off_platform", 20, 25, 0.6, "d"), raw("off_platform", 21, 22, 0.5, "e")]);
    expect(found.map((f) => [f.rule, f.start, f.end])).toEqual([
      ["b", 2, 6],
      ["c", 3, 9],
      ["d", 20, 25],
    ]);
    expect(labelsOf(found)).toEqual(["off_platform", "payment_request"]);
    expect(riskOf(found)).toBe("high");
    expect(riskOf([])).toBe("none");
    expect(labelsOf([])).toEqual([]);
  });
});
