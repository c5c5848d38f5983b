// The per-app registry cache: answers keyed by the registry version, which every
// audited write bumps in its own transaction; another instance's write is seen
// within REGISTRY_CACHE_CHECK_MS (the bound, driven here by the injected clock),
// this instance's own writes at once.
import { afterEach, describe, expect, test } from "vitest";
import { createApp } from "../../src/app.ts";
import { readRegistryVersion } from "../../src/cache/registry-version.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const opened: TestApp[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
});

async function setup(checkMs = 1000) {
  const t = await createTestApp({ env: { REGISTRY_CACHE_CHECK_MS: String(checkMs), LOG_REQUESTS: "false" } });
  opened.push(t);
  // A second instance on the same database: its own app, its own cache.
  const other = createApp(t.deps);
  const moderator = await t.token("moderator");
  const patch = async (app: typeof other, handle: string, body: Record<string, unknown>) =>
    app.request(`/v1/accounts/${handle}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${moderator}`, "content-type": "application/json", "if-match": "*" },
      body: JSON.stringify(body),
    });
  const team = async (app: typeof other, handle = "Fiverr-Care") => ((await (await app.request(`/v1/accounts/${handle}`)).json()) as { team: string }).team;
  return { t, other, patch, team };
}

describe("registry cache", () => {
  test("another instance's write becomes visible exactly when the check interval has passed", async () => {
    const { t, other, patch, team } = await setup(1000);
    const before = await team(t.app);
    expect((await patch(other, "Fiverr-Care", { team: "Moved Elsewhere", reason: "reorg" })).status).toBe(200);
    expect(await team(other)).toBe("Moved Elsewhere"); // the writer sees its own write at once
    expect(await team(t.app)).toBe(before);
    t.clock.advance(999);
    expect(await team(t.app)).toBe(before);
    t.clock.advance(1);
    expect(await team(t.app)).toBe("Moved Elsewhere");
  });

  test("with a 0 ms interval every read sees the latest write", async () => {
    const { t, other, patch, team } = await setup(0);
    await team(t.app);
    await patch(other, "Fiverr-Care", { team: "Right Away", reason: "reorg" });
    expect(await team(t.app)).toBe("Right Away");
  });

  test("lookalike checks use the cached index and pick up a newly registered account after the interval", async () => {
    const { t, other, team } = await setup(500);
    await team(t.app);
    const verdict = async () => ((await (await t.app.request("/v1/check?value=Fiverr-Payouts-Desk")).json()) as { verdict: string; target: string | null });
    const first = await verdict();
    expect(first.verdict).not.toBe("official");
    const moderator = await t.token("moderator");
    const created = await other.request("/v1/accounts", {
      method: "POST",
      headers: { authorization: `Bearer ${moderator}`, "content-type": "application/json" },
      body: JSON.stringify({ handle: "Fiverr-Payouts-Desk", platformUserId: "u-payouts-desk", team: "Payouts", purpose: { en: "Payout questions" }, reason: "new desk" }),
    });
    expect(created.status).toBe(201);
    expect((await verdict()).verdict).toBe(first.verdict);
    t.clock.advance(500);
    expect(await verdict()).toMatchObject({ verdict: "official", target: "Fiverr-Payouts-Desk" });
  });

  test("a committed write bumps the version by one; a refused write leaves it", async () => {
    const { t, patch } = await setup();
    const v0 = await readRegistryVersion(t.db);
    expect((await patch(t.app, "Fiverr-Care", { team: "Once", reason: "bump" })).status).toBe(200);
    expect(await readRegistryVersion(t.db)).toBe(v0 + 1);
    const stale = await t.call("PATCH", "/v1/accounts/Fiverr-Care", { token: await t.token("moderator"), headers: { "if-match": '"1"' }, body: { team: "Twice", reason: "old etag" } });
    expect(stale.status).toBe(412);
    expect(await readRegistryVersion(t.db)).toBe(v0 + 1);
  });
});

describe("registry cache on its own", () => {
  test("a version check that hangs counts as an outage: cached answers are served, misses refused, recovery when it answers again", async () => {
    const { createRegistryCache } = await import("../../src/cache/registry-cache.ts");
    const { fixedClock } = await import("../../src/platform/clock.ts");
    const clock = fixedClock("2026-01-01T00:00:00Z");
    let answer: () => Promise<number> = async () => 7;
    const cache = createRegistryCache({ db: undefined as never, clock, checkEveryMs: 1000, checkTimeoutMs: 50, readVersion: () => answer() });
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.read("k", load)).toBe(1);
    answer = () => new Promise<number>(() => {}); // the database stops answering without refusing
    clock.advance(1000);
    const started = performance.now();
    expect(await cache.read("k", load)).toBe(1);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(cache.degraded).toBe(true);
    await expect(cache.read("other", load)).rejects.toMatchObject({ code: "unavailable" });
    await expect(cache.assertAvailable()).rejects.toMatchObject({ code: "unavailable" });
    answer = async () => 8;
    clock.advance(1000);
    expect(await cache.read("k", load)).toBe(2); // version moved while away: reloaded
    expect(cache.degraded).toBe(false);
  });
});
