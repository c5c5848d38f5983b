// Key rotation from the admin API on Node: the same rotation as
// `teammark keys rotate`, on the key file in DATA_DIR, which the running key
// store re-reads. Workers read their keys from a secret and have no rotator.
import type { Config } from "../config.ts";
import { retainSecondsFor } from "./key-store.ts";
import { badgeKeyFile, readKeyFile, writeKeyFile } from "./node-key-file.ts";
import { rotateKeys, type Rotation } from "./rotation.ts";

/** Computes a rotation; `commit` stores it (called last, so a failed audit write leaves the keys unchanged). */
export type BadgeKeyRotator = (now: Date) => Promise<Rotation & { commit(): void }>;

export function nodeKeyRotator(dataDir: string, badges: Config["badges"]): BadgeKeyRotator {
  const file = badgeKeyFile(dataDir);
  return async (now) => {
    const rotation = await rotateKeys(await readKeyFile(file), {
      alg: badges.alg,
      now: Math.floor(now.getTime() / 1000),
      publishDelaySeconds: badges.publishDelaySeconds,
      retainSeconds: retainSecondsFor(badges),
    });
    return { ...rotation, commit: () => writeKeyFile(file, rotation.keys) };
  };
}
