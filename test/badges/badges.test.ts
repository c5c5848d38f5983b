import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { decodePart, serverBadgeKey, signRaw, verifierFor } from "./support.ts";
import seed from "../../src/data/official-registry.json" with { type: "json" };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const care = seed.accounts.find((a) => a.handle === "Fiverr-Care")!;

describe("badge round trip", () => {
  test("an official sender gets an assertion the client verifies for its platform user id", async () => {
    const res = await t.call("GET", "/v1/badges/fiverr-care");
    expect(res.status).toBe(200);
    expect(res.json.official).toBe(true);
    expect(res.json.account.handle).toBe("Fiverr-Care");
    expect(res.json.account.platformUserId).toBe(care.platformUserId);
    const header = decodePart(res.json.assertion, 0);
    expect(header).toMatchObject({ typ: "team-badge+jwt", alg: "EdDSA" });
    const { verifier } = verifierFor(t);
    const r = await verifier.verify(res.json.assertion, care.platformUserId);
    expect(r.valid).toBe(true);
    if (!r.valid) return;
    expect(r.claims.sub).toBe(care.platformUserId);
    expect(r.claims.handle).toBe("Fiverr-Care");
    expect(r.claims.team).toBe(care.team);
    expect(r.claims.label).toEqual(seed.platform.badgeLabel);
    expect(r.claims.purpose).toEqual(care.purpose);
    expect(r.claims.iss).toBe(t.deps.config.publicUrl);
    expect(r.claims.aud).toBe("teammark-badge");
    expect(r.claims.exp - r.claims.iat).toBe(600);
    expect(r.claims.nbf).toBe(r.claims.iat);
    expect(r.claims.status.status_list.uri).toMatch(/\/v1\/status-lists\/\d+$/);
    expect(new Date(res.json.expiresAt).getTime() / 1000).toBe(r.claims.exp);
    // Reusable by a browser or CDN, but for much less than the assertion lives.
    const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get("cache-control") ?? "")?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThan(r.claims.exp - r.claims.iat);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  test("the same badge is found by platform user id", async () => {
    const res = await t.call("GET", `/v1/badges/${care.platformUserId}`);
    expect(res.json.official).toBe(true);
    expect(res.json.account.handle).toBe("Fiverr-Care");
  });

  test("a lookalike sender gets no badge and is told whom it resembles", async () => {
    const res = await t.call("GET", `/v1/badges/${encodeURIComponent("Fivеrr-Care")}`);
    expect(res.status).toBe(200);
    expect(res.json.official).toBe(false);
    expect(res.json.assertion).toBeUndefined();
    expect(res.json.resembles).toMatchObject({ target: "Fiverr-Care", verdict: "lookalike" });
    expect(res.json.resembles.reasons.length).toBeGreaterThan(0);
    const plain = await t.call("GET", "/v1/badges/anna_designs_42");
    expect(plain.json).toEqual({ official: false });
  });

  test("the JWKS has public members only, short caching and cross-origin headers", async () => {
    const res = await t.call("GET", "/.well-known/jwks.json");
    expect(res.status).toBe(200);
    const key = await serverBadgeKey(t);
    expect(res.json.keys).toEqual([{ ...key.publicJwk }]);
    for (const k of res.json.keys) {
      expect(k).not.toHaveProperty("d");
      expect(k).toMatchObject({ use: "sig", alg: "EdDSA", kid: key.kid });
    }
    expect(res.headers.get("cache-control")).toMatch(/max-age=(\d{1,3})\b/);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    // Elsewhere the same-origin default stays.
    expect((await t.call("GET", "/v1/accounts")).headers.get("cross-origin-resource-policy")).toBe("same-origin");
  });
});

describe("cross-origin use", () => {
  test("a browser on another origin may POST a batch (preflight allows it); the messaging-only route gets no CORS", async () => {
    const preflight = (path: string) =>
      t.app.request(path, { method: "OPTIONS", headers: { origin: "https://inbox.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
    const batch = await preflight("/v1/badges/batch");
    expect(batch.status).toBe(204);
    expect(batch.headers.get("access-control-allow-origin")).toBe("*");
    expect(batch.headers.get("access-control-allow-methods")).toContain("POST");
    expect(batch.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    const attest = await preflight("/v1/attestations");
    expect(attest.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("batch lookups", () => {
  test("200 senders answered each on its own, in order, duplicates included", async () => {
    const senders = Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? "Fiverr-Care" : i % 10 === 1 ? "Fiverr_Support" : i % 10 === 2 ? care.platformUserId : `seller_${i}`));
    const res = await t.call("POST", "/v1/badges/batch", { body: { senders } });
    expect(res.status).toBe(200);
    expect(res.json.items).toHaveLength(200);
    const { verifier } = verifierFor(t);
    for (const [i, item] of res.json.items.entries()) {
      expect(item.sender).toBe(senders[i]);
      if (i % 10 === 0 || i % 10 === 2) {
        expect(item.official).toBe(true);
        expect((await verifier.verify(item.assertion, care.platformUserId)).valid).toBe(true);
      } else expect(item.official).toBe(false);
    }
    expect(res.json.items[1].resembles?.verdict).toBe("brand_impersonation");
  });

  test("each batch entry is the answer the single lookup gives, however the sender is named", async () => {
    const accountId = (await t.call("GET", "/v1/accounts/editors_picks")).json.id as string;
    const senders = ["fiverr-care", accountId, care.platformUserId, "Fivеrr_Care", "FiverrSupport", "nobody_in_particular", "EDITORS_PICKS"];
    const batch = (await t.call("POST", "/v1/badges/batch", { body: { senders } })).json.items;
    for (const [i, sender] of senders.entries()) {
      const single = (await t.call("GET", `/v1/badges/${encodeURIComponent(sender)}`)).json;
      const { sender: asked, ...entry } = batch[i];
      expect(asked).toBe(sender);
      expect(entry.official, sender).toBe(single.official);
      expect(entry.account?.id, sender).toBe(single.account?.id);
      expect(entry.resembles, sender).toEqual(single.resembles);
    }
    expect(batch.map((e: { official: boolean }) => e.official)).toEqual([true, true, true, false, false, false, true]);
  });

  test("more than 200 senders, none, or non-strings are refused", async () => {
    expect((await t.call("POST", "/v1/badges/batch", { body: { senders: Array.from({ length: 201 }, (_, i) => `u${i}`) } })).status).toBe(400);
    expect((await t.call("POST", "/v1/badges/batch", { body: { senders: [] } })).status).toBe(400);
    expect((await t.call("POST", "/v1/badges/batch", { body: { senders: [42] } })).status).toBe(400);
  });
});

describe("the client refuses what is not a valid badge for this sender", () => {
  async function base() {
    const res = await t.call("GET", "/v1/badges/Fiverr-Care");
    return { assertion: res.json.assertion as string, header: decodePart(res.json.assertion, 0), payload: decodePart(res.json.assertion, 1) };
  }
  const reject = async (token: string, reason: string, sender = care.platformUserId) => {
    const { verifier } = verifierFor(t);
    expect(await verifier.verify(token, sender)).toEqual({ valid: false, reason });
  };

  test("alg none and HS256 with the public key as secret", async () => {
    const { header, payload } = await base();
    const none = `${Buffer.from(JSON.stringify({ ...header, alg: "none" })).toString("base64url")}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.`;
    await reject(none, "wrong_alg");
    const { publicJwk } = await serverBadgeKey(t);
    await reject(await signRaw({ ...header, alg: "HS256" }, payload, new TextEncoder().encode(JSON.stringify(publicJwk))), "wrong_alg");
  });

  test("wrong typ, expired, not yet valid, wrong aud, wrong iss (each signed with the real key)", async () => {
    const { header, payload } = await base();
    const { key } = await serverBadgeKey(t);
    const now = Math.floor(t.clock.now().getTime() / 1000);
    await reject(await signRaw({ ...header, typ: "JWT" }, payload, key), "wrong_typ");
    await reject(await signRaw(header, { ...payload, iat: now - 1200, nbf: now - 1200, exp: now - 61 }, key), "expired");
    await reject(await signRaw(header, { ...payload, nbf: now + 120, exp: now + 600 }, key), "not_yet_valid");
    await reject(await signRaw(header, { ...payload, aud: "someone-else" }, key), "wrong_audience");
    await reject(await signRaw(header, { ...payload, iss: "https://evil.example" }, key), "wrong_issuer");
    // The same hand-built token with nothing changed verifies, so each refusal above is for its one change.
    expect((await verifierFor(t).verifier.verify(await signRaw(header, payload, key), care.platformUserId)).valid).toBe(true);
  });

  test("tampered payload, unknown kid, garbage", async () => {
    const { assertion, header, payload } = await base();
    const [h, , s] = assertion.split(".");
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: "666", handle: "mallory" })).toString("base64url");
    await reject(`${h}.${forged}.${s}`, "bad_signature", "666");
    const { key } = await serverBadgeKey(t);
    await reject(await signRaw({ ...header, kid: "not-a-published-kid" }, payload, key), "unknown_kid");
    await reject("not a jwt", "malformed");
    await reject(`${h}.${s}`, "malformed");
  });

  test("A's badge presented for B", async () => {
    const { assertion } = await base();
    await reject(assertion, "wrong_sender", seed.accounts.find((a) => a.handle !== "Fiverr-Care")!.platformUserId);
    await reject(assertion, "wrong_sender", "Fiverr-Care");
  });
});
