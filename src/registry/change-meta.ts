import type { Context } from "hono";
import type { AppEnv } from "../http/router.ts";
import type { ChangeMeta } from "./versioned-write.ts";

/** Who, why and when for an audited change, from the authenticated request. */
export function changeMeta(c: Context<AppEnv>, reason: string): ChangeMeta {
  return { actor: c.var.actor?.sub ?? "anonymous", reason, at: c.var.ctx.deps.clock.now().toISOString() };
}
