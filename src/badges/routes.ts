// Public badge routes: the signing keys (/.well-known/jwks.json), badge
// lookups for one sender or an inbox page of them, server-side verification
// and the revocation status list.
import { createRoute, z } from "@hono/zod-openapi";
import type { TypedResponse } from "hono";
import type { JSONParsed } from "hono/utils/types";
import { createRouter } from "../http/router.ts";
import { ApiError, problemResponses } from "../http/problem.ts";
import { JWKS_MAX_AGE_SECONDS } from "./key-set.ts";
import { BadgeAnswerSchema, BatchAnswerSchema, BatchRequestSchema, SenderRefSchema, VerifyAnswerSchema, VerifyRequestSchema } from "./schemas.ts";
import { lookupBadge, lookupBadges } from "./badges.service.ts";
import { verifyBadgeOnServer } from "./verify.service.ts";
import { STATUS_LIST_TTL_SECONDS, statusListToken } from "./status.service.ts";
import { BODY_PROBLEMS, jsonBody, jsonAnswer } from "../http/openapi.ts";

const tags = ["Badges"];

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
  responses: { 200: jsonAnswer("The JWK set", JwksSchema) },
});

const badgeRoute = createRoute({
  method: "get",
  path: "/v1/badges/{sender}",
  tags,
  summary: "Is this sender official? A signed Team badge, or why not",
  request: { params: z.object({ sender: SenderRefSchema.openapi({ param: { name: "sender", in: "path" }, description: "Platform user id, handle (any case) or account id" }) }) },
  responses: {
    200: jsonAnswer("official: true with a signed assertion bound to the account's platform user id; or official: false", BadgeAnswerSchema),
    ...problemResponses("validation-failed"),
  },
});

const batchRoute = createRoute({
  method: "post",
  path: "/v1/badges/batch",
  tags,
  summary: "Badge answers for up to 200 senders (an inbox page) in one request",
  request: { body: jsonBody(BatchRequestSchema) },
  responses: {
    200: jsonAnswer("One answer per sender, in the order asked", BatchAnswerSchema),
    ...problemResponses(...BODY_PROBLEMS),
  },
});

const verifyRoute = createRoute({
  method: "post",
  path: "/v1/badges/verify",
  tags,
  summary: "Verify a badge assertion for a sender (for backends without jose)",
  description: "Checks signature, typ, alg, iss, aud, exp/nbf and that sub is the sender, then that the account is still active: a suspended or retired account's assertions answer `revoked` at once.",
  request: { body: jsonBody(VerifyRequestSchema) },
  responses: {
    200: jsonAnswer("valid, or the reason it is not", VerifyAnswerSchema),
    ...problemResponses(...BODY_PROBLEMS),
  },
});

const statusListRoute = createRoute({
  method: "get",
  path: "/v1/status-lists/{id}",
  tags,
  summary: "Badge revocation as a signed Token Status List (draft-ietf-oauth-status-list)",
  description: "A statuslist+jwt: status_list {bits: 1, lst: base64url(zlib DEFLATE of the bits)}; the bit at a badge's status.status_list.idx is 1 when its account is suspended or retired.",
  request: { params: z.object({ id: z.string().regex(/^[1-9][0-9]{0,8}$/).openapi({ param: { name: "id", in: "path" }, example: "1" }) }) },
  responses: {
    200: { description: "The signed status list", content: { "application/statuslist+jwt": { schema: z.string() } } },
    ...problemResponses("validation-failed", "not-found"),
  },
});

/**
 * A 200 JSON response from bytes serialised when the answer was cached (the
 * badge lookup's hot path skips JSON.stringify), typed as the route's schema.
 */
function cachedJson<T>(json: string, headers: Record<string, string>): TypedResponse<JSONParsed<T>, 200, "json"> {
  return new Response(json, { status: 200, headers: { "Content-Type": "application/json", ...headers } }) as unknown as TypedResponse<JSONParsed<T>, 200, "json">;
}

export function badgesRouter() {
  return createRouter()
    .openapi(jwksRoute, async (c) => {
      c.header("Cache-Control", `public, max-age=${JWKS_MAX_AGE_SECONDS}`);
      return c.json(await c.var.ctx.deps.badgeKeys.jwks(c.var.ctx.deps.clock.now()), 200);
    })
    .openapi(badgeRoute, async (c) => {
      const { json, maxAge } = await lookupBadge(c.var.ctx, c.req.valid("param").sender);
      return cachedJson<z.infer<typeof BadgeAnswerSchema>>(json, { "Cache-Control": `public, max-age=${maxAge}` });
    })
    .openapi(batchRoute, async (c) => {
      const { json, maxAge } = await lookupBadges(c.var.ctx, c.req.valid("json").senders);
      return cachedJson<z.infer<typeof BatchAnswerSchema>>(json, { "Cache-Control": `private, max-age=${maxAge}` });
    })
    .openapi(verifyRoute, async (c) => {
      const { assertion, senderId } = c.req.valid("json");
      c.header("Cache-Control", "no-store");
      return c.json(await verifyBadgeOnServer(c.var.ctx, assertion, senderId), 200);
    })
    .openapi(statusListRoute, async (c) => {
      const id = c.req.valid("param").id;
      const token = await statusListToken(c.var.ctx, id);
      if (!token) throw new ApiError("not-found", `no status list '${id}'`);
      return c.body(token, 200, { "Content-Type": "application/statuslist+jwt", "Cache-Control": `public, max-age=${STATUS_LIST_TTL_SECONDS}` });
    });
}
