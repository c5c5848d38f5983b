// Verifies moderator/service bearer tokens with jose: signature against the
// configured key set (remote JWKS or the local dev issuer's key), issuer,
// audience, expiry, and a well-formed roles claim. Only asymmetric algorithms
// are accepted, so a token "signed" with `alg: none` or HMAC never verifies.
import { decodeProtectedHeader, jwtVerify, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import { ROLES, type Actor } from "./roles.ts";
import type { Clock } from "../platform/clock.ts";

export const ACCEPTED_ALGORITHMS = ["EdDSA", "ES256", "RS256", "PS256"];

const ClaimsSchema = z.object({
  sub: z.string().min(1).max(200),
  roles: z.array(z.enum(ROLES)).min(1),
});

export type TokenVerifier = (token: string) => Promise<Actor>;

export class TokenRejected extends Error {
  override name = "TokenRejected";
}

export function createTokenVerifier(opts: { keys: JWTVerifyGetKey; issuer: string; audience: string; clock: Clock }): TokenVerifier {
  return async (token) => {
    let payload: unknown;
    try {
      // Header checks first, synchronously: jose rejects a malformed header or
      // a refused alg from a promise it hands back without a handler for a
      // few ticks, which workerd reports as an unhandled rejection.
      const { alg } = decodeProtectedHeader(token);
      if (!alg || !ACCEPTED_ALGORITHMS.includes(alg)) throw new TokenRejected(`alg ${String(alg)} is not accepted`);
      ({ payload } = await jwtVerify(token, opts.keys, {
        issuer: opts.issuer,
        audience: opts.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        currentDate: opts.clock.now(),
        clockTolerance: 30,
        requiredClaims: ["exp", "sub"],
      }));
    } catch (err) {
      throw new TokenRejected(err instanceof Error ? err.message : "invalid token");
    }
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) throw new TokenRejected("token has no valid sub/roles claims");
    return { sub: claims.data.sub, roles: claims.data.roles };
  };
}
