// Problems any /v1 operation can answer besides its own: 429 past a per-client
// limit (src/ratelimit/) and 503 while the database is unreachable and the
// answer is not cached (src/cache/). Added to every /v1 route's OpenAPI entry
// here, once, rather than repeated in each route declaration.
import type { OpenAPIHono } from "@hono/zod-openapi";
import { problemResponses } from "./problem.ts";

export function documentSharedProblems(registry: OpenAPIHono["openAPIRegistry"]): void {
  const shared = problemResponses("rate-limited", "unavailable");
  for (const def of registry.definitions) {
    if (def.type !== "route" || !def.route.path.startsWith("/v1/")) continue;
    def.route.responses = { ...shared, ...def.route.responses };
  }
}
