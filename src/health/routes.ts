// Liveness (the process answers) and readiness (the database answers).
import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { createRouter } from "../http/router.ts";
import { problemResponses, ApiError } from "../http/problem.ts";
import { jsonAnswer } from "../http/openapi.ts";

const tags = ["Operations"];
const Status = z.object({ status: z.literal("ok") }).openapi("Status");

const healthRoute = createRoute({
  method: "get",
  path: "/healthz",
  tags,
  summary: "Liveness",
  responses: { 200: jsonAnswer("The process is up", Status) },
});

const readyRoute = createRoute({
  method: "get",
  path: "/readyz",
  tags,
  summary: "Readiness: the database answers",
  responses: { 200: jsonAnswer("Ready", Status), ...problemResponses("unavailable") },
});

export function healthRouter() {
  return createRouter()
    .openapi(healthRoute, (c) => c.json({ status: "ok" as const }, 200))
    .openapi(readyRoute, async (c) => {
      try {
        await c.var.ctx.deps.db.run(sql`select 1`);
      } catch {
        throw new ApiError("unavailable", "the registry database does not answer", { headers: { "retry-after": "5" } });
      }
      return c.json({ status: "ok" as const }, 200);
    });
}
