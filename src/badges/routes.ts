// Public badge routes: the signing keys (/.well-known/jwks.json) and badge
// lookups for one sender or an inbox page of them.
import { createRoute, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { createRouter, type AppEnv } from "../http/router.ts";
import { problemResponses } from "../http/problem.ts";
import { JWKS_MAX_AGE_SECONDS } from "./key-set.ts";
import { BadgeAnswerSchema, BatchAnswerSchema, BatchRequestSchema, SenderRefSchema } from "./schemas.ts";
import { lookupBadge, lookupBadges } from "./badges.service.ts";

const tags = ["Badges"];

/** Paths meant to be fetched from any origin: keys, badge answers, status lists, verification. */
export const BADGE_PUBLIC_PATHS = ["/.well-known/jwks.json", "/v1/badges/*", "/v1/status-lists/*", "/v1/attestations/verify"];

/**
 * Cross-Origin-Resource-Policy: cross-origin on the public badge paths. It must
 * be registered before secureHeaders: that middleware writes its same-origin
 * CORP after the handler, and this one runs after it on the way out.
 */
export const crossOriginReadable = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (BADGE_PUBLIC_PATHS.some((p) => (p.endsWith("/*") ? c.req.path.startsWith(p.slice(0, -1)) : c.req.path === p))) {
    c.res.headers.set("Cross-Origin-Resource-Policy", "cross-origin");
  }
});

const JwkSchema = z
  .object({ kty: z.string(), crv: z.string(), x: z.string(), y: z.string().optional(), kid: z.string(), alg: z.enum(["EdDSA", "ES256"]), use: z.literal("sig") })
  .openapi("BadgePublicKey");
const JwksSchema = z.object({ keys: z.array(JwkSchema) }).openapi("BadgeJwks");

const jwksRoute = createRoute({
  method: "get",
  path: "/.well-known/jwks.json",
  tags,
  summary: "Public keys that sign badges, attestations and status lists",
  description: `Public members only. Cache for at most ${JWKS_MAX_AGE_SECONDS} s; a new key is listed here before it signs, and a retired key stays until everything it signed has expired.`,
  responses: { 200: { description: "The JWK set", content: { "application/json": { schema: JwksSchema } } } },
});

const badgeRoute = createRoute({
  method: "get",
  path: "/v1/badges/{sender}",
  tags,
  summary: "Is this sender official? A signed Team badge, or why not",
  request: { params: z.object({ sender: SenderRefSchema.openapi({ param: { name: "sender", in: "path" }, description: "Platform user id, handle (any case) or account id" }) }) },
  responses: {
    200: { description: "official: true with a signed assertion bound to the account's platform user id; or official: false", content: { "application/json": { schema: BadgeAnswerSchema } } },
    ...problemResponses("validation-failed"),
  },
});

const batchRoute = createRoute({
  method: "post",
  path: "/v1/badges/batch",
  tags,
  summary: "Badge answers for up to 200 senders (an inbox page) in one request",
  request: { body: { required: true, content: { "application/json": { schema: BatchRequestSchema } } } },
  responses: {
    200: { description: "One answer per sender, in the order asked", content: { "application/json": { schema: BatchAnswerSchema } } },
    ...problemResponses("validation-failed", "payload-too-large", "unsupported-media-type"),
  },
});

export function badgesRouter() {
  return createRouter()
    .openapi(jwksRoute, async (c) => {
      c.header("Cache-Control", `public, max-age=${JWKS_MAX_AGE_SECONDS}`);
      return c.json(await c.var.ctx.deps.badgeKeys.jwks(c.var.ctx.deps.clock.now()), 200);
    })
    .openapi(badgeRoute, async (c) => {
      const { answer, maxAge } = await lookupBadge(c.var.ctx, c.req.valid("param").sender);
      c.header("Cache-Control", `public, max-age=${maxAge}`);
      return c.json(answer, 200);
    })
    .openapi(batchRoute, async (c) => {
      const { items, maxAge } = await lookupBadges(c.var.ctx, c.req.valid("json").senders);
      c.header("Cache-Control", `private, max-age=${maxAge}`);
      return c.json({ items }, 200);
    });
}
