// Bearer-token guard for protected routes. Answers 401 for missing, malformed,
// expired or foreign tokens and 403 for a valid token without the role.
// The token itself is never logged; only the verified subject is.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/router.ts";
import { ApiError } from "../http/problem.ts";
import { roleSatisfies, type Role } from "./roles.ts";
import { TokenRejected } from "./token-verifier.ts";
import { countFailedAuthentication } from "../ratelimit/middleware.ts";

const BEARER = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)\s*$/;

export function requireRole(role: Role) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization");
    const challenge = { "www-authenticate": 'Bearer realm="teammark"' };
    // Every failure counts against the client's failed-authentication limit (429 past it).
    const fail = async (detail: string) => {
      await countFailedAuthentication(c);
      return new ApiError("unauthenticated", detail, { headers: challenge });
    };
    if (!header) throw await fail("send a bearer token in the Authorization header");
    const match = BEARER.exec(header);
    if (!match?.[1]) throw await fail("the Authorization header is not a bearer JWT");
    let actor;
    try {
      actor = await c.var.ctx.deps.verifyToken(match[1]);
    } catch (err) {
      if (err instanceof TokenRejected) throw await fail(`token rejected: ${err.message}`);
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
