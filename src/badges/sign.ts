// Signs badge assertions and message attestations with the active key.
import { SignJWT } from "jose";
import { ATTESTATION_TYP, BADGE_TYP, type AttestationClaims, type BadgeClaims } from "./client.ts";
import type { SigningKey } from "./key-store.ts";

type Payload<C> = Omit<C, "iss" | "sub" | "aud" | "iat" | "nbf" | "exp" | "jti">;
export type Envelope = { iss: string; sub: string; aud: string; iat: number; ttlSeconds: number; jti: string };

function sign(key: SigningKey, typ: string, env: Envelope, payload: Record<string, unknown>): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ })
    .setIssuer(env.iss)
    .setSubject(env.sub)
    .setAudience(env.aud)
    .setIssuedAt(env.iat)
    .setNotBefore(env.iat)
    .setExpirationTime(env.iat + env.ttlSeconds)
    .setJti(env.jti)
    .sign(key.key);
}

export function signBadge(key: SigningKey, env: Envelope, claims: Payload<BadgeClaims>): Promise<string> {
  return sign(key, BADGE_TYP, env, claims);
}

export function signAttestation(key: SigningKey, env: Envelope, claims: Payload<AttestationClaims>): Promise<string> {
  return sign(key, ATTESTATION_TYP, env, claims);
}
