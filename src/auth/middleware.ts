// Bearer-token guard for protected routes. Answers 401 for missing, malformed,
// expired or foreign tokens and 403 for a valid token without the role.
// The token itself is never logged; only the verified subject is.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/router.ts";
import { ApiError } from "../http/problem.ts";
import { roleSatisfies, type Role } from "./roles.ts";
import { TokenRejected } from "./token-verifier.ts";

const BEARER = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)\s*$/;

export function requireRole(role: Role) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization");
    const challenge = { "www-authenticate": 'Bearer realm="teammark"' };
    if (!header) throw new ApiError("unauthenticated", "send a bearer token in the Authorization header", { headers: challenge });
    const match = BEARER.exec(header);
    if (!match?.[1]) throw new ApiError("unauthenticated", "the Authorization header is not a bearer JWT", { headers: challenge });
    let actor;
    try {
      actor = await c.var.ctx.deps.verifyToken(match[1]);
    } catch (err) {
      if (err instanceof TokenRejected) throw new ApiError("unauthenticated", `token rejected: ${err.message}`, { headers: challenge });
      throw err;
    }
    c.set("actor", actor);
    if (!roleSatisfies(actor.roles, role)) throw new ApiError("forbidden", `this action needs the '${role}' role`);
    await next();
  });
}

/**
 * Route options for a protected route: the guard, and the OpenAPI security
 * entry naming the required role (OpenAPI 3.1 allows role names for http
 * schemes); the shared auth-matrix test reads it to cover every such route.
 */
export function protectedRoute(role: Role) {
  return { security: [{ bearer: [role] }], middleware: [requireRole(role)] };
}
