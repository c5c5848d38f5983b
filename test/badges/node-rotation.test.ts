// A running Node server publishes a key added by `teammark keys rotate` without
// a restart (it re-reads the key file when its modification time changes).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { startNodeServer, type RunningServer } from "../../src/node.ts";
import { silentLogger } from "../../src/platform/logger.ts";
import { main } from "../../src/cli/main.ts";

let server: RunningServer | undefined;
const dir = mkdtempSync(path.join(tmpdir(), "teammark-node-rotation-"));
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("keys rotate on a running server: the next key appears in its JWKS, the badge keeps the old kid", async () => {
  server = await startNodeServer({ DATA_DIR: dir, PORT: "0", LOG_REQUESTS: "false" }, { logger: silentLogger });
  const kids = async () => ((await (await fetch(`${server!.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
  const [oldKid] = await kids();
  let out = "";
  const io = { stdin: (async function* () {})(), stdout: { write: (s: string) => (out += s) }, stderr: { write: () => {} }, env: { DATA_DIR: dir } };
  expect(await main(["keys", "rotate"], io)).toBe(0);
  const newKid = /added key (\S+)/.exec(out)![1]!;
  // The server looks at the file at most once a second; wait for it, boundedly.
  let seen: string[] = [];
  for (let i = 0; i < 40 && !seen.includes(newKid); i++) {
    await new Promise((r) => setTimeout(r, 100));
    seen = await kids();
  }
  expect(seen).toEqual(expect.arrayContaining([oldKid, newKid]));
  const badge = (await (await fetch(`${server.url}/v1/badges/Fiverr-Care`)).json()) as { assertion: string };
  expect(JSON.parse(Buffer.from(badge.assertion.split(".")[0]!, "base64url").toString()).kid).toBe(oldKid);
});
