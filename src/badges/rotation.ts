// Key rotation on a key set (Node key file or the Workers secret's JSON): add a
// key that signs only after the publish delay, and drop keys whose signatures
// have all expired. The phases themselves follow from the times (key-set.ts).
import type { BadgeAlgorithm } from "./client.ts";
import { generateBadgeKey, JWKS_MAX_AGE_SECONDS, keyPhases, KeySetError, type BadgeKey } from "./key-set.ts";

export type Rotation = { keys: BadgeKey[]; added: BadgeKey; pruned: string[] };

export async function rotateKeys(
  keys: BadgeKey[],
  opts: { alg: BadgeAlgorithm; now: number; publishDelaySeconds: number; retainSeconds: number },
): Promise<Rotation> {
  if (opts.publishDelaySeconds < JWKS_MAX_AGE_SECONDS) {
    throw new KeySetError(`the publish delay must be at least the JWKS max-age (${JWKS_MAX_AGE_SECONDS} s), or verifiers with a cached JWKS would meet a kid they cannot know`);
  }
  const phased = keyPhases(keys, opts.now, opts.retainSeconds);
  const pending = phased.find((k) => k.phase === "next");
  if (pending) throw new KeySetError(`key ${pending.kid} is already waiting to sign (from ${new Date(pending.activatesAt * 1000).toISOString()}); rotate again after that`);
  const added = await generateBadgeKey(opts.alg, opts.now + opts.publishDelaySeconds);
  const pruned = phased.filter((k) => k.phase === "expired").map((k) => k.kid);
  return { keys: [...keys.filter((k) => !pruned.includes(k.kid)), added], added, pruned };
}
