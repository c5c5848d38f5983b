// Assembles the app's dependencies on Node: the database (embedded file by
// default, or a libSQL server), migrations and seed, and the moderator-token
// key set (remote JWKS, or the local dev issuer in the data dir), and the badge
// signing keys (generated in the data dir at first start).
import { createRemoteJWKSet } from "jose";
import type { Config } from "../config.ts";
import type { AppDeps } from "../deps.ts";
import { openNodeDatabase, type Db } from "../db/client.ts";
import { applyMigrations } from "../db/migrate.ts";
import { seedIfEmpty } from "../registry/seed.ts";
import { createTokenVerifier } from "../auth/token-verifier.ts";
import { loadOrCreateDevIssuer } from "../auth/dev-issuer.ts";
import { systemClock, type Clock } from "../platform/clock.ts";
import { jsonLogger, type Logger } from "../platform/logger.ts";
import { memoryRateLimits } from "../ratelimit/from-config.ts";
import { nodeClientAddress } from "./node-client-address.ts";
import { createNodeKeyStore } from "../badges/node-key-file.ts";
import { nodeKeyRotator } from "../badges/key-rotator.ts";
import { retainSecondsFor } from "../badges/key-store.ts";

/** Opens, migrates and (when empty and allowed) seeds the registry database. */
export async function openRegistryDatabase(config: Config, clock: Clock = systemClock): Promise<{ db: Db; seeded: boolean }> {
  const db = await openNodeDatabase(
    config.databaseUrl,
    config.databaseAuthToken,
    config.databaseSync ? { syncUrl: config.databaseSync.url, syncIntervalS: config.databaseSync.intervalS } : {},
  );
  await applyMigrations(db);
  const seed = config.seedOnStart ? await seedIfEmpty({ db, clock }) : { seeded: false };
  return { db, seeded: seed.seeded };
}

export async function buildNodeDeps(
  config: Config,
  opts: { clock?: Clock; logger?: Logger } = {},
): Promise<AppDeps & { seeded: boolean }> {
  const clock = opts.clock ?? systemClock;
  const { db, seeded } = await openRegistryDatabase(config, clock);
  const keys = config.auth.jwksUrl
    ? createRemoteJWKSet(new URL(config.auth.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 })
    : (await loadOrCreateDevIssuer(config.dataDir)).keys;
  return {
    db,
    config,
    clock,
    logger: opts.logger ?? jsonLogger(),
    verifyToken: createTokenVerifier({ keys, issuer: config.auth.issuer, audience: config.auth.audience, clock }),
    rateLimits: memoryRateLimits(config.rateLimits, clock),
    clientAddress: nodeClientAddress,
    badgeKeys: await createNodeKeyStore(config.dataDir, { alg: config.badges.alg, retainSeconds: retainSecondsFor(config.badges), now: clock.now() }),
    rotateBadgeKeys: nodeKeyRotator(config.dataDir, config.badges),
    seeded,
  };
}
