// Workers: the badge key set comes from the secret BADGE_SIGNING_KEYS, the same
// {"keys":[…]} JSON as the Node key file (`teammark keys rotate --file F`
// edits such a file; put it back with `wrangler secret put BADGE_SIGNING_KEYS < F`).
import { ApiError } from "../http/problem.ts";
import { parseKeySet, type BadgeKey } from "./key-set.ts";
import { createKeyStore, type BadgeKeyStore } from "./key-store.ts";

export function createSecretKeyStore(secret: string | undefined, opts: { retainSeconds: number }): BadgeKeyStore {
  let parsed: Promise<BadgeKey[]> | undefined;
  return createKeyStore(() => {
    // Without keys the rest of the API still serves; badge routes answer 503 with the reason.
    if (!secret) throw new ApiError("unavailable", "no badge signing keys are configured (set the BADGE_SIGNING_KEYS secret)");
    parsed ??= Promise.resolve()
      .then(() => parseKeySet(JSON.parse(secret)))
      .catch((err: unknown) => {
        throw new ApiError("unavailable", `BADGE_SIGNING_KEYS is not a usable key set: ${err instanceof Error ? err.message : String(err)}`);
      });
    return parsed;
  }, opts);
}
