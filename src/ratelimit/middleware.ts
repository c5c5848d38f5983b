// Per-client limits: every /v1 request counts against the public limit, and a
// failed moderator authentication also against the (much smaller) failure
// limit, so tokens cannot be guessed at speed. Over a limit: 429 problem+json
// with Retry-After.
import { createMiddleware } from "hono/factory";
import type { Context } from "hono";
import type { AppEnv } from "../http/router.ts";
import { ApiError } from "../http/problem.ts";
import type { RateLimiter } from "./limiter.ts";

/** The client's address as the runtime reports it ("unknown" when it does not). */
export function clientKey(c: Context<AppEnv>): string {
  return c.var.ctx.deps.clientAddress(c) ?? "unknown";
}

async function enforce(c: Context<AppEnv>, limiter: RateLimiter, what: string): Promise<void> {
  const key = clientKey(c);
  if (c.var.ctx.deps.rateLimits.exempt.has(key)) return;
  const verdict = await limiter.limit(key);
  if (!verdict.allowed) {
    throw new ApiError("rate-limited", `too many ${what} from this client; retry in ${verdict.retryAfterSeconds} s`, {
      headers: { "retry-after": String(verdict.retryAfterSeconds) },
    });
  }
}

export const limitPublicRequests = createMiddleware<AppEnv>(async (c, next) => {
  await enforce(c, c.var.ctx.deps.rateLimits.public, "requests");
  await next();
});

/** Called by the auth guard when a token is missing or rejected; throws 429 past the limit. */
export function countFailedAuthentication(c: Context<AppEnv>): Promise<void> {
  return enforce(c, c.var.ctx.deps.rateLimits.authFailures, "failed authentications");
}
