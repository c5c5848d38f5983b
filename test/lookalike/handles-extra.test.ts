// Hand-written handles beyond the shared dev set (test/lookalike/data/handles.extra.jsonl):
// more languages, separators, affixes and near-miss ordinary names, against the seeded registry.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildLookalikeIndex, checkHandle } from "../../src/lookalike/index.ts";
import { defaultRegistry } from "../../src/registry/seed-data.ts";

type Line = { handle: string; label: string; target?: string };
const lines: Line[] = readFileSync(new URL("./data/handles.extra.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Line);
const index = buildLookalikeIndex(defaultRegistry.accounts.map((a) => a.handle), defaultRegistry.platform);

describe("hand-labelled handles", () => {
  it("has every kind of label", () => {
    expect(new Set(lines.map((l) => l.label))).toEqual(new Set(["brand_impersonation", "lookalike", "clean"]));
  });
  it.each(lines.map((l) => [l.handle, l] as const))("%s", (_h, l) => {
    const r = checkHandle(index, l.handle);
    expect(r.verdict).toBe(l.label);
    if (l.label === "lookalike") expect(r.target).toBe(l.target);
  });
});
