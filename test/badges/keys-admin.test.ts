// Badge key rotation from the admin API: admins only, audited, the new key is
// published at once and signs later, and a second rotation waits for it.
import { afterAll, beforeAll, expect, test } from "vitest";
import { createApp } from "../../src/app.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

test("only admins list and rotate keys", async () => {
  for (const role of ["viewer", "moderator", "messaging"] as const) {
    const token = await t.token(role);
    expect((await t.call("GET", "/v1/admin/badge-keys", { token })).status).toBe(403);
    expect((await t.call("POST", "/v1/admin/badge-keys/rotate", { token, body: { reason: "not mine to do" } })).status).toBe(403);
  }
  expect((await t.call("POST", "/v1/admin/badge-keys/rotate", { body: { reason: "anonymous" } })).status).toBe(401);
});

test("a rotation publishes the next key now, records an audit event, and cannot be repeated until it signs", async () => {
  const admin = await t.token("admin", "root");
  const before = (await t.call("GET", "/v1/admin/badge-keys", { token: admin })).json.keys;
  expect(before.map((k: { phase: string }) => k.phase)).toEqual(["active"]);

  const rotated = await t.call("POST", "/v1/admin/badge-keys/rotate", { token: admin, body: { reason: "quarterly rotation" } });
  expect(rotated.status).toBe(200);
  expect(rotated.json.added.phase).toBe("next");
  expect(Date.parse(rotated.json.added.activatesAt)).toBeGreaterThan(t.clock.now().getTime());
  const jwks = (await t.call("GET", "/.well-known/jwks.json")).json.keys.map((k: { kid: string }) => k.kid);
  expect(jwks).toEqual(expect.arrayContaining([before[0].kid, rotated.json.added.kid]));
  // Badges are still signed by the old key until the new one activates.
  const badge = (await t.call("GET", "/v1/badges/Fiverr-Care")).json.assertion as string;
  expect(JSON.parse(atob(badge.split(".")[0]!.replace(/-/g, "+").replace(/_/g, "/"))).kid).toBe(before[0].kid);

  const audit = (await t.call("GET", "/v1/audit?limit=1", { token: admin })).json.items[0];
  expect(audit).toMatchObject({ action: "badge-keys.rotate", actor: "root", entityId: rotated.json.added.kid, reason: "quarterly rotation" });
  expect((await t.call("GET", "/v1/audit/verify", { token: admin })).json.intact).toBe(true);

  const again = await t.call("POST", "/v1/admin/badge-keys/rotate", { token: admin, body: { reason: "too soon" } });
  expect(again.status).toBe(409);
  expect(again.json.detail).toMatch(/already waiting/);
});

test("where keys come from a secret, the API says how to rotate instead", async () => {
  const app = createApp({ ...t.deps, rotateBadgeKeys: undefined });
  const res = await app.request("/v1/admin/badge-keys/rotate", { method: "POST", headers: { authorization: `Bearer ${await t.token("admin")}`, "content-type": "application/json" }, body: JSON.stringify({ reason: "try it" }) });
  expect(res.status).toBe(409);
  expect((await res.json()).detail).toMatch(/teammark keys rotate --file/);
});
