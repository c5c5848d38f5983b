// Badge answers are reused, by this app and by browsers and CDNs, but never
// for long enough that a copy outlives its assertion; and a registry write is
// seen at once.
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { decodePart } from "./support.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { BADGE_TTL_SECONDS: "120" } });
});
afterAll(() => t.close());

const maxAgeOf = (res: { headers: Headers }) => Number(/max-age=(\d+)/.exec(res.headers.get("cache-control") ?? "")![1]);
const nowSec = () => Math.floor(t.clock.now().getTime() / 1000);

test("the same assertion is served until half its lifetime is gone, with a max-age of at most a quarter of what is left", async () => {
  const first = await t.call("GET", "/v1/badges/Fiverr-Care");
  const exp = decodePart(first.json.assertion, 1).exp as number;
  expect(exp - nowSec()).toBe(120);
  expect(maxAgeOf(first)).toBe(30);

  t.clock.advance(50_000);
  const later = await t.call("GET", "/v1/badges/Fiverr-Care");
  expect(later.json.assertion).toBe(first.json.assertion);
  expect(maxAgeOf(later)).toBe(Math.floor((exp - nowSec()) / 4));

  t.clock.advance(11_000);
  const renewed = await t.call("GET", "/v1/badges/Fiverr-Care");
  expect(renewed.json.assertion).not.toBe(first.json.assertion);
  expect(decodePart(renewed.json.assertion, 1).exp).toBe(nowSec() + 120);
});

test("a registry write is reflected in the very next answer", async () => {
  const before = await t.call("GET", "/v1/badges/editors_picks");
  expect(before.json.account.team).toBe("Editorial");
  const moderator = await t.token("moderator");
  const etag = (await t.call("GET", "/v1/accounts/editors_picks")).headers.get("etag")!;
  const patched = await t.call("PATCH", "/v1/accounts/editors_picks", { token: moderator, headers: { "if-match": etag }, body: { team: "Editorial EMEA", reason: "team renamed" } });
  expect(patched.status).toBe(200);
  const after = await t.call("GET", "/v1/badges/editors_picks");
  expect(after.json.account.team).toBe("Editorial EMEA");
  expect(decodePart(after.json.assertion, 1).team).toBe("Editorial EMEA");
});
