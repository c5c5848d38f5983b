// /v1/audit: the registry's change history (viewer role and up) and its
// hash-chain verification.
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../http/router.ts";
import { PageQuery, decodeCursor, encodeCursor } from "../http/pagination.ts";
import { problemResponses } from "../http/problem.ts";
import { protectedRoute } from "../auth/middleware.ts";
import { listAuditEvents, verifyAuditChain } from "./service.ts";
import { jsonAnswer } from "../http/openapi.ts";

const tags = ["Audit"];
const viewerOnly = protectedRoute("viewer");

const AuditEventSchema = z
  .object({
    seq: z.number().int(),
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi("AuditEvent");

const VerifySchema = z
  .object({
    intact: z.boolean(),
    events: z.number().int(),
    headHash: z.string().optional(),
    firstBroken: z.object({ seq: z.number().int(), id: z.string(), problem: z.string() }).optional(),
  })
  .openapi("AuditVerification");

const listRoute = createRoute({
  method: "get",
  path: "/v1/audit",
  tags,
  summary: "Audit events, newest first (viewer)",
  ...viewerOnly,
  request: { query: PageQuery },
  responses: {
    200: { description: "A page of events", content: { "application/json": { schema: z.object({ items: z.array(AuditEventSchema), nextCursor: z.string().optional() }) } } },
    ...problemResponses("unauthenticated", "forbidden", "validation-failed"),
  },
});

const verifyRoute = createRoute({
  method: "get",
  path: "/v1/audit/verify",
  tags,
  summary: "Recompute the audit hash chain and report the first broken event (viewer)",
  ...viewerOnly,
  responses: {
    200: jsonAnswer("Verification result", VerifySchema),
    ...problemResponses("unauthenticated", "forbidden"),
  },
});

export function auditRouter() {
  return createRouter()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid("query");
      const before = decodeCursor<number>(q.cursor, "number");
      const rows = await listAuditEvents(c.var.ctx.deps.db, { limit: q.limit + 1, ...(before !== undefined ? { before } : {}) });
      const items = rows.slice(0, q.limit);
      const next = rows.length > q.limit ? items[items.length - 1]!.seq : undefined;
      return c.json({ items, ...(next !== undefined ? { nextCursor: encodeCursor(next) } : {}) }, 200);
    })
    .openapi(verifyRoute, async (c) => c.json(await verifyAuditChain(c.var.ctx.deps.db), 200));
}
