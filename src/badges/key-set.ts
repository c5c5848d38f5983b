// The badge signing key set: private JWKs, each with the time from which it
// signs. One JSON format, {"keys":[…]}, for the Node key file in DATA_DIR and
// the Workers secret BADGE_SIGNING_KEYS.
//
// Rotation rule (all derived from the times, no state machine to get stuck):
// - a key is published in the JWKS as soon as it is in the set ("next" until it
//   activates), and a new key activates no earlier than the publish delay, which
//   is at least the JWKS max-age, so every cached copy of the JWKS that a
//   verifier may hold knows the key before the first badge it signs;
// - the signing key is the newest key whose activates_at has passed;
// - an older key is "retiring" once a newer key signs, and stays published for
//   the longest lifetime of anything it signed (plus clock tolerance), then
//   drops out of the JWKS ("expired") and may be pruned from the set.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";
import { z } from "zod";
import { BADGE_ALGORITHMS, type BadgeAlgorithm } from "./client.ts";

/** Cache-Control max-age of the JWKS; the publish delay of a new key may not be shorter. */
export const JWKS_MAX_AGE_SECONDS = 300;
/** Clock tolerance verifiers are allowed (the client caps it here too). */
export const VERIFIER_CLOCK_TOLERANCE_SECONDS = 60;

const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/).max(200);

const StoredKeySchema = z
  .object({
    kty: z.enum(["OKP", "EC"]),
    crv: z.enum(["Ed25519", "P-256"]),
    x: b64url,
    y: b64url.optional(),
    d: b64url,
    /** Optional in the input: Ed25519 keys sign EdDSA, P-256 keys ES256. */
    alg: z.enum(BADGE_ALGORITHMS).optional(),
    kid: z.string().max(100).optional(),
    use: z.literal("sig").optional(),
    /** Unix seconds from which the key signs (a teammark member, never published); absent means from the start. */
    activates_at: z.number().int().nonnegative().optional(),
    /** Unix seconds when the key was added (informational). */
    created_at: z.number().int().nonnegative().optional(),
  })
  .transform((k) => ({ ...k, alg: k.alg ?? (k.crv === "Ed25519" ? ("EdDSA" as const) : ("ES256" as const)) }))
  .refine((k) => (k.alg === "EdDSA" ? k.kty === "OKP" && k.crv === "Ed25519" && !k.y : k.kty === "EC" && k.crv === "P-256" && !!k.y), "alg EdDSA needs an OKP Ed25519 key, ES256 an EC P-256 key");

export const KeySetFileSchema = z.object({ keys: z.array(StoredKeySchema).min(1).max(20) });
export type StoredKey = z.output<typeof StoredKeySchema>;
export type KeySetFile = z.infer<typeof KeySetFileSchema>;

export type PublicJwk = { kty: string; crv: string; x: string; y?: string; kid: string; alg: BadgeAlgorithm; use: "sig" };

export type BadgeKey = {
  kid: string;
  alg: BadgeAlgorithm;
  activatesAt: number;
  /** Private JWK with only the members Web Crypto needs. */
  privateJwk: JWK;
  publicJwk: PublicJwk;
};

export type KeyPhase = "next" | "active" | "retiring" | "expired";
export type PhasedKey = BadgeKey & { phase: KeyPhase; /** Unix seconds after which it leaves the JWKS (retiring keys). */ publishedUntil?: number };

export class KeySetError extends Error {
  override name = "KeySetError";
}

/** Parses and checks a key set; every kid must be the RFC 7638 thumbprint of its public key. */
export async function parseKeySet(json: unknown): Promise<BadgeKey[]> {
  const parsed = KeySetFileSchema.safeParse(json);
  if (!parsed.success) throw new KeySetError(`invalid badge key set: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const keys: BadgeKey[] = [];
  for (const k of parsed.data.keys) {
    const pub = { kty: k.kty, crv: k.crv, x: k.x, ...(k.y ? { y: k.y } : {}) };
    const kid = await calculateJwkThumbprint(pub);
    if (k.kid !== undefined && k.kid !== kid) throw new KeySetError(`badge key kid '${k.kid}' is not the RFC 7638 thumbprint of its key (${kid})`);
    if (keys.some((o) => o.kid === kid)) throw new KeySetError(`badge key ${kid} appears twice`);
    keys.push({ kid, alg: k.alg, activatesAt: k.activates_at ?? 0, privateJwk: { ...pub, d: k.d }, publicJwk: { ...pub, kid, alg: k.alg, use: "sig" } });
  }
  return keys;
}

export function serializeKeySet(keys: BadgeKey[], createdAt: Map<string, number> = new Map()): KeySetFile {
  return {
    keys: keys.map((k) => ({
      ...(k.privateJwk as StoredKey),
      kid: k.kid,
      alg: k.alg,
      use: "sig" as const,
      activates_at: k.activatesAt,
      ...(createdAt.has(k.kid) ? { created_at: createdAt.get(k.kid)! } : {}),
    })),
  };
}

/** A fresh key that signs from `activatesAt` (unix seconds). */
export async function generateBadgeKey(alg: BadgeAlgorithm, activatesAt: number): Promise<BadgeKey> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === "EdDSA" ? { crv: "Ed25519" } : {}) });
  const jwk = await exportJWK(privateKey);
  const [key] = await parseKeySet({ keys: [{ kty: jwk.kty, crv: jwk.crv, x: jwk.x, ...(jwk.y ? { y: jwk.y } : {}), d: jwk.d, alg, activates_at: activatesAt }] });
  return key!;
}

/**
 * Each key's phase at `now` (unix seconds). `retainSeconds` is the longest
 * lifetime of anything a key signs; a retired key stays published that long
 * (plus verifier clock tolerance) after its successor took over.
 */
export function keyPhases(keys: BadgeKey[], now: number, retainSeconds: number): PhasedKey[] {
  const sorted = [...keys].sort((a, b) => a.activatesAt - b.activatesAt || a.kid.localeCompare(b.kid));
  let activeIdx = -1;
  sorted.forEach((k, i) => {
    if (k.activatesAt <= now) activeIdx = i;
  });
  // A set whose keys all lie in the future still has to sign: the earliest one does.
  if (activeIdx === -1) activeIdx = 0;
  return sorted.map((k, i) => {
    if (i === activeIdx) return { ...k, phase: "active" as const };
    if (i > activeIdx) return { ...k, phase: "next" as const };
    const publishedUntil = sorted[i + 1]!.activatesAt + retainSeconds + VERIFIER_CLOCK_TOLERANCE_SECONDS;
    return { ...k, phase: publishedUntil > now ? ("retiring" as const) : ("expired" as const), publishedUntil };
  });
}
