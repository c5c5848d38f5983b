// /v1/accounts: public reads, moderator writes (If-Match + reason, audited).
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../http/router.ts";
import { PageQuery, decodeCursor, encodeCursor } from "../http/pagination.ts";
import { problemResponses, ApiError } from "../http/problem.ts";
import { etagOf, requireIfMatch } from "../http/etag.ts";
import { protectedRoute } from "../auth/middleware.ts";
import { AccountCreateSchema, AccountSchema, AccountStatusSchema, AccountUpdateSchema, RetireSchema } from "./schemas.ts";
import { createAccount, findAccount, listAccounts, toAccount, updateAccount } from "./accounts.service.ts";
import { changeMeta } from "./change-meta.ts";
import { jsonBody, jsonAnswer } from "../http/openapi.ts";

const tags = ["Registry"];
const moderatorOnly = protectedRoute("moderator");
const HandleParam = z.object({
  handle: z.string().min(1).max(100).openapi({ param: { name: "handle", in: "path" }, description: "Handle (any case), platform user id or account id", example: "Fiverr-Care" }),
});
const IfMatchHeader = z.object({ "if-match": z.string().optional().openapi({ description: "ETag from your last read (required)" }) });
const AccountPage = z.object({ items: z.array(AccountSchema), nextCursor: z.string().optional() }).openapi("AccountPage");
const etagHeader = { ETag: { schema: { type: "string" as const }, description: "Send back in If-Match to change this record" } };

const listRoute = createRoute({
  method: "get",
  path: "/v1/accounts",
  tags,
  summary: "List official accounts",
  request: { query: PageQuery.extend({ team: z.string().max(100).optional(), status: AccountStatusSchema.optional() }) },
  responses: { 200: jsonAnswer("A page of accounts, ordered by handle", AccountPage), ...problemResponses("validation-failed") },
});

const getRoute = createRoute({
  method: "get",
  path: "/v1/accounts/{handle}",
  tags,
  summary: "Get one official account",
  request: { params: HandleParam },
  responses: {
    200: { description: "The account", headers: etagHeader, content: { "application/json": { schema: AccountSchema } } },
    ...problemResponses("not-found"),
  },
});

const createAccountRoute = createRoute({
  method: "post",
  path: "/v1/accounts",
  tags,
  summary: "Register an official account (moderator)",
  ...moderatorOnly,
  request: { body: jsonBody(AccountCreateSchema) },
  responses: {
    201: { description: "Created", headers: etagHeader, content: { "application/json": { schema: AccountSchema } } },
    ...problemResponses("validation-failed", "unauthenticated", "forbidden", "conflict", "payload-too-large"),
  },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/v1/accounts/{handle}",
  tags,
  summary: "Change an account: fields or status active|suspended|retired (moderator)",
  ...moderatorOnly,
  request: { params: HandleParam, headers: IfMatchHeader, body: jsonBody(AccountUpdateSchema) },
  responses: {
    200: { description: "Updated", headers: etagHeader, content: { "application/json": { schema: AccountSchema } } },
    ...problemResponses("validation-failed", "unauthenticated", "forbidden", "not-found", "conflict", "precondition-failed", "precondition-required"),
  },
});

const retireRoute = createRoute({
  method: "delete",
  path: "/v1/accounts/{handle}",
  tags,
  summary: "Retire an account (moderator); the record and its history stay",
  ...moderatorOnly,
  request: { params: HandleParam, headers: IfMatchHeader, body: jsonBody(RetireSchema) },
  responses: {
    200: { description: "Retired", headers: etagHeader, content: { "application/json": { schema: AccountSchema } } },
    ...problemResponses("validation-failed", "unauthenticated", "forbidden", "not-found", "precondition-failed", "precondition-required"),
  },
});

export function accountsRouter() {
  return createRouter()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid("query");
      const query = { ...q, after: decodeCursor<string>(q.cursor, "string") };
      const { db, cache } = c.var.ctx;
      const page = await cache.read(`accounts:list:${JSON.stringify(query)}`, () => listAccounts(db, query));
      return c.json({ items: page.items.map(toAccount), ...(page.next ? { nextCursor: encodeCursor(page.next) } : {}) }, 200);
    })
    .openapi(getRoute, async (c) => {
      const { db, cache } = c.var.ctx;
      const ref = c.req.valid("param").handle;
      const row = await cache.read(`accounts:get:${ref}`, () => findAccount(db, ref));
      if (!row) throw new ApiError("not-found", `no official account '${c.req.valid("param").handle}'`);
      c.header("ETag", etagOf(row));
      return c.json(toAccount(row), 200);
    })
    .openapi(createAccountRoute, async (c) => {
      const body = c.req.valid("json");
      const row = await createAccount(c.var.ctx, body, changeMeta(c, body.reason));
      c.header("ETag", etagOf(row));
      c.header("Location", `/v1/accounts/${encodeURIComponent(row.handle)}`);
      return c.json(toAccount(row), 201);
    })
    .openapi(updateRoute, async (c) => {
      const ifMatch = requireIfMatch(c.req.header("if-match"));
      const { reason, ...patch } = c.req.valid("json");
      const row = await updateAccount(c.var.ctx, c.req.valid("param").handle, patch, ifMatch, changeMeta(c, reason));
      c.header("ETag", etagOf(row));
      return c.json(toAccount(row), 200);
    })
    .openapi(retireRoute, async (c) => {
      const ifMatch = requireIfMatch(c.req.header("if-match"));
      const { reason } = c.req.valid("json");
      const row = await updateAccount(c.var.ctx, c.req.valid("param").handle, { status: "retired" }, ifMatch, changeMeta(c, reason));
      c.header("ETag", etagOf(row));
      return c.json(toAccount(row), 200);
    });
}
