/// <reference types="@cloudflare/vitest-plugin/types" />
// The Worker itself (src/worker.ts, as wrangler bundles it) inside workerd,
// against a real libSQL server: seeded reads, the API description, a
// moderator write with its audit event (authenticated through a JWKS URL),
// badges signed with the BADGE_SIGNING_KEYS binding, and the rate-limit binding.
import { SELF } from "cloudflare:test";
import { inject, expect, test } from "vitest";
import { SignJWT, generateKeyPair } from "jose";
import { createBadgeVerifier } from "../../src/badges/client.ts";

const BASE = "https://teammark.test";
const moderator = { authorization: `Bearer ${inject("moderatorToken")}` };

test("seeded registry reads come from the libSQL server", async () => {
  const res = await SELF.fetch(`${BASE}/v1/accounts?limit=200`);
  expect(res.status).toBe(200);
  const page = (await res.json()) as { items: { handle: string }[] };
  expect(page.items.map((a) => a.handle)).toContain("Fiverr-Care");
  const one = await SELF.fetch(`${BASE}/v1/accounts/fiverr-care`);
  expect(one.status).toBe(200);
  expect(one.headers.get("etag")).toBeTruthy();
  expect(((await one.json()) as { handle: string }).handle).toBe("Fiverr-Care");
  const check = (await (await SELF.fetch(`${BASE}/v1/check?value=${encodeURIComponent("Fivеrr-Care")}`)).json()) as { verdict: string; target: string };
  expect(check).toMatchObject({ verdict: "lookalike", target: "Fiverr-Care" });
});

test("/openapi.json describes the API", async () => {
  const res = await SELF.fetch(`${BASE}/openapi.json`);
  expect(res.status).toBe(200);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/v1/accounts", "/v1/accounts/{handle}", "/v1/check"]));
});

test("validation errors carry zod's (English) messages in the bundled Worker", async () => {
  const res = await SELF.fetch(`${BASE}/v1/accounts?limit=0`);
  expect(res.status).toBe(400);
  const problem = (await res.json()) as { type: string; errors: { path: string; message: string }[] };
  expect(problem.type).toBe("https://teammark.dev/problems/validation-failed");
  expect(problem.errors[0]).toMatchObject({ path: "limit" });
  expect(problem.errors[0]!.message).toMatch(/too small|>=|at least/i);
});

test("a moderator write is stored with its audit event; a bad token is refused", async () => {
  const current = await SELF.fetch(`${BASE}/v1/accounts/Fiverr-Social`);
  const etag = current.headers.get("etag")!;
  const res = await SELF.fetch(`${BASE}/v1/accounts/Fiverr-Social`, {
    method: "PATCH",
    headers: { ...moderator, "content-type": "application/json", "if-match": etag },
    body: JSON.stringify({ team: "Social EMEA", reason: "written from workerd" }),
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { team: string }).team).toBe("Social EMEA");
  expect(((await (await SELF.fetch(`${BASE}/v1/accounts/Fiverr-Social`)).json()) as { team: string }).team).toBe("Social EMEA");

  const audit = (await (await SELF.fetch(`${BASE}/v1/audit?limit=1`, { headers: moderator })).json()) as { items: { actor: string; action: string; reason: string }[] };
  expect(audit.items[0]).toMatchObject({ actor: "workerd-moderator", action: "account.update", reason: "written from workerd" });
  expect(await (await SELF.fetch(`${BASE}/v1/audit/verify`, { headers: moderator })).json()).toMatchObject({ intact: true });

  // Same claims, signed by a key that is not in the JWKS.
  const { privateKey } = await generateKeyPair("EdDSA");
  const forgedToken = await new SignJWT({ roles: ["moderator"] })
    .setProtectedHeader({ alg: "EdDSA" })
    .setSubject("mallory")
    .setIssuer(inject("authIssuer"))
    .setAudience(inject("authAudience"))
    .setExpirationTime("5m")
    .sign(privateKey);
  const forged = await SELF.fetch(`${BASE}/v1/accounts/Fiverr-Social`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${forgedToken}`, "content-type": "application/json", "if-match": "*" },
    body: JSON.stringify({ team: "Forged", reason: "no" }),
  });
  expect(forged.status).toBe(401);
  expect(forged.headers.get("content-type")).toContain("application/problem+json");
});

test("failed moderator authentications are limited per client by the Workers rate-limit binding", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const res = await SELF.fetch(`${BASE}/v1/audit`, { headers: { authorization: "Bearer x.y.z", "cf-connecting-ip": "203.0.113.7" } });
    statuses.push(res.status);
  }
  // wrangler.toml: AUTH_FAILURE_RATE_LIMITER allows 10 per 60 s.
  expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
  expect(statuses[10]).toBe(429);
  const other = await SELF.fetch(`${BASE}/v1/audit`, { headers: { "cf-connecting-ip": "203.0.113.8" } });
  expect(other.status).toBe(401);
});

test("badges: issued with the key set from the BADGE_SIGNING_KEYS binding, verified by the client library and by the server", async () => {
  const res = await SELF.fetch(`${BASE}/v1/badges/Fiverr-Care`);
  expect(res.status).toBe(200);
  const badge = (await res.json()) as { official: boolean; assertion: string; account: { platformUserId: string } };
  expect(badge.official).toBe(true);

  const jwks = (await (await SELF.fetch(`${BASE}/.well-known/jwks.json`)).json()) as { keys: { kid: string; d?: string }[] };
  const secretKids = (JSON.parse(inject("badgeSigningKeys")) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
  expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining(secretKids));
  expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);

  // The browser-side verifier (src/badges/client.ts), fetching the JWKS from the Worker itself.
  // Passed through unchanged: the client's own fetch options must be ones workerd accepts.
  const viaWorker = (input: RequestInfo | URL, init?: RequestInit) => SELF.fetch(input as string, init);
  const verifier = createBadgeVerifier({ jwksUrl: `${BASE}/.well-known/jwks.json`, issuer: BASE, audience: "teammark-badge", fetch: viaWorker as typeof fetch });
  expect(await verifier.verify(badge.assertion, badge.account.platformUserId)).toMatchObject({ valid: true });
  expect(await verifier.verify(badge.assertion, "someone-else")).toMatchObject({ valid: false, reason: "wrong_sender" });

  const onServer = await SELF.fetch(`${BASE}/v1/badges/verify`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ assertion: badge.assertion, senderId: badge.account.platformUserId }),
  });
  expect(await onServer.json()).toMatchObject({ valid: true });

  const impostor = (await (await SELF.fetch(`${BASE}/v1/badges/${encodeURIComponent("Fiverr_Care")}`)).json()) as { official: boolean; resembles?: { target: string } };
  expect(impostor).toMatchObject({ official: false, resembles: { target: "Fiverr-Care" } });
});

// Last in the file: it takes the database away (and brings it back) for everything running in this isolate.
test("database outage in workerd: cached registry and badge answers served stale, the rest 503 with Retry-After, recovery after restart", async () => {
  const control = inject("sqldControlUrl");
  const settle = () => new Promise((r) => setTimeout(r, 3 * 100)); // > REGISTRY_CACHE_CHECK_MS (vitest.workers.config.ts)
  const cached = ["/v1/accounts/Fiverr-Care", "/v1/badges/Fiverr-Care", "/v1/check?value=Fiverr_Care"];
  const before = new Map<string, unknown>();
  for (const url of cached) {
    const res = await SELF.fetch(`${BASE}${url}`);
    expect(res.headers.get("x-teammark-stale"), url).toBeNull();
    before.set(url, await res.json());
  }

  expect((await fetch(`${control}/stop`, { method: "POST" })).status).toBe(204);
  try {
    await settle();
    for (const url of cached) {
      const res = await SELF.fetch(`${BASE}${url}`);
      expect(res.status, url).toBe(200);
      expect(res.headers.get("x-teammark-stale"), url).toBe("1");
      expect(await res.json(), url).toEqual(before.get(url));
    }
    const uncached = await SELF.fetch(`${BASE}/v1/accounts/Fiverr-Updates`);
    expect(uncached.status).toBe(503);
    expect(uncached.headers.get("retry-after")).toBeTruthy();
    expect(((await uncached.json()) as { type: string }).type).toBe("https://teammark.dev/problems/unavailable");
    const write = await SELF.fetch(`${BASE}/v1/accounts/Fiverr-Care`, {
      method: "PATCH",
      headers: { ...moderator, "content-type": "application/json", "if-match": "*" },
      body: JSON.stringify({ team: "During the outage", reason: "should be refused" }),
    });
    expect(write.status).toBe(503);
    expect(write.headers.get("retry-after")).toBeTruthy();
  } finally {
    expect((await fetch(`${control}/start`, { method: "POST" })).status).toBe(204);
  }
  await settle();
  const back = await SELF.fetch(`${BASE}/v1/accounts/Fiverr-Updates`);
  expect(back.status).toBe(200);
  expect(back.headers.get("x-teammark-stale")).toBeNull();
  expect(((await (await SELF.fetch(`${BASE}/v1/accounts/Fiverr-Care`)).json()) as { team: string }).team).not.toBe("During the outage");
});
