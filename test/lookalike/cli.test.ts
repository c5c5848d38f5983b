import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkHandleCommand } from "../../src/cli/commands/check-handle.ts";

const dir = mkdtempSync(path.join(tmpdir(), "teammark-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(input: string) {
  let out = "";
  let err = "";
  const code = await checkHandleCommand.run([], {
    stdin: (async function* () {
      yield input;
    })(),
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: { DATABASE_URL: `file:${path.join(dir, "registry.db")}` },
  });
  return { code, lines: out.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l)), err };
}

describe("teammark check-handle", () => {
  it("answers one JSON line per input line against the seeded registry", async () => {
    const r = await run(['{"id":"a","handle":"Fiverr-Care"}', '{"id":"b","handle":"F\u0456verr-Care"}', '{"id":"c","handle":"FiverrSupport"}', '{"id":"d","handle":"video_editor_pro"}'].join("\n"));
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => [l.id, l.verdict, l.target])).toEqual([
      ["a", "official", "Fiverr-Care"],
      ["b", "lookalike", "Fiverr-Care"],
      ["c", "brand_impersonation", null],
      ["d", "clean", null],
    ]);
    expect(r.lines[1].reasons.length).toBeGreaterThan(0);
  });

  it("reports bad lines on stderr and goes on", async () => {
    const r = await run('not json\n{"id":"x"}\n{"id":"y","handle":"frmarcom"}\n');
    expect(r.lines).toEqual([expect.objectContaining({ id: "y", verdict: "official" })]);
    expect(r.err).toContain("line 1");
    expect(r.err).toContain("line 2");
  });
});
