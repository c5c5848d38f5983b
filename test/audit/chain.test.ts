import { afterEach, beforeEach, expect, test } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

async function verify() {
  return (await t.call("GET", "/v1/audit/verify", { token: await t.token("viewer") })).json;
}

test("the seeded registry's audit chain is intact and covers every seeded row", async () => {
  const report = await verify();
  expect(report.intact).toBe(true);
  const accounts = (await t.call("GET", "/v1/accounts?limit=200")).json.items.length;
  const channels = (await t.call("GET", "/v1/channels?limit=200")).json.items.length;
  expect(report.events).toBe(accounts + channels);
  expect(report.headHash).toMatch(/^[0-9a-f]{64}$/);
});

test("ordinary SQL cannot rewrite history", async () => {
  await expect(t.db.$client.execute("UPDATE audit_events SET reason = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
  await expect(t.db.$client.execute("DELETE FROM audit_events WHERE seq = 1")).rejects.toThrow(/append-only/);
});

test("an event edited behind the API's back is found by verify", async () => {
  // Someone with file access drops the guard and edits one old event.
  await t.db.$client.execute("DROP TRIGGER audit_events_no_update");
  await t.db.$client.execute("UPDATE audit_events SET reason = 'nothing to see' WHERE seq = 5");
  const report = await verify();
  expect(report.intact).toBe(false);
  expect(report.firstBroken).toMatchObject({ seq: 5, problem: "hash-mismatch" });
});

test("a deleted event breaks the chain at the next one", async () => {
  await t.db.$client.execute("DROP TRIGGER audit_events_no_delete");
  await t.db.$client.execute("DELETE FROM audit_events WHERE seq = 3");
  const report = await verify();
  expect(report).toMatchObject({ intact: false, firstBroken: { seq: 4, problem: "sequence-gap" } });
});

test("audit pages walk back from the newest event", async () => {
  const token = await t.token("viewer");
  const first = await t.call("GET", "/v1/audit?limit=7", { token });
  const second = await t.call("GET", `/v1/audit?limit=7&cursor=${first.json.nextCursor}`, { token });
  const seqs = [...first.json.items, ...second.json.items].map((e: { seq: number }) => e.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(first.json.items[0].prevHash).toBe(first.json.items[1].hash);
  expect(first.json.items.at(-1).prevHash).toBe(second.json.items[0].hash);
});
