// Service configuration, read from environment variables (Node) or bindings
// (Workers) and validated once at start so a typo fails fast with a readable
// message instead of surfacing as a confusing runtime error later.
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default(".data"),
  /** file:… for the embedded database; libsql://, http(s):// or ws(s):// for a libSQL server. */
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  /** libSQL server to replicate: DATABASE_URL (file:) becomes an embedded replica with local reads. */
  DATABASE_SYNC_URL: z.url().optional(),
  DATABASE_SYNC_INTERVAL_S: z.coerce.number().min(0.1).max(3600).default(1),
  /** Public base URL used in issued tokens and links (iss of badges). */
  PUBLIC_URL: z.url().optional(),
  /** Moderator tokens: a remote JWKS; when unset the Node server runs a local dev issuer. */
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_ISSUER: z.string().min(1).default("teammark-dev"),
  AUTH_AUDIENCE: z.string().min(1).default("teammark"),
  /** Largest request body accepted, in bytes (413 above). */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
  LOG_REQUESTS: bool.default(true),
  /** How often (ms) a reader checks the registry version; the bound on how long another instance's write stays unseen. */
  REGISTRY_CACHE_CHECK_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Requests per minute per client address on /v1 (token bucket: bursts up to this many); 0 turns the limit off. */
  RATE_LIMIT_PUBLIC_PER_MIN: z.coerce.number().int().min(0).max(1_000_000).default(600),
  /** Failed moderator authentications per minute per client address before 429; 0 turns the limit off. */
  RATE_LIMIT_AUTH_FAILURES_PER_MIN: z.coerce.number().int().min(0).max(100_000).default(10),
  /** Comma-separated client addresses never limited (e.g. "127.0.0.1,::1" for a local load test). */
  RATE_LIMIT_EXEMPT: z.string().default(""),
  /** Seed an empty database with the official registry shipped in src/data/. */
  SEED_ON_START: bool.default(true),
  /** Algorithm of newly generated badge signing keys. */
  BADGE_ALG: z.enum(["EdDSA", "ES256"]).default("EdDSA"),
  /** `aud` of badge assertions and attestations; the frontend's verifier checks it. */
  BADGE_AUDIENCE: z.string().min(1).max(200).default("teammark-badge"),
  /** Lifetime of a badge assertion (offline verifiers honour a revocation at the latest after this). */
  BADGE_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
  /** Lifetime of a message attestation; retired keys stay published at least this long. */
  BADGE_ATTESTATION_TTL_SECONDS: z.coerce.number().int().min(60).max(30 * 24 * 3600).default(24 * 3600),
  /** How long a new signing key is published before it signs; at least the JWKS max-age (300 s). */
  BADGE_KEY_PUBLISH_DELAY_SECONDS: z.coerce.number().int().min(300).max(7 * 24 * 3600).default(600),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  databaseAuthToken?: string;
  /** Embedded-replica mode: the libSQL server DATABASE_URL's file replicates. */
  databaseSync?: { url: string; intervalS: number };
  publicUrl: string;
  auth: { jwksUrl?: string; issuer: string; audience: string };
  bodyLimitBytes: number;
  logRequests: boolean;
  seedOnStart: boolean;
  cache: { checkEveryMs: number };
  rateLimits: { publicPerMinute: number; authFailuresPerMinute: number; exempt: string[] };
  badges: { alg: "EdDSA" | "ES256"; audience: string; ttlSeconds: number; attestationTtlSeconds: number; publishDelaySeconds: number };
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings count as unset: shells and .env files often leave them behind.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? `file:${e.DATA_DIR.replace(/\/+$/, "")}/teammark.db`,
    ...(e.DATABASE_AUTH_TOKEN ? { databaseAuthToken: e.DATABASE_AUTH_TOKEN } : {}),
    ...(e.DATABASE_SYNC_URL ? { databaseSync: { url: e.DATABASE_SYNC_URL, intervalS: e.DATABASE_SYNC_INTERVAL_S } } : {}),
    publicUrl: e.PUBLIC_URL ?? `http://${e.HOST === "0.0.0.0" ? "localhost" : e.HOST}:${e.PORT}`,
    auth: { ...(e.AUTH_JWKS_URL ? { jwksUrl: e.AUTH_JWKS_URL } : {}), issuer: e.AUTH_ISSUER, audience: e.AUTH_AUDIENCE },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    logRequests: e.LOG_REQUESTS,
    seedOnStart: e.SEED_ON_START,
    cache: { checkEveryMs: e.REGISTRY_CACHE_CHECK_MS },
    rateLimits: {
      publicPerMinute: e.RATE_LIMIT_PUBLIC_PER_MIN,
      authFailuresPerMinute: e.RATE_LIMIT_AUTH_FAILURES_PER_MIN,
      exempt: e.RATE_LIMIT_EXEMPT.split(",").map((a) => a.trim()).filter(Boolean),
    },
    badges: { alg: e.BADGE_ALG, audience: e.BADGE_AUDIENCE, ttlSeconds: e.BADGE_TTL_SECONDS, attestationTtlSeconds: e.BADGE_ATTESTATION_TTL_SECONDS, publishDelaySeconds: e.BADGE_KEY_PUBLISH_DELAY_SECONDS },
  };
}
