// The shared authentication matrix. Every protected operation in /openapi.json
// (security: [{ bearer: [role] }]) must refuse: no token, a malformed header,
// an expired token, a token from another issuer, a token for another audience,
// an unsigned `alg: none` token, an HS256 token, and (403) a token whose role is
// below the one required. New protected routes are covered automatically.
import { SignJWT, generateKeyPair, UnsecuredJWT } from "jose";
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
  };
}

export function roleBelow(role: Role): Role | undefined {
  return BELOW[role];
}
