// While the database is unreachable the only successful /v1 answers are the
// cached ones (misses and writes get 503), so every 2xx said then is marked
// stale: clients see it, and shared caches are told not to keep it.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/router.ts";

export const STALE_HEADER = "X-Teammark-Stale";

export const markStaleAnswers = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!c.var.ctx.cache.degraded || c.res.status >= 300) return;
  c.res.headers.set(STALE_HEADER, "1");
  c.res.headers.set("Warning", '110 teammark "Response is Stale"');
  c.res.headers.set("Cache-Control", "no-store");
});
