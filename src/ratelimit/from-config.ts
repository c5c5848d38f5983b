// The in-memory limits the config asks for (Node, and Workers without bindings).
import type { Config } from "../config.ts";
import type { Clock } from "../platform/clock.ts";
import type { RateLimits } from "./limiter.ts";
import { createTokenBucketLimiter } from "./token-bucket.ts";

export function memoryRateLimits(config: Config["rateLimits"], clock: Clock): RateLimits {
  return {
    public: createTokenBucketLimiter({ limit: config.publicPerMinute, periodMs: 60_000, clock }),
    authFailures: createTokenBucketLimiter({ limit: config.authFailuresPerMinute, periodMs: 60_000, clock }),
    exempt: new Set(config.exempt),
  };
}
