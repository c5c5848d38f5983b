import { afterEach, beforeEach, expect, test } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import seed from "../../src/data/official-registry.json" with { type: "json" };

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

test("the seeded channels are listed, filterable by kind", async () => {
  const all = await t.call("GET", "/v1/channels?limit=200");
  expect(all.json.items).toHaveLength(seed.channels.length);
  const emails = await t.call("GET", "/v1/channels?kind=email");
  expect(emails.json.items.map((c: { value: string }) => c.value)).toEqual(["support@fiverr.com"]);
});

test("a channel is stored once however it is written; retire needs If-Match", async () => {
  const token = await t.token("moderator", "bob");
  const dup = await t.call("POST", "/v1/channels", { token, body: { kind: "email", value: " Support@Fiverr.com ", purpose: { en: "dup" }, reason: "duplicate entry" } });
  expect(dup.status).toBe(409);

  const created = await t.call("POST", "/v1/channels", { token, body: { kind: "phone", value: "+1 (212) 555-0100", purpose: { en: "US line" }, reason: "new US support line" } });
  expect(created.status).toBe(201);
  const id = created.json.id;
  const noIfMatch = await t.call("DELETE", `/v1/channels/${id}`, { token, body: { reason: "closing line" } });
  expect(noIfMatch.status).toBe(428);
  const retired = await t.call("DELETE", `/v1/channels/${id}`, { token, body: { reason: "closing line" }, headers: { "if-match": created.headers.get("etag")! } });
  expect(retired.status).toBe(200);
  expect(retired.json.status).toBe("retired");
  const audit = await t.call("GET", "/v1/audit?limit=2", { token });
  expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(["channel.retire", "channel.create"]);
});
