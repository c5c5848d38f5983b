import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import seed from "../../src/data/official-registry.json" with { type: "json" };

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const newAccount = { handle: "Fiverr-Trust", platformUserId: "9900001", team: "Trust & Safety", purpose: { en: "Official trust and safety team." }, reason: "new team account" };

describe("public reads", () => {
  test("the seeded registry lists every official account from the seed file", async () => {
    const res = await t.call("GET", "/v1/accounts?limit=200");
    expect(res.status).toBe(200);
    expect(res.json.items.map((a: { handle: string }) => a.handle).sort()).toEqual(seed.accounts.map((a) => a.handle).sort());
    expect(res.json.nextCursor).toBeUndefined();
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  test("pagination walks all accounts exactly once in handle order", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await t.call("GET", `/v1/accounts?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      expect(res.json.items.length).toBeLessThanOrEqual(4);
      seen.push(...res.json.items.map((a: { handle: string }) => a.handle));
      cursor = res.json.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(seed.accounts.length / 4));
    expect(seen).toEqual([...seen].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect(new Set(seen).size).toBe(seed.accounts.length);
  });

  test("filters by team and status", async () => {
    const editorial = await t.call("GET", "/v1/accounts?team=Editorial");
    expect(editorial.json.items.map((a: { handle: string }) => a.handle).sort()).toEqual(["editorial_video", "editors_picks"]);
    const suspended = await t.call("GET", "/v1/accounts?status=suspended");
    expect(suspended.json.items).toEqual([]);
  });

  test("one account by handle in any case, with an ETag; unknown handles are 404 problems", async () => {
    const res = await t.call("GET", "/v1/accounts/fiverr-care");
    expect(res.status).toBe(200);
    expect(res.json.handle).toBe("Fiverr-Care");
    expect(res.headers.get("etag")).toBe(`"${res.json.id}.v1"`);
    const missing = await t.call("GET", "/v1/accounts/Fiverr_Care");
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ type: "https://teammark.dev/problems/not-found", status: 404, title: "Not found" });
    expect(missing.json.requestId).toBe(missing.headers.get("x-request-id"));
  });

  test("invalid query parameters are validation problems with field errors", async () => {
    const res = await t.call("GET", "/v1/accounts?limit=0&status=gone");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.json.type).toBe("https://teammark.dev/problems/validation-failed");
    expect(res.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(["limit", "status"]);
    const badCursor = await t.call("GET", "/v1/accounts?cursor=nonsense");
    expect(badCursor.status).toBe(400);
  });
});

describe("moderator writes", () => {
  test("create, update with If-Match, suspend and retire an account; each change is audited", async () => {
    const token = await t.token("moderator", "alice");
    const created = await t.call("POST", "/v1/accounts", { token, body: newAccount });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ handle: "Fiverr-Trust", status: "active", version: 1 });
    const etag1 = created.headers.get("etag")!;

    const noIfMatch = await t.call("PATCH", "/v1/accounts/Fiverr-Trust", { token, body: { team: "T&S", reason: "rename" } });
    expect(noIfMatch.status).toBe(428);

    const updated = await t.call("PATCH", "/v1/accounts/Fiverr-Trust", { token, body: { team: "T&S", reason: "rename" }, headers: { "if-match": etag1 } });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ team: "T&S", version: 2 });

    const stale = await t.call("PATCH", "/v1/accounts/Fiverr-Trust", { token, body: { team: "Other", reason: "stale write" }, headers: { "if-match": etag1 } });
    expect(stale.status).toBe(412);
    expect(stale.json.type).toBe("https://teammark.dev/problems/precondition-failed");

    const suspended = await t.call("PATCH", "/v1/accounts/Fiverr-Trust", { token, body: { status: "suspended", reason: "investigation" }, headers: { "if-match": updated.headers.get("etag")! } });
    expect(suspended.json.status).toBe("suspended");

    const retired = await t.call("DELETE", "/v1/accounts/Fiverr-Trust", { token, body: { reason: "team closed" }, headers: { "if-match": suspended.headers.get("etag")! } });
    expect(retired.status).toBe(200);
    expect(retired.json).toMatchObject({ status: "retired", version: 4 });
    expect((await t.call("GET", "/v1/accounts/Fiverr-Trust")).json.status).toBe("retired");

    const audit = await t.call("GET", "/v1/audit?limit=4", { token });
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(["account.retire", "account.suspend", "account.update", "account.create"]);
    expect(audit.json.items[0]).toMatchObject({ actor: "alice", reason: "team closed", entityId: created.json.id });
    expect(audit.json.items[0].before.status).toBe("suspended");
    expect(audit.json.items[0].after.status).toBe("retired");
  });

  test("handles are unique regardless of case; the conflict leaves no audit event", async () => {
    const token = await t.token("moderator");
    const before = (await t.call("GET", "/v1/audit?limit=1", { token })).json.items[0].seq;
    const res = await t.call("POST", "/v1/accounts", { token, body: { ...newAccount, handle: "FIVERR-CARE" } });
    expect(res.status).toBe(409);
    const dupUser = await t.call("POST", "/v1/accounts", { token, body: { ...newAccount, platformUserId: "7100005" } });
    expect(dupUser.status).toBe(409);
    expect((await t.call("GET", "/v1/audit?limit=1", { token })).json.items[0].seq).toBe(before);
  });

  test("two concurrent updates with the same ETag: exactly one succeeds, one 412, one audit event", async () => {
    const token = await t.token("moderator");
    const current = await t.call("GET", "/v1/accounts/Fiverr-Social");
    const etag = current.headers.get("etag")!;
    const before = (await t.call("GET", "/v1/audit?limit=1", { token })).json.items[0].seq;
    const results = await Promise.all(
      ["A", "B"].map((team) => t.call("PATCH", "/v1/accounts/Fiverr-Social", { token, body: { team, reason: `set team ${team}` }, headers: { "if-match": etag } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const events = (await t.call("GET", "/v1/audit?limit=5", { token })).json.items.filter((e: { seq: number }) => e.seq > before);
    expect(events).toHaveLength(1);
    expect((await t.call("GET", "/v1/accounts/Fiverr-Social")).json.version).toBe(2);
  });

  test("invalid bodies: unknown fields, bad handles, missing reason", async () => {
    const token = await t.token("moderator");
    const res = await t.call("POST", "/v1/accounts", { token, body: { ...newAccount, handle: "bad handle!", reason: undefined, extra: 1 } });
    expect(res.status).toBe(400);
    const paths = res.json.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["handle", "reason"]));
    const notJson = await t.call("POST", "/v1/accounts", { token, body: "{not json", headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(400);
    expect(notJson.headers.get("content-type")).toContain("application/problem+json");
    const form = await t.call("POST", "/v1/accounts", { token, body: "handle=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
  });

  test("writes from other origins get no CORS grant", async () => {
    const token = await t.token("moderator");
    const res = await t.call("PATCH", "/v1/accounts/Fiverr-Care", { token, body: { team: "x", reason: "cors check" }, headers: { origin: "https://evil.example" } });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const pre = await t.app.request("/v1/accounts/Fiverr-Care", { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "PATCH" } });
    expect(pre.headers.get("access-control-allow-methods") ?? "").not.toContain("PATCH");
  });
});
