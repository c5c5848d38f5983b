// The badge key store handed to the app as deps.badgeKeys: which key signs now
// and which public keys are published now. Built from a loader so Node (key
// file in DATA_DIR, re-read after `teammark keys rotate`) and Workers (a secret)
// share the rotation rules in key-set.ts.
import { importJWK } from "jose";
import type { BadgeAlgorithm } from "./client.ts";
import { JWKS_MAX_AGE_SECONDS, keyPhases, type BadgeKey, type PhasedKey, type PublicJwk } from "./key-set.ts";

export type SigningKey = { kid: string; alg: BadgeAlgorithm; key: CryptoKey };
export type PublishedKeys = { keys: PublicJwk[] };

export type BadgeKeyStore = {
  /** The key that signs at `now`. */
  signer(now: Date): Promise<SigningKey>;
  /** The public keys published at `now`: next, active and retiring keys (never private members). */
  jwks(now: Date): Promise<PublishedKeys>;
  /** Every key in the set with its phase at `now` (for `teammark keys list`). */
  phases(now: Date): Promise<PhasedKey[]>;
  /** Longest lifetime of anything signed; retired keys stay published this long. */
  readonly retainSeconds: number;
};

/** Longest lifetime of a badge assertion (BADGE_TTL_SECONDS may not exceed it). */
export const MAX_BADGE_TTL_SECONDS = 3600;

export { JWKS_MAX_AGE_SECONDS };

/**
 * A store over `load`, which returns the current key set (it may cache and
 * re-read as it likes). Imported CryptoKeys are kept per kid.
 */
export function createKeyStore(load: () => Promise<BadgeKey[]> | BadgeKey[], opts: { retainSeconds: number }): BadgeKeyStore {
  const signers = new Map<string, Promise<SigningKey>>();
  // Phases change only at a key's activation or unpublish time: reuse them until the next such moment.
  let memo: { keys: BadgeKey[]; phases: PhasedKey[]; from: number; until: number } | undefined;
  const phased = async (now: Date): Promise<PhasedKey[]> => {
    const keys = await load();
    const sec = Math.floor(now.getTime() / 1000);
    if (memo && memo.keys === keys && sec >= memo.from && sec < memo.until) return memo.phases;
    const phases = keyPhases(keys, sec, opts.retainSeconds);
    const moments = phases.flatMap((k) => [k.activatesAt, k.publishedUntil ?? Infinity]);
    memo = { keys, phases, from: Math.max(-Infinity, ...moments.filter((m) => m <= sec)), until: Math.min(Infinity, ...moments.filter((m) => m > sec)) };
    return phases;
  };
  return {
    retainSeconds: opts.retainSeconds,
    phases: phased,
    async signer(now) {
      const active = (await phased(now)).find((k) => k.phase === "active")!;
      let signer = signers.get(active.kid);
      if (!signer) {
        signer = (importJWK(active.privateJwk, active.alg) as Promise<CryptoKey>).then((key) => ({ kid: active.kid, alg: active.alg, key }));
        signers.set(active.kid, signer);
      }
      return signer;
    },
    async jwks(now) {
      return { keys: (await phased(now)).filter((k) => k.phase !== "expired").map((k) => k.publicJwk) };
    },
  };
}

/** How long a retired key stays published: the longest lifetime anything it signed can have. */
export function retainSecondsFor(badges: { attestationTtlSeconds: number }): number {
  return Math.max(MAX_BADGE_TTL_SECONDS, badges.attestationTtlSeconds);
}
