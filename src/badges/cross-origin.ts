// The public badge paths are meant to be used from any origin: the messaging
// UI fetches keys, badge answers and status lists, and POSTs batch lookups and
// verifications (which change nothing). One middleware sets both the CORS
// headers and Cross-Origin-Resource-Policy: cross-origin, on every answer
// (errors too), and answers preflights itself. It is registered before the
// security headers, which write their same-origin CORP default after the
// handler, so this one runs after them on the way out and has the last word.
// (hono/cors would do the CORS part, but it builds a response before the
// handler runs and copies its headers over afterwards: measurably slower on
// the badge lookup, the hottest route.)
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/router.ts";

/** Paths meant to be fetched from any origin: keys, badge answers, status lists, verification. */
export const BADGE_PUBLIC_PATHS = ["/.well-known/jwks.json", "/v1/badges/*", "/v1/status-lists/*", "/v1/attestations/verify"];

const PREFLIGHT = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET,HEAD,POST,OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "600",
};

export const badgeCrossOrigin = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
    c.res = new Response(null, { status: 204, headers: PREFLIGHT });
  } else {
    await next();
  }
  const h = c.res.headers;
  h.set("Access-Control-Allow-Origin", "*");
  // The stale marker and Retry-After (outages, rate limits: src/cache/, src/ratelimit/) are for the UI to read too.
  h.set("Access-Control-Expose-Headers", "X-Request-Id, X-Teammark-Stale, Retry-After");
  h.set("Cross-Origin-Resource-Policy", "cross-origin");
});
