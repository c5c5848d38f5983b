// Node: the badge key set lives in DATA_DIR/badge-signing-keys.json (mode
// 0600), created with one key at first start. `teammark keys rotate` rewrites
// the file (atomically); a running server notices the new modification time
// within a second and publishes the next key without a restart.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BadgeAlgorithm } from "./client.ts";
import { generateBadgeKey, parseKeySet, serializeKeySet, type BadgeKey } from "./key-set.ts";
import { createKeyStore, type BadgeKeyStore } from "./key-store.ts";

export const BADGE_KEY_FILE = "badge-signing-keys.json";
const RECHECK_MS = 1000;

export function badgeKeyFile(dataDir: string): string {
  return path.join(dataDir, BADGE_KEY_FILE);
}

export async function readKeyFile(file: string): Promise<BadgeKey[]> {
  return parseKeySet(JSON.parse(readFileSync(file, "utf8")));
}

/** Writes the key set readable by its owner only, replacing the old file in one rename. */
export function writeKeyFile(file: string, keys: BadgeKey[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(serializeKeySet(keys), null, 2) + "\n", { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

/** The key set in `dataDir`, created with one `alg` key active from `now` if there is none yet. */
export async function loadOrCreateKeyFile(dataDir: string, alg: BadgeAlgorithm, now: Date): Promise<BadgeKey[]> {
  const file = badgeKeyFile(dataDir);
  if (existsSync(file)) return readKeyFile(file);
  const keys = [await generateBadgeKey(alg, Math.floor(now.getTime() / 1000))];
  writeKeyFile(file, keys);
  return keys;
}

export async function createNodeKeyStore(
  dataDir: string,
  opts: { alg: BadgeAlgorithm; retainSeconds: number; now: Date; /** How often to look for a rotated file; default 1 s (tests: 0). */ recheckMs?: number },
): Promise<BadgeKeyStore> {
  const recheckMs = opts.recheckMs ?? RECHECK_MS;
  const file = badgeKeyFile(dataDir);
  let keys = await loadOrCreateKeyFile(dataDir, opts.alg, opts.now);
  let mtime = statSync(file).mtimeMs;
  let checkedAt = Date.now();
  return createKeyStore(
    async () => {
      // Polling the file's mtime (at most once a second) keeps the hot path to a clock read.
      if (Date.now() - checkedAt >= recheckMs) {
        checkedAt = Date.now();
        const m = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
        if (m !== undefined && m !== mtime) {
          // A file that no longer parses (a hand edit gone wrong) leaves the keys in use unchanged.
          keys = await readKeyFile(file).catch(() => keys);
          mtime = m;
        }
      }
      return keys;
    },
    { retainSeconds: opts.retainSeconds },
  );
}
