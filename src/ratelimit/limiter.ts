// What the app asks a rate limiter: may this client (key) make one more
// request now, and if not, how long until it may. Node uses an in-memory token
// bucket (token-bucket.ts), Workers the platform's rate-limit binding
// (workers-binding.ts); tests inject either with their own clock and limits.
export type RateVerdict = { allowed: boolean; retryAfterSeconds: number };
export type RateLimiter = { limit(key: string): Promise<RateVerdict> };

export type RateLimits = {
  /** Every /v1 request, per client address. */
  public: RateLimiter;
  /** Failed moderator authentications (missing, malformed or rejected tokens), per client address. */
  authFailures: RateLimiter;
  /** Client addresses never limited (e.g. loopback for the load script). */
  exempt: ReadonlySet<string>;
};

export const unlimited: RateLimiter = { limit: async () => ({ allowed: true, retryAfterSeconds: 0 }) };

export const noRateLimits: RateLimits = { public: unlimited, authFailures: unlimited, exempt: new Set() };
