// One JSON log line per request: id, method, route pattern, status, duration,
// and the verified actor. Never headers or bodies, so tokens cannot leak.
import { createMiddleware } from "hono/factory";
import { routePath } from "hono/route";
import type { AppEnv } from "../router.ts";

export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const { logger, config } = c.var.ctx.deps;
  if (!config.logRequests) return;
  logger.info({
    msg: "request",
    requestId: c.var.requestId,
    method: c.req.method,
    route: routePath(c, -1) || c.req.path,
    status: c.res.status,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    actor: c.var.actor?.sub ?? null,
  });
});
