// In-memory token bucket per key: `limit` requests per `periodMs`, refilled
// continuously, so a client may burst up to `limit` and then goes at the
// average rate. State is bounded (oldest keys are dropped past maxKeys; a
// dropped key only starts again with a full bucket). Pure: time comes from the
// injected clock.
import type { Clock } from "../platform/clock.ts";
import type { RateLimiter, RateVerdict } from "./limiter.ts";
import { unlimited } from "./limiter.ts";

export function createTokenBucketLimiter(opts: { limit: number; periodMs: number; clock: Clock; maxKeys?: number }): RateLimiter {
  if (opts.limit <= 0) return unlimited;
  const maxKeys = opts.maxKeys ?? 50_000;
  const perMs = opts.limit / opts.periodMs;
  const buckets = new Map<string, { tokens: number; at: number }>();

  return {
    async limit(key: string): Promise<RateVerdict> {
      const now = opts.clock.now().getTime();
      let b = buckets.get(key);
      if (b) {
        b.tokens = Math.min(opts.limit, b.tokens + (now - b.at) * perMs);
        b.at = now;
        // Re-insert so the Map's order is least recently used first.
        buckets.delete(key);
      } else {
        b = { tokens: opts.limit, at: now };
        if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!);
      }
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { allowed: true, retryAfterSeconds: 0 };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
    },
  };
}
