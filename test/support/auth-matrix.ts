// The shared authentication matrix. Every protected operation in /openapi.json
// (security: [{ bearer: [role] }]) must refuse: no token, a malformed header,
// an expired token, a token from another issuer, a token for another audience,
// an unsigned `alg: none` token, an HS256 token, and (403) a token whose role is
// below the one required. New protected routes are covered automatically.
// JWT header and claim attacks (crit, kid injection, embedded jwk, jku, expiry
// just past the tolerance, nbf, malformed roles, no sub) are signed with the
// server's own key, so each is refused for exactly the reason it names;
// test/reliability/auth-edges.test.ts checks that the same key path succeeds.
import { readFileSync } from "node:fs";
import path from "node:path";
import { SignJWT, exportJWK, generateKeyPair, importJWK, UnsecuredJWT, type JWK } from "jose";
import { DEV_ISSUER_FILE } from "../../src/auth/dev-issuer.ts";
import type { TestApp } from "./test-app.ts";
import type { Role } from "../../src/auth/roles.ts";

export type ProtectedOperation = { method: string; path: string; role: Role };

export async function protectedOperations(t: TestApp): Promise<ProtectedOperation[]> {
  const doc = (await t.call("GET", "/openapi.json")).json as { paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>> };
  const ops: ProtectedOperation[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const role = op.security?.[0]?.bearer?.[0];
      if (role) ops.push({ method: method.toUpperCase(), path: p.replace(/\{[^}]+\}/g, "Fiverr-Care"), role: role as Role });
    }
  }
  return ops;
}

const BELOW: Record<Role, Role | undefined> = { viewer: "messaging", moderator: "viewer", admin: "moderator", messaging: "viewer" };

export async function badTokens(t: TestApp): Promise<Record<string, string>> {
  const { config } = t.deps;
  const now = Math.floor(t.clock.now().getTime() / 1000);
  const other = await generateKeyPair("EdDSA");
  const sign = (claims: Record<string, unknown>, key = other.privateKey, alg = "EdDSA") =>
    new SignJWT({ roles: ["admin"], ...claims }).setProtectedHeader({ alg }).setSubject("mallory").setIssuedAt(now).sign(key);
  return {
    expired: await t.issuer.mint({ sub: "old", roles: ["admin"], issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 60, now: new Date((now - 3600) * 1000) }),
    "other issuer's key": await sign({ iss: config.auth.issuer, aud: config.auth.audience, exp: now + 600 }),
    "wrong audience": await t.issuer.mint({ sub: "x", roles: ["admin"], issuer: config.auth.issuer, audience: "someone-else", ttlSeconds: 600, now: new Date(now * 1000) }),
    "wrong issuer": await t.issuer.mint({ sub: "x", roles: ["admin"], issuer: "https://evil.example", audience: config.auth.audience, ttlSeconds: 600, now: new Date(now * 1000) }),
    "alg none": new UnsecuredJWT({ roles: ["admin"] }).setSubject("mallory").setIssuer(config.auth.issuer).setAudience(config.auth.audience).setExpirationTime(now + 600).encode(),
    "HS256 with the public key as secret": await new SignJWT({ roles: ["admin"] })
      .setProtectedHeader({ alg: "HS256", kid: t.issuer.kid })
      .setSubject("mallory")
      .setIssuer(config.auth.issuer)
      .setAudience(config.auth.audience)
      .setExpirationTime(now + 600)
      .sign(new TextEncoder().encode(JSON.stringify(t.issuer.publicJwk))),
    "no roles claim": await new SignJWT({})
      .setProtectedHeader({ alg: "EdDSA", kid: t.issuer.kid })
      .setSubject("x")
      .setExpirationTime(now + 600)
      .sign(other.privateKey),
    ...(await attacksWithTheRealKey(t, now)),
    "embedded jwk header (attacker's own key)": await new SignJWT({ roles: ["admin"] })
      .setProtectedHeader({ alg: "EdDSA", jwk: await exportJWK(other.publicKey) })
      .setSubject("mallory")
      .setIssuer(config.auth.issuer)
      .setAudience(config.auth.audience)
      .setExpirationTime(now + 600)
      .sign(other.privateKey),
    "jku header pointing at the attacker's key set": await new SignJWT({ roles: ["admin"] })
      .setProtectedHeader({ alg: "EdDSA", kid: t.issuer.kid, jku: "https://evil.example/jwks.json" })
      .setSubject("mallory")
      .setIssuer(config.auth.issuer)
      .setAudience(config.auth.audience)
      .setExpirationTime(now + 600)
      .sign(other.privateKey),
  };
}

/**
 * Tokens signed with the server's own key, each wrong in exactly one way, so
 * only that check stands between them and admin access.
 */
async function attacksWithTheRealKey(t: TestApp, now: number): Promise<Record<string, string>> {
  const token = (claims: Record<string, unknown>, header: Record<string, unknown> = {}) => serverKeyToken(t, { now, claims, header });
  return {
    // RFC 7515 §4.1.11: a critical header the verifier does not understand must be refused.
    "crit header naming an unknown extension": await token({}, { crit: ["x-teammark-unknown"], "x-teammark-unknown": true }),
    "kid injection (path traversal)": await token({}, { kid: "../../../../dev/null" }),
    "kid injection (SQL)": await token({}, { kid: "' OR '1'='1" }),
    "expired just beyond the clock tolerance": await token({ iat: now - 700, exp: now - 31 }),
    "not valid before a future time": await token({ nbf: now + 120 }),
    "roles claim as a string": await token({ roles: "admin" }),
    "unknown role only": await token({ roles: ["superuser"] }),
    "no subject": await token({ sub: undefined }),
  };
}

/**
 * An admin token signed with the server's own dev-issuer key (read from its
 * data dir), with `claims` and `header` overriding the valid defaults.
 */
export async function serverKeyToken(t: TestApp, opts: { now?: number; claims?: Record<string, unknown>; header?: Record<string, unknown> } = {}): Promise<string> {
  const { config } = t.deps;
  const now = opts.now ?? Math.floor(t.clock.now().getTime() / 1000);
  const jwk = JSON.parse(readFileSync(path.join(t.dir, DEV_ISSUER_FILE), "utf8")) as JWK;
  const key = (await importJWK(jwk, "EdDSA")) as CryptoKey;
  const payload = { roles: ["admin"], sub: "mallory", iss: config.auth.issuer, aud: config.auth.audience, iat: now, exp: now + 600, ...opts.claims };
  return signRaw({ alg: "EdDSA", kid: t.issuer.kid, ...opts.header }, JSON.parse(JSON.stringify(payload)) as Record<string, unknown>, key);
}

/** A compact JWS built by hand: jose refuses to sign headers it would refuse to verify. */
async function signRaw(header: Record<string, unknown>, payload: Record<string, unknown>, key: CryptoKey): Promise<string> {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
  const input = `${b64(new TextEncoder().encode(JSON.stringify(header)))}.${b64(new TextEncoder().encode(JSON.stringify(payload)))}`;
  const signature = new Uint8Array(await crypto.subtle.sign("Ed25519", key, new TextEncoder().encode(input)));
  return `${input}.${b64(signature)}`;
}

export function roleBelow(role: Role): Role | undefined {
  return BELOW[role];
}
