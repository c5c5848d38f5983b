import { describe, expect, it } from "vitest";
import { scanCommand } from "../../src/cli/commands/scan.ts";
import { MAX_SCAN_TEXT_BYTES } from "../../src/scan/limits.ts";

async function run(input: string, args: string[] = []) {
  let out = "";
  let err = "";
  const code = await scanCommand.run(args, {
    stdin: (async function* () {
      // split mid-line to check the reader joins chunks
      yield input.slice(0, 7);
      yield input.slice(7);
    })(),
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
  });
  return { code, lines: out.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l)), err };
}

describe("teammark scan", () => {
  it("answers one JSON line per message with labels, risk and findings, ignoring other fields", async () => {
    const r = await run(
      [
        JSON.stringify({ id: "a", lang: "en", text: "Love the second concept!", labels: ["x"] }),
        JSON.stringify({ id: "b", text: "tbh easier to talk on wh@ts@pp, +44 7700 900 461" }),
        JSON.stringify({ id: "c", text: "Fiverr Support here, your account will be suspended", sender_official: true }),
        JSON.stringify({ id: "d", text: "Fiverr Support here, your account will be suspended" }),
      ].join("\n"),
    );
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => [l.id, l.labels])).toEqual([
      ["a", []],
      ["b", ["off_platform"]],
      ["c", []],
      ["d", ["impersonation"]],
    ]);
    expect(r.lines[1].risk).not.toBe("none");
    expect(r.lines[1].findings[0]).toEqual(expect.objectContaining({ label: "off_platform", rule: expect.any(String) }));
    expect(r.lines[0]).not.toHaveProperty("warning");
  });

  it("adds the reader's warning with --warning", async () => {
    const r = await run(JSON.stringify({ id: "w", text: "send me your password", reader_lang: "lv" }), ["--warning"]);
    expect(r.lines[0].warning.lang).toBe("lv");
  });

  it("reports bad and oversized lines on stderr and goes on", async () => {
    const r = await run(`not json\n{"id":"x"}\n${JSON.stringify({ id: "big", text: "a".repeat(MAX_SCAN_TEXT_BYTES + 1) })}\n{"id":"y","text":"hi"}\n`);
    expect(r.lines.map((l) => l.id)).toEqual(["y"]);
    expect(r.err).toContain("line 1");
    expect(r.err).toContain("line 3");
    expect(r.code).toBe(0);
  });
});

describe("teammark scan as a process", () => {
  it("stops quietly when its reader closes the pipe early (| head)", async () => {
    const { spawn } = await import("node:child_process");
    const bin = new URL("../../bin/teammark.js", import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, "scan"], { stdio: ["pipe", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    // The reader takes one line and closes its end, as `head -1` does.
    child.stdout.once("data", () => child.stdout.destroy());
    const line = JSON.stringify({ id: "x", text: "add me on whatsapp +44 7700 900461" }) + "\n";
    child.stdin.on("error", () => {}); // the child may be gone before all input is written
    child.stdin.end(line.repeat(20_000));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(err).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  }, 30_000);
});
