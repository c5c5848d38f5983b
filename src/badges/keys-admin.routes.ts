// /v1/admin/badge-keys (admin): the badge signing keys with their phases, and
// rotation from the moderator console, audited like registry changes.
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../http/router.ts";
import { ApiError, problemResponses } from "../http/problem.ts";
import { protectedRoute } from "../auth/middleware.ts";
import { appendAuditEvent, type DbOrTx } from "../audit/service.ts";
import { ReasonSchema } from "../registry/schemas.ts";
import { KeySetError, keyPhases, type PhasedKey } from "./key-set.ts";
import { jsonAnswer } from "../http/openapi.ts";

const tags = ["Badges"];
const adminOnly = protectedRoute("admin");

const KeyPhaseSchema = z
  .object({
    kid: z.string(),
    alg: z.enum(["EdDSA", "ES256"]),
    phase: z.enum(["next", "active", "retiring", "expired"]),
    activatesAt: z.string().openapi({ description: "When it starts (or started) to sign" }),
    publishedUntil: z.string().optional().openapi({ description: "Retiring keys: when they leave the JWKS" }),
  })
  .openapi("BadgeKeyPhase");
const KeyListSchema = z.object({ keys: z.array(KeyPhaseSchema) }).openapi("BadgeKeyList");
const RotationSchema = z.object({ added: KeyPhaseSchema, pruned: z.array(z.string()), keys: z.array(KeyPhaseSchema) }).openapi("BadgeKeyRotation");

const iso = (sec: number) => new Date(sec * 1000).toISOString();
const view = (k: PhasedKey) => ({ kid: k.kid, alg: k.alg, phase: k.phase, activatesAt: iso(k.activatesAt), ...(k.publishedUntil !== undefined ? { publishedUntil: iso(k.publishedUntil) } : {}) });

const listRoute = createRoute({
  method: "get",
  path: "/v1/admin/badge-keys",
  tags,
  summary: "Badge signing keys and their phases (admin)",
  ...adminOnly,
  responses: { 200: jsonAnswer("Every key in the set", KeyListSchema), ...problemResponses("unauthenticated", "forbidden") },
});

const rotateRoute = createRoute({
  method: "post",
  path: "/v1/admin/badge-keys/rotate",
  tags,
  summary: "Rotate the badge signing key (admin): the new key is published now and signs after the publish delay",
  ...adminOnly,
  request: { body: { required: true, content: { "application/json": { schema: z.object({ reason: ReasonSchema }).strict().openapi("BadgeKeyRotate") } } } },
  responses: {
    200: jsonAnswer("The key added, keys removed as expired, and the set now", RotationSchema),
    ...problemResponses("validation-failed", "unauthenticated", "forbidden", "conflict", "payload-too-large", "unsupported-media-type"),
  },
});

export function badgeKeysAdminRouter() {
  return createRouter()
    .openapi(listRoute, async (c) => {
      const { badgeKeys, clock } = c.var.ctx.deps;
      return c.json({ keys: (await badgeKeys.phases(clock.now())).map(view) }, 200);
    })
    .openapi(rotateRoute, async (c) => {
      const { deps, writes } = c.var.ctx;
      const rotate = deps.rotateBadgeKeys;
      if (!rotate) throw new ApiError("conflict", "the keys come from the BADGE_SIGNING_KEYS secret here: run `teammark keys rotate --file keys.json` and update the secret");
      const { reason } = c.req.valid("json");
      const now = deps.clock.now();
      const rotation = await writes(async () => {
        const r = await rotate(now).catch((err: unknown) => {
          throw err instanceof KeySetError ? new ApiError("conflict", err.message) : err;
        });
        await deps.db.transaction(async (tx) => {
          const added = { kid: r.added.kid, alg: r.added.alg, activatesAt: iso(r.added.activatesAt) };
          await appendAuditEvent(tx as unknown as DbOrTx, { at: now.toISOString(), actor: c.var.actor?.sub ?? "anonymous", action: "badge-keys.rotate", entityType: "badge-key", entityId: r.added.kid, before: null, after: { ...added, pruned: r.pruned }, reason });
          // The key file is written last: a failed audit write leaves the keys as they were.
          r.commit();
        });
        return r;
      });
      // The phases of the set just written (the key store re-reads the file within a second).
      const keys = keyPhases(rotation.keys, Math.floor(now.getTime() / 1000), deps.badgeKeys.retainSeconds);
      return c.json({ added: view(keys.find((k) => k.kid === rotation.added.kid)!), pruned: rotation.pruned, keys: keys.map(view) }, 200);
    });
}
