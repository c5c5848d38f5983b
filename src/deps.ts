// What the app is built from. Node, Workers and tests each assemble these and
// hand them to createApp; nothing in src/ reaches for globals instead.
import type { Config } from "./config.ts";
import type { Db } from "./db/client.ts";
import type { Clock } from "./platform/clock.ts";
import type { Logger } from "./platform/logger.ts";
import type { TokenVerifier } from "./auth/token-verifier.ts";
import type { RateLimits } from "./ratelimit/limiter.ts";
import type { Context } from "hono";
import type { BadgeKeyStore } from "./badges/key-store.ts";
import type { BadgeKeyRotator } from "./badges/key-rotator.ts";

export type AppDeps = {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  /** Verifies moderator and service bearer tokens. */
  verifyToken: TokenVerifier;
  /** Per-client request limits (src/ratelimit/). */
  rateLimits: RateLimits;
  /** The client's address as this runtime knows it (socket on Node, CF-Connecting-IP on Workers). */
  clientAddress: (c: Context) => string | undefined;
  /** Keys that sign badges, attestations and status lists (key file on Node, secret on Workers). */
  badgeKeys: BadgeKeyStore;
  /** Rotates the badge keys from the admin API (Node key file); absent where keys come from a secret. */
  rotateBadgeKeys?: BadgeKeyRotator;
};
