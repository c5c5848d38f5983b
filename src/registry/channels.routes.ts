// /v1/channels: official contact channels. Public reads, moderator writes.
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../http/router.ts";
import { PageQuery, decodeCursor, encodeCursor } from "../http/pagination.ts";
import { problemResponses, ApiError } from "../http/problem.ts";
import { etagOf, requireIfMatch } from "../http/etag.ts";
import { protectedRoute } from "../auth/middleware.ts";
import { ChannelCreateSchema, ChannelKindSchema, ChannelSchema, ChannelStatusSchema, ChannelUpdateSchema, RetireSchema } from "./schemas.ts";
import { createChannel, findChannel, listChannels, updateChannel } from "./channels.service.ts";
import { changeMeta } from "./change-meta.ts";
import { jsonBody, jsonAnswer } from "../http/openapi.ts";

const tags = ["Registry"];
const IdParam = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: "id", in: "path" }, example: "chn_0123456789abcdef01234567" }) });
const IfMatchHeader = z.object({ "if-match": z.string().optional().openapi({ description: "ETag from your last read (required)" }) });
const ChannelPage = z.object({ items: z.array(ChannelSchema), nextCursor: z.string().optional() }).openapi("ChannelPage");
const etagHeader = { ETag: { schema: { type: "string" as const }, description: "Send back in If-Match to change this record" } };
const moderatorOnly = protectedRoute("moderator");

const listRoute = createRoute({
  method: "get",
  path: "/v1/channels",
  tags,
  summary: "List official contact channels",
  request: { query: PageQuery.extend({ kind: ChannelKindSchema.optional(), status: ChannelStatusSchema.optional() }) },
  responses: { 200: jsonAnswer("A page of channels", ChannelPage), ...problemResponses("validation-failed") },
});

const getRoute = createRoute({
  method: "get",
  path: "/v1/channels/{id}",
  tags,
  summary: "Get one official channel",
  request: { params: IdParam },
  responses: { 200: { description: "The channel", headers: etagHeader, content: { "application/json": { schema: ChannelSchema } } }, ...problemResponses("not-found") },
});

const createChannelRoute = createRoute({
  method: "post",
  path: "/v1/channels",
  tags,
  summary: "Register an official channel (moderator)",
  ...moderatorOnly,
  request: { body: jsonBody(ChannelCreateSchema) },
  responses: {
    201: { description: "Created", headers: etagHeader, content: { "application/json": { schema: ChannelSchema } } },
    ...problemResponses("validation-failed", "unauthenticated", "forbidden", "conflict"),
  },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/v1/channels/{id}",
  tags,
  summary: "Change a channel (moderator)",
  ...moderatorOnly,
  request: { params: IdParam, headers: IfMatchHeader, body: jsonBody(ChannelUpdateSchema) },
  responses: {
    200: { description: "Updated", headers: etagHeader, content: { "application/json": { schema: ChannelSchema } } },
    ...problemResponses("validation-failed", "unauthenticated", "forbidden", "not-found", "conflict", "precondition-failed", "precondition-required"),
  },
});

const retireRoute = createRoute({
  method: "delete",
  path: "/v1/channels/{id}",
  tags,
  summary: "Retire a channel (moderator)",
  ...moderatorOnly,
  request: { params: IdParam, headers: IfMatchHeader, body: jsonBody(RetireSchema) },
  responses: {
    200: { description: "Retired", headers: etagHeader, content: { "application/json": { schema: ChannelSchema } } },
    ...problemResponses("validation-failed", "unauthenticated", "forbidden", "not-found", "precondition-failed", "precondition-required"),
  },
});

export function channelsRouter() {
  return createRouter()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid("query");
      const query = { ...q, after: decodeCursor<string>(q.cursor, "string") };
      const { db, cache } = c.var.ctx;
      const page = await cache.read(`channels:list:${JSON.stringify(query)}`, () => listChannels(db, query));
      return c.json({ items: page.items, ...(page.next ? { nextCursor: encodeCursor(page.next) } : {}) }, 200);
    })
    .openapi(getRoute, async (c) => {
      const { db, cache } = c.var.ctx;
      const id = c.req.valid("param").id;
      const row = await cache.read(`channels:get:${id}`, () => findChannel(db, id));
      if (!row) throw new ApiError("not-found", `no official channel '${c.req.valid("param").id}'`);
      c.header("ETag", etagOf(row));
      return c.json(row, 200);
    })
    .openapi(createChannelRoute, async (c) => {
      const body = c.req.valid("json");
      const row = await createChannel(c.var.ctx, body, changeMeta(c, body.reason));
      c.header("ETag", etagOf(row));
      c.header("Location", `/v1/channels/${row.id}`);
      return c.json(row, 201);
    })
    .openapi(updateRoute, async (c) => {
      const ifMatch = requireIfMatch(c.req.header("if-match"));
      const { reason, ...patch } = c.req.valid("json");
      const row = await updateChannel(c.var.ctx, c.req.valid("param").id, patch, ifMatch, changeMeta(c, reason));
      c.header("ETag", etagOf(row));
      return c.json(row, 200);
    })
    .openapi(retireRoute, async (c) => {
      const ifMatch = requireIfMatch(c.req.header("if-match"));
      const row = await updateChannel(c.var.ctx, c.req.valid("param").id, { status: "retired" }, ifMatch, changeMeta(c, c.req.valid("json").reason));
      c.header("ETag", etagOf(row));
      return c.json(row, 200);
    });
}
