// A libSQL server (real sqld) going away under a running app and coming back on
// the same port: cached registry, lookalike and badge answers keep being served,
// marked stale; uncached reads and writes are refused at once with 503
// problem+json and Retry-After; nothing is half-written; service resumes when
// the server is back and the check interval has passed.
import type { Client, InStatement, Transaction } from "@libsql/client";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createLocalJWKSet } from "jose";
import { createApp } from "../../src/app.ts";
import { verifyBadge } from "../../src/badges/client.ts";
import { dbFromClient } from "../../src/db/client.ts";
import { startSqld, type Sqld } from "../../scripts/sqld.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let sqld: Sqld;
let t: TestApp;
beforeAll(async () => {
  sqld = await startSqld();
  t = await createTestApp({ env: { DATABASE_URL: sqld.url, REGISTRY_CACHE_CHECK_MS: "1000", LOG_REQUESTS: "false" } });
});
afterAll(async () => {
  t?.close();
  await sqld?.close();
});

const CACHED = ["/v1/accounts/Fiverr-Care", "/v1/accounts?limit=50", "/v1/channels", "/v1/check?value=Fiverr_Care", "/v1/badges/Fiverr-Care", "/v1/badges/Fiverr_Care"];

function expectRefused(res: Awaited<ReturnType<TestApp["call"]>>) {
  expect(res.status).toBe(503);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.json.type).toBe("https://teammark.dev/problems/unavailable");
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
}

test("database outage: stale cached answers, fast 503 for the rest, nothing half-written, recovery on restart", async () => {
  const moderator = await t.token("moderator");
  const viewer = await t.token("viewer");
  const fresh = new Map<string, unknown>();
  for (const url of CACHED) {
    const res = await t.call("GET", url);
    expect(res.status, url).toBe(200);
    expect(res.headers.get("x-teammark-stale"), url).toBeNull();
    fresh.set(url, res.json);
  }
  const auditBefore = (await t.call("GET", "/v1/audit?limit=1", { token: viewer })).json.items[0].seq as number;
  const etag = (await t.call("GET", "/v1/accounts/Fiverr-Care")).headers.get("etag")!;

  await sqld.stop();
  t.clock.advance(1000); // the next read checks the version and finds the server gone

  for (const url of CACHED) {
    const res = await t.call("GET", url);
    expect(res.status, url).toBe(200);
    expect(res.json, url).toEqual(fresh.get(url));
    expect(res.headers.get("x-teammark-stale"), url).toBe("1");
    expect(res.headers.get("cache-control"), url).toBe("no-store");
  }
  expectRefused(await t.call("GET", "/v1/accounts/Fiverr-Social"));
  expectRefused(await t.call("GET", "/v1/badges/Fiverr-Social"));
  expectRefused(await t.call("GET", "/readyz"));

  // The cached badge still verifies where badges are verified: in the client, against the JWKS (no database needed).
  const badge = await t.call("GET", "/v1/badges/Fiverr-Care");
  expect(badge.json.official).toBe(true);
  const jwks = await t.call("GET", "/.well-known/jwks.json");
  expect(jwks.status).toBe(200);
  const verdict = await verifyBadge(badge.json.assertion, badge.json.account.platformUserId, {
    keys: createLocalJWKSet(jwks.json),
    issuer: t.deps.config.publicUrl,
    audience: t.deps.config.badges.audience,
    algorithms: ["EdDSA", "ES256"],
    clockToleranceSec: 5,
    currentDate: t.clock.now(),
  });
  expect(verdict.valid).toBe(true);
  // An inbox page of senders this instance answered before: served from the cache, marked stale.
  const batch = await t.call("POST", "/v1/badges/batch", { body: { senders: ["Fiverr-Care", "Fiverr_Care"] } });
  expect(batch.status).toBe(200);
  expect(batch.headers.get("x-teammark-stale")).toBe("1");
  expect(batch.json.items.map((i: { official: boolean }) => i.official)).toEqual([true, false]);
  // Server-side verification reads the account fresh by design: refused, not guessed.
  expectRefused(await t.call("POST", "/v1/badges/verify", { body: { assertion: badge.json.assertion, senderId: badge.json.account.platformUserId } }));
  const started = performance.now();
  const write = await t.call("PATCH", "/v1/accounts/Fiverr-Care", { token: moderator, headers: { "if-match": etag }, body: { team: "Written during the outage", reason: "outage" } });
  expectRefused(write);
  // Refused from the known state, without a connection attempt queued behind it.
  expect(performance.now() - started).toBeLessThan(1000);

  await sqld.start();
  // Within the check interval the app still treats the database as down…
  expectRefused(await t.call("GET", "/v1/accounts/Fiverr-Social"));
  t.clock.advance(1000);
  // …and after it, answers are fresh again.
  const back = await t.call("GET", "/v1/accounts/Fiverr-Care");
  expect(back.status).toBe(200);
  expect(back.headers.get("x-teammark-stale")).toBeNull();
  expect(back.json.team).not.toBe("Written during the outage");
  expect((await t.call("GET", "/v1/accounts/Fiverr-Social")).status).toBe(200);
  expect((await t.call("GET", "/v1/audit?limit=1", { token: viewer })).json.items[0].seq).toBe(auditBefore);

  const after = await t.call("PATCH", "/v1/accounts/Fiverr-Care", { token: moderator, headers: { "if-match": etag }, body: { team: "After the outage", reason: "recovered" } });
  expect(after.status).toBe(200);
  expect((await t.call("GET", "/v1/accounts/Fiverr-Care")).json.team).toBe("After the outage");
  expect((await t.call("GET", "/v1/audit/verify", { token: viewer })).json).toMatchObject({ intact: true });
});

/** The client, except that the server is stopped just before a transaction appends its audit event. */
function stopServerBeforeAuditInsert(client: Client, stop: () => Promise<void>): Client {
  const sqlOf = (stmt: InStatement) => (typeof stmt === "string" ? stmt : stmt.sql);
  const wrapTx = (tx: Transaction): Transaction =>
    new Proxy(tx, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== "function") return value;
        if (prop !== "execute") return (value as (...a: unknown[]) => unknown).bind(target);
        return async (stmt: InStatement) => {
          if (/insert into "audit_events"/i.test(sqlOf(stmt))) await stop();
          return target.execute(stmt);
        };
      },
    });
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== "function") return value;
      if (prop !== "transaction") return (value as (...a: unknown[]) => unknown).bind(target);
      return async (...args: unknown[]) => wrapTx(await (value as (...a: unknown[]) => Promise<Transaction>).apply(target, args));
    },
  });
}

test("the server dying between a change and its audit event leaves neither once it is back", async () => {
  await sqld.start(); // no-op unless an earlier test left it stopped
  const moderator = await t.token("moderator");
  const viewer = await t.token("viewer");
  t.clock.advance(1000);
  const before = await t.call("GET", "/v1/accounts/FiverrCustVoice");
  const auditBefore = (await t.call("GET", "/v1/audit?limit=1", { token: viewer })).json.items[0].seq as number;
  const dying = createApp({ ...t.deps, db: dbFromClient(stopServerBeforeAuditInsert(t.db.$client, () => sqld.stop())) });
  const res = await dying.request("/v1/accounts/FiverrCustVoice", {
    method: "PATCH",
    headers: { authorization: `Bearer ${moderator}`, "content-type": "application/json", "if-match": before.headers.get("etag")! },
    body: JSON.stringify({ team: "Half written?", reason: "cut off mid-transaction" }),
  });
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toBeTruthy();

  await sqld.start();
  t.clock.advance(1000);
  const after = await t.call("GET", "/v1/accounts/FiverrCustVoice");
  expect(after.json).toEqual(before.json);
  expect(after.headers.get("etag")).toBe(before.headers.get("etag"));
  expect((await t.call("GET", "/v1/audit?limit=1", { token: viewer })).json.items[0].seq).toBe(auditBefore);
  expect((await t.call("GET", "/v1/audit/verify", { token: viewer })).json).toMatchObject({ intact: true });
});
