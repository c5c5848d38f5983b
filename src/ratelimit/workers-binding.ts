// Cloudflare's rate-limit binding ([[ratelimits]] in wrangler.toml) as a
// RateLimiter. The binding only says yes or no; its window is the configured
// period (10 or 60 s), which is the honest Retry-After.
import type { RateLimiter } from "./limiter.ts";

export type RateLimitBinding = { limit(opts: { key: string }): Promise<{ success: boolean }> };

export function isRateLimitBinding(value: unknown): value is RateLimitBinding {
  return typeof value === "object" && value !== null && typeof (value as { limit?: unknown }).limit === "function";
}

export function bindingLimiter(binding: RateLimitBinding, periodSeconds: number): RateLimiter {
  return {
    async limit(key) {
      const { success } = await binding.limit({ key });
      return { allowed: success, retryAfterSeconds: success ? 0 : periodSeconds };
    },
  };
}
