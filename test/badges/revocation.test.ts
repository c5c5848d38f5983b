import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { base64url, createLocalJWKSet, jwtVerify } from "jose";
import { createApp } from "../../src/app.ts";
import { inflate, statusAt } from "../../src/badges/status-list.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { decodePart, verifierFor } from "./support.ts";
import seed from "../../src/data/official-registry.json" with { type: "json" };

let t: TestApp;
let moderator: string;
beforeAll(async () => {
  t = await createTestApp();
  moderator = await t.token("moderator", "mod-revocation");
});
afterAll(() => t.close());

const userId = (handle: string) => seed.accounts.find((a) => a.handle === handle)!.platformUserId;

async function setStatus(handle: string, status: "active" | "suspended" | "retired") {
  const etag = (await t.call("GET", `/v1/accounts/${handle}`)).headers.get("etag")!;
  const res =
    status === "retired"
      ? await t.call("DELETE", `/v1/accounts/${handle}`, { token: moderator, headers: { "if-match": etag }, body: { reason: "test retirement" } })
      : await t.call("PATCH", `/v1/accounts/${handle}`, { token: moderator, headers: { "if-match": etag }, body: { status, reason: `test ${status}` } });
  expect(res.status).toBe(200);
}

async function statusList(uri: string) {
  const res = await t.call("GET", new URL(uri).pathname);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/statuslist+jwt");
  const jwks = (await t.call("GET", "/.well-known/jwks.json")).json;
  const { payload, protectedHeader } = await jwtVerify(res.text, createLocalJWKSet(jwks), { typ: "statuslist+jwt", algorithms: ["EdDSA"], currentDate: t.clock.now() });
  expect(protectedHeader.typ).toBe("statuslist+jwt");
  expect(payload.sub).toBe(uri);
  const list = payload.status_list as { bits: number; lst: string };
  expect(list.bits).toBe(1);
  return inflate(base64url.decode(list.lst));
}

const verifyOnServer = (assertion: string, senderId: string) => t.call("POST", "/v1/badges/verify", { body: { assertion, senderId } });

describe("revocation", () => {
  test("retiring an account: /v1/badges/verify answers revoked at once, no new badge, the status list marks it", async () => {
    const badge = (await t.call("GET", "/v1/badges/Fiverr-Care")).json;
    const other = (await t.call("GET", "/v1/badges/editors_picks")).json;
    const ok = await verifyOnServer(badge.assertion, userId("Fiverr-Care"));
    expect(ok.json).toMatchObject({ valid: true, reason: null, account: { handle: "Fiverr-Care", status: "active" } });
    const { idx, uri } = decodePart(badge.assertion, 1).status.status_list;
    const otherIdx = decodePart(other.assertion, 1).status.status_list.idx;
    expect(otherIdx).not.toBe(idx);
    expect(statusAt(await statusList(uri), idx)).toBe(0);

    await setStatus("Fiverr-Care", "retired");

    expect((await verifyOnServer(badge.assertion, userId("Fiverr-Care"))).json).toEqual({ valid: false, reason: "revoked" });
    expect((await t.call("GET", "/v1/badges/Fiverr-Care")).json.official).toBe(false);
    const batch = (await t.call("POST", "/v1/badges/batch", { body: { senders: ["Fiverr-Care", "editors_picks"] } })).json;
    expect(batch.items.map((i: { official: boolean }) => i.official)).toEqual([false, true]);
    const bits = await statusList(uri);
    expect(statusAt(bits, idx)).toBe(1);
    expect(statusAt(bits, otherIdx)).toBe(0);
    // Offline verifiers have only the signature and exp to go on: still valid until it expires.
    expect((await verifierFor(t).verifier.verify(badge.assertion, userId("Fiverr-Care"))).valid).toBe(true);
  });

  test("a client that checks the status list sees the revocation once its cached list is older than the list's ttl", async () => {
    const badge = (await t.call("GET", "/v1/badges/Fiverr_365")).json;
    const { verifier, fetches } = verifierFor(t, { checkStatus: true });
    expect((await verifier.verify(badge.assertion, userId("Fiverr_365"))).valid).toBe(true);
    const afterFirst = fetches();
    await setStatus("Fiverr_365", "suspended");
    // Within the ttl the list is not fetched again.
    expect((await verifier.verify(badge.assertion, userId("Fiverr_365"))).valid).toBe(true);
    expect(fetches()).toBe(afterFirst);
    t.clock.advance(61_000);
    expect(await verifier.verify(badge.assertion, userId("Fiverr_365"))).toEqual({ valid: false, reason: "revoked" });
    // Other accounts on the same list stay valid.
    const other = (await t.call("GET", "/v1/badges/editorial_video")).json;
    expect((await verifier.verify(other.assertion, userId("editorial_video"))).valid).toBe(true);
    await setStatus("Fiverr_365", "active");
  });

  test("suspension revokes; reactivation restores the same status position", async () => {
    const badge = (await t.call("GET", "/v1/badges/pro_acquisition")).json;
    const { idx, uri } = decodePart(badge.assertion, 1).status.status_list;
    await setStatus("pro_acquisition", "suspended");
    expect((await verifyOnServer(badge.assertion, userId("pro_acquisition"))).json.reason).toBe("revoked");
    expect(statusAt(await statusList(uri), idx)).toBe(1);
    await setStatus("pro_acquisition", "active");
    expect((await verifyOnServer(badge.assertion, userId("pro_acquisition"))).json.valid).toBe(true);
    expect(statusAt(await statusList(uri), idx)).toBe(0);
    const fresh = (await t.call("GET", "/v1/badges/pro_acquisition")).json;
    expect(decodePart(fresh.assertion, 1).status.status_list.idx).toBe(idx);
  });

  test("status positions are stored: a new app on the same database keeps them", async () => {
    const before = decodePart((await t.call("GET", "/v1/badges/editors_picks")).json.assertion, 1).status.status_list.idx;
    const again = createApp(t.deps);
    const body = (await (await again.request("/v1/badges/editors_picks")).json()) as { assertion: string };
    expect(decodePart(body.assertion, 1).status.status_list.idx).toBe(before);
  });

  test("server-side verify refuses forgeries for the same reasons as the client", async () => {
    const badge = (await t.call("GET", "/v1/badges/editors_picks")).json;
    expect((await verifyOnServer(badge.assertion, userId("Fiverr_365"))).json).toEqual({ valid: false, reason: "wrong_sender" });
    const [h, p] = badge.assertion.split(".");
    expect((await verifyOnServer(`${h}.${p}.AAAA`, userId("editors_picks"))).json).toEqual({ valid: false, reason: "bad_signature" });
    expect((await t.call("POST", "/v1/badges/verify", { body: { assertion: badge.assertion } })).status).toBe(400);
  });

  test("an unknown status list is a 404 problem", async () => {
    const res = await t.call("GET", "/v1/status-lists/999");
    expect(res.status).toBe(404);
    expect(res.json.type).toBe("https://teammark.dev/problems/not-found");
  });
});
