// Per-client limits: the token bucket itself, the /v1 limit and the failed
// authentication limit through the app (429 problem+json with Retry-After),
// and the Node server keying on the real socket address.
import { afterEach, describe, expect, test } from "vitest";
import { createTokenBucketLimiter } from "../../src/ratelimit/token-bucket.ts";
import { memoryRateLimits } from "../../src/ratelimit/from-config.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import { startNodeServer } from "../../src/node.ts";
import { silentLogger } from "../../src/platform/logger.ts";
import { createTestApp, TEST_CLIENT_HEADER, type TestApp } from "../support/test-app.ts";

const opened: TestApp[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
});
async function limitedApp(limits: { publicPerMinute: number; authFailuresPerMinute: number; exempt?: string[] }) {
  const t = await createTestApp({ env: { LOG_REQUESTS: "false" }, rateLimits: (clock) => memoryRateLimits({ exempt: [], ...limits }, clock) });
  opened.push(t);
  return t;
}
const from = (client: string, extra: Record<string, string> = {}) => ({ headers: { [TEST_CLIENT_HEADER]: client, ...extra } });

describe("token bucket", () => {
  test("bursts up to the limit, then refills at limit per period", async () => {
    const clock = fixedClock("2026-01-01T00:00:00Z");
    const limiter = createTokenBucketLimiter({ limit: 3, periodMs: 60_000, clock });
    for (let i = 0; i < 3; i++) expect((await limiter.limit("a")).allowed).toBe(true);
    expect(await limiter.limit("a")).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect((await limiter.limit("b")).allowed).toBe(true);
    clock.advance(19_999);
    expect((await limiter.limit("a")).allowed).toBe(false);
    clock.advance(1);
    expect((await limiter.limit("a")).allowed).toBe(true);
    expect((await limiter.limit("a")).allowed).toBe(false);
  });

  test("a limit of 0 is no limit", async () => {
    const limiter = createTokenBucketLimiter({ limit: 0, periodMs: 60_000, clock: fixedClock("2026-01-01T00:00:00Z") });
    for (let i = 0; i < 100; i++) expect((await limiter.limit("a")).allowed).toBe(true);
  });
});

describe("through the app", () => {
  test("public requests: 429 problem+json with Retry-After past the limit, per client, exempt clients never", async () => {
    const t = await limitedApp({ publicPerMinute: 5, authFailuresPerMinute: 100, exempt: ["10.0.0.9"] });
    for (let i = 0; i < 5; i++) expect((await t.call("GET", "/v1/accounts/Fiverr-Care", from("10.0.0.1"))).status).toBe(200);
    const limited = await t.call("GET", "/v1/channels", from("10.0.0.1"));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toContain("application/problem+json");
    expect(limited.json.type).toBe("https://teammark.dev/problems/rate-limited");
    expect(limited.headers.get("retry-after")).toBe("12");
    expect((await t.call("GET", "/v1/accounts/Fiverr-Care", from("10.0.0.2"))).status).toBe(200);
    for (let i = 0; i < 20; i++) expect((await t.call("GET", "/v1/channels", from("10.0.0.9"))).status).toBe(200);
    // Health and the API description are not metered.
    expect((await t.call("GET", "/healthz", from("10.0.0.1"))).status).toBe(200);
    t.clock.advance(12_000);
    expect((await t.call("GET", "/v1/channels", from("10.0.0.1"))).status).toBe(200);
  });

  test("failed moderator authentications: 401 up to the limit, then 429, per client; valid tokens are unaffected", async () => {
    const t = await limitedApp({ publicPerMinute: 1000, authFailuresPerMinute: 2 });
    const body = { team: "Nope", reason: "guessing tokens" };
    const bad = { authorization: "Bearer a.b.c", "if-match": "*" };
    expect((await t.call("PATCH", "/v1/accounts/Fiverr-Care", { body, ...from("10.0.0.5", bad) })).status).toBe(401);
    expect((await t.call("PATCH", "/v1/accounts/Fiverr-Care", { body, ...from("10.0.0.5", { "if-match": "*" }) })).status).toBe(401);
    const blocked = await t.call("GET", "/v1/audit", from("10.0.0.5", bad));
    expect(blocked.status).toBe(429);
    expect(blocked.json.type).toBe("https://teammark.dev/problems/rate-limited");
    expect(Number(blocked.headers.get("retry-after"))).toBe(30);
    expect((await t.call("GET", "/v1/audit", from("10.0.0.6", bad))).status).toBe(401);
    // Public reads from the same client still work: only failures are counted here.
    expect((await t.call("GET", "/v1/accounts/Fiverr-Care", from("10.0.0.5"))).status).toBe(200);
    expect((await t.call("GET", "/v1/audit", { token: await t.token("viewer"), ...from("10.0.0.7") })).status).toBe(200);
  });
});

test("the Node server limits by the socket's address", async () => {
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "teammark-limit-"));
  const server = await startNodeServer({ DATA_DIR: dir, PORT: "0", LOG_REQUESTS: "false", RATE_LIMIT_PUBLIC_PER_MIN: "3" }, { logger: silentLogger });
  try {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.url}/v1/accounts/Fiverr-Care`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("/openapi.json documents 429 and 503 on every /v1 operation, and not on /healthz", async () => {
  const t = await limitedApp({ publicPerMinute: 0, authFailuresPerMinute: 0 });
  const doc = (await t.call("GET", "/openapi.json")).json as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  const v1 = Object.entries(doc.paths).filter(([p]) => p.startsWith("/v1/"));
  expect(v1.length).toBeGreaterThan(5);
  for (const [p, ops] of v1) for (const [method, op] of Object.entries(ops)) expect(Object.keys(op.responses), `${method} ${p}`).toEqual(expect.arrayContaining(["429", "503"]));
  expect(Object.keys(doc.paths["/healthz"]!.get!.responses)).not.toContain("429");
});
