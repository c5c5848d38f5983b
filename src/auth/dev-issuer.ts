// Local development issuer: when no remote JWKS is configured, the Node server
// keeps an Ed25519 key in its data dir (mode 0600) and accepts tokens signed by
// it; `teammark token` signs with the same key. Never used on Workers.
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import path from "node:path";
import { SignJWT, exportJWK, generateKeyPair, importJWK, calculateJwkThumbprint, createLocalJWKSet, type JWK } from "jose";
import type { Role } from "./roles.ts";

export const DEV_ISSUER_FILE = "moderator-issuer.jwk.json";

export type DevIssuer = {
  kid: string;
  publicJwk: JWK;
  keys: ReturnType<typeof createLocalJWKSet>;
  mint(opts: { sub: string; roles: Role[]; issuer: string; audience: string; ttlSeconds: number; now?: Date }): Promise<string>;
};

export async function loadOrCreateDevIssuer(dataDir: string): Promise<DevIssuer> {
  const file = path.join(dataDir, DEV_ISSUER_FILE);
  let privateJwk: JWK;
  if (existsSync(file)) {
    privateJwk = JSON.parse(readFileSync(file, "utf8")) as JWK;
  } else {
    const { privateKey } = await generateKeyPair("EdDSA", { extractable: true });
    privateJwk = await exportJWK(privateKey);
    privateJwk.kid = await calculateJwkThumbprint(privateJwk);
    privateJwk.alg = "EdDSA";
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(privateJwk, null, 2) + "\n", { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  const { d: _secret, ...publicJwk } = privateJwk;
  const kid = privateJwk.kid ?? (await calculateJwkThumbprint(publicJwk));
  const signingKey = await importJWK(privateJwk, "EdDSA");
  return {
    kid,
    publicJwk: { ...publicJwk, kid, use: "sig", alg: "EdDSA" },
    keys: createLocalJWKSet({ keys: [{ ...publicJwk, kid, use: "sig", alg: "EdDSA" }] }),
    mint: ({ sub, roles, issuer, audience, ttlSeconds, now = new Date() }) => {
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT({ roles })
        .setProtectedHeader({ alg: "EdDSA", kid, typ: "JWT" })
        .setSubject(sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(signingKey);
    },
  };
}
