import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { startNodeServer, type RunningServer } from "../../src/node.ts";
import { silentLogger } from "../../src/platform/logger.ts";
import { main } from "../../src/cli/main.ts";
import { loadConfig } from "../../src/config.ts";
import seed from "../../src/data/official-registry.json" with { type: "json" };

const dirs: string[] = [];
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function freshDir() {
  const d = mkdtempSync(path.join(tmpdir(), "teammark-node-"));
  dirs.push(d);
  return d;
}

function cliIO(env: Record<string, string>) {
  let out = "";
  let err = "";
  return {
    io: { stdin: (async function* () {})(), stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env },
    out: () => out,
    err: () => err,
  };
}

test("the Node server starts on a fresh data dir, seeds the registry and accepts a dev token from `teammark token`", async () => {
  const dataDir = path.join(freshDir(), "nested", "data");
  const env = { DATA_DIR: dataDir, PORT: "0", LOG_REQUESTS: "false" };
  const server = await startNodeServer(env, { logger: silentLogger });
  servers.push(server);

  const res = await fetch(`${server.url}/v1/accounts?limit=200`);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(seed.accounts.length);

  // The dev issuer key was created next to the database, readable only by its owner.
  expect(statSync(path.join(dataDir, "moderator-issuer.jwk.json")).mode & 0o077).toBe(0);

  const cli = cliIO(env);
  expect(await main(["token", "--role", "viewer", "--sub", "carol"], cli.io)).toBe(0);
  const token = cli.out().trim();
  const audit = await fetch(`${server.url}/v1/audit/verify`, { headers: { authorization: `Bearer ${token}` } });
  expect(audit.status).toBe(200);
  expect(((await audit.json()) as { intact: boolean }).intact).toBe(true);
});

test("a restart keeps data and does not seed twice", async () => {
  const env = { DATA_DIR: freshDir(), PORT: "0", LOG_REQUESTS: "false" };
  const first = await startNodeServer(env, { logger: silentLogger });
  await first.close();
  const second = await startNodeServer(env, { logger: silentLogger });
  servers.push(second);
  const body = (await (await fetch(`${second.url}/v1/accounts?limit=200`)).json()) as { items: unknown[] };
  expect(body.items).toHaveLength(seed.accounts.length);
});

test("bad configuration fails fast with a readable message", () => {
  expect(() => loadConfig({ PORT: "eighty", AUTH_JWKS_URL: "not a url" })).toThrow(/PORT[\s\S]*AUTH_JWKS_URL/);
});

test("the CLI lists its commands and rejects unknown ones", async () => {
  const help = cliIO({});
  expect(await main(["--help"], help.io)).toBe(0);
  for (const name of ["serve", "migrate", "token"]) expect(help.out()).toMatch(new RegExp(`^  ${name} `, "m"));
  const bad = cliIO({});
  expect(await main(["frobnicate"], bad.io)).toBe(2);
  expect(bad.err()).toContain("unknown command");
  const badFlag = cliIO({ DATA_DIR: freshDir() });
  expect(await main(["token", "--role", "superuser"], badFlag.io)).toBe(1);
  expect(badFlag.err()).toContain("--role");
});
