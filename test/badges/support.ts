// Helpers for the badge tests: a verification client wired to the test app
// (its fetch goes to app.request, its clock is the app's), and tokens signed
// with the server's own badge key so each forged token is wrong in one way only.
import { base64url, importJWK, type JWK } from "jose";
import { createBadgeVerifier, type BadgeVerifierOptions } from "../../src/badges/client.ts";
import { badgeKeyFile, readKeyFile } from "../../src/badges/node-key-file.ts";
import type { TestApp } from "../support/test-app.ts";

export function verifierFor(t: TestApp, opts: Partial<BadgeVerifierOptions> = {}) {
  const { config } = t.deps;
  let fetches = 0;
  const verifier = createBadgeVerifier({
    jwksUrl: `${config.publicUrl}/.well-known/jwks.json`,
    issuer: config.publicUrl,
    audience: config.badges.audience,
    fetch: (async (url: string | URL | Request, init?: RequestInit) => {
      fetches++;
      const u = new URL(url instanceof Request ? url.url : url);
      const { signal: _s, ...rest } = init ?? {};
      return t.app.request(u.pathname + u.search, rest);
    }) as typeof fetch,
    now: () => t.clock.now(),
    ...opts,
  });
  return { verifier, fetches: () => fetches };
}

/** The server's active badge signing key, read from its data dir. */
export async function serverBadgeKey(t: TestApp) {
  const [key] = await readKeyFile(badgeKeyFile(t.dir));
  return { kid: key!.kid, alg: key!.alg, publicJwk: key!.publicJwk, key: (await importJWK(key!.privateJwk as JWK, key!.alg)) as CryptoKey };
}

/** A compact JWS built by hand (jose refuses to produce some of the broken tokens we need). */
export async function signRaw(header: Record<string, unknown>, payload: Record<string, unknown>, key: CryptoKey | Uint8Array): Promise<string> {
  const enc = (o: unknown) => base64url.encode(new TextEncoder().encode(JSON.stringify(o)));
  const input = `${enc(header)}.${enc(payload)}`;
  const data = new TextEncoder().encode(input);
  let sig: ArrayBuffer;
  if (key instanceof Uint8Array) {
    const hmac = await crypto.subtle.importKey("raw", key as BufferSource, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    sig = await crypto.subtle.sign("HMAC", hmac, data);
  } else {
    sig = await crypto.subtle.sign(key.algorithm.name === "ECDSA" ? { name: "ECDSA", hash: "SHA-256" } : "Ed25519", key, data);
  }
  return `${input}.${base64url.encode(new Uint8Array(sig))}`;
}

export function decodePart(token: string, part: 0 | 1): Record<string, any> {
  return JSON.parse(new TextDecoder().decode(base64url.decode(token.split(".")[part]!)));
}
