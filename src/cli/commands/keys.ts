// `teammark keys list|rotate`: the badge signing keys in DATA_DIR (Node), or in
// a key-set file given with --file (the JSON for the Workers secret).
import { existsSync } from "node:fs";
import { z } from "zod";
import type { Command } from "../command.ts";
import { parseFlags } from "../args.ts";
import { loadConfig } from "../../config.ts";
import { BADGE_ALGORITHMS } from "../../badges/client.ts";
import { generateBadgeKey, keyPhases, type BadgeKey } from "../../badges/key-set.ts";
import { retainSecondsFor } from "../../badges/key-store.ts";
import { badgeKeyFile, readKeyFile, writeKeyFile } from "../../badges/node-key-file.ts";
import { rotateKeys } from "../../badges/rotation.ts";

const Flags = z.object({
  file: z.string().min(1).optional(),
  alg: z.enum(BADGE_ALGORITHMS).optional(),
  delay: z.coerce.number().int().min(0).max(7 * 24 * 3600).optional(),
});

const iso = (sec: number) => new Date(sec * 1000).toISOString().replace(".000Z", "Z");

export const keysCommand: Command = {
  summary: "list or rotate the badge signing keys",
  usage: `teammark keys list   [--file FILE]
teammark keys rotate [--file FILE] [--alg EdDSA|ES256] [--delay SECONDS]

The keys live in DATA_DIR/badge-signing-keys.json (mode 0600; the Node server
creates it at first start and notices a rotation within a second). With --file,
work on that key-set file instead: the JSON for the Workers secret, e.g.
  npx teammark keys rotate --file keys.json && npx wrangler secret put BADGE_SIGNING_KEYS < keys.json

rotate adds a key that is published in the JWKS at once and signs only after
--delay (default BADGE_KEY_PUBLISH_DELAY_SECONDS, at least the JWKS max-age of
300 s), so every cached JWKS knows it first. The old key stays published until
everything it signed has expired (the longest badge or attestation lifetime
plus 60 s), after which a later rotate removes it from the file.`,
  async run(args, io) {
    const [action, ...rest] = args;
    if (action !== "list" && action !== "rotate") {
      io.stderr.write("teammark keys: say 'list' or 'rotate' (see teammark keys --help)\n");
      return 2;
    }
    const flags = parseFlags(rest, Flags);
    const config = loadConfig(io.env);
    const file = flags.file ?? badgeKeyFile(config.dataDir);
    const now = Math.floor(Date.now() / 1000);
    const retainSeconds = retainSecondsFor(config.badges);
    const exists = existsSync(file);
    let keys: BadgeKey[] = exists ? await readKeyFile(file) : [];

    if (action === "rotate") {
      if (!exists) {
        // A new key set has nothing published before it, so its first key signs at once.
        keys = [await generateBadgeKey(flags.alg ?? config.badges.alg, now)];
        io.stdout.write(`created ${file} with key ${keys[0]!.kid} (signs from now)\n`);
      } else {
        const r = await rotateKeys(keys, { alg: flags.alg ?? config.badges.alg, now, publishDelaySeconds: flags.delay ?? config.badges.publishDelaySeconds, retainSeconds });
        keys = r.keys;
        io.stdout.write(`added key ${r.added.kid} (${r.added.alg}): published now, signs from ${iso(r.added.activatesAt)}\n`);
        if (r.pruned.length) io.stdout.write(`removed expired keys: ${r.pruned.join(", ")}\n`);
      }
      writeKeyFile(file, keys);
    } else if (!exists) {
      io.stderr.write(`teammark keys: no key set at ${file} (the server creates one at first start; or run teammark keys rotate)\n`);
      return 1;
    }
    io.stdout.write(`${"kid".padEnd(43)}  alg    phase     signs from            published until\n`);
    for (const k of keyPhases(keys, now, retainSeconds)) {
      const until = k.publishedUntil !== undefined ? iso(k.publishedUntil) : "(until a successor's signatures outlive it)";
      io.stdout.write(`${k.kid.padEnd(43)}  ${k.alg.padEnd(5)}  ${k.phase.padEnd(8)}  ${k.activatesAt ? iso(k.activatesAt) : "(start)".padEnd(20)}  ${until}\n`);
    }
    return 0;
  },
};
