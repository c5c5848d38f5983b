// POST /v1/scan and POST /v1/scan/batch: scan chat messages for off-platform lures, payment
// and personal-data requests, remote access, lookalike links and fake staff claims.
// Public like /v1/check (the messaging backend and the web checker call it); every message is
// limited to 16 KiB and a batch to 100 messages (and the whole body to BODY_LIMIT_BYTES).
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../http/router.ts";
import { problemResponses } from "../http/problem.ts";
import { SCAN_LABELS } from "./types.ts";
import { MAX_SCAN_BATCH, MAX_SCAN_TEXT_BYTES } from "./limits.ts";
import { checkTextSize, scanMessage } from "./service.ts";
import { BODY_PROBLEMS, jsonBody, jsonAnswer } from "../http/openapi.ts";

const tags = ["Scanning"];

const SenderSchema = z
  .object({
    userId: z.string().min(1).max(100).optional().openapi({ example: "7100001", description: "The sender's platform user id" }),
    handle: z.string().min(1).max(200).optional().openapi({ example: "Fiverr_Care" }),
  })
  .strict()
  .refine((s) => s.userId !== undefined || s.handle !== undefined, "give the sender's userId or handle")
  .openapi("ScanSender");

const ScanRequestSchema = z
  .object({
    // The byte limit is checked in the handler (413); this bound only stops absurd strings early.
    text: z.string().max(MAX_SCAN_TEXT_BYTES * 4).openapi({ example: "Hi, Fiverr Care here, your account is limited, send the 6-digit code to wa.me/447700900123" }),
    sender: SenderSchema,
    readerLang: z.string().regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/).optional().openapi({ example: "de", description: "BCP 47 language of the reader, for the warning" }),
  })
  .strict()
  .openapi("ScanRequest");

const FindingSchema = z
  .object({
    label: z.enum(SCAN_LABELS),
    start: z.number().int().openapi({ description: "UTF-16 offset in the original text" }),
    end: z.number().int(),
    matched: z.string(),
    normalized: z.string(),
    rule: z.string().openapi({ example: "secret_request" }),
    score: z.number(),
    transforms: z.array(z.string()).openapi({ example: ["leet", "confusables"] }),
  })
  .openapi("ScanFinding");

const ScanResultSchema = z
  .object({
    risk: z.enum(["none", "low", "medium", "high"]),
    labels: z.array(z.enum(SCAN_LABELS)),
    findings: z.array(FindingSchema),
    warning: z.object({ lang: z.string(), text: z.string() }).nullable(),
    sender: z.object({ official: z.boolean(), handle: z.string().nullable() }),
  })
  .openapi("ScanResult");

const BatchRequestSchema = z
  .object({
    messages: z
      .array(ScanRequestSchema.extend({ id: z.string().max(200).optional() }))
      .min(1)
      .max(MAX_SCAN_BATCH),
  })
  .strict()
  .openapi("ScanBatchRequest");

const BatchResultSchema = z
  .object({ results: z.array(ScanResultSchema.extend({ id: z.string().nullable() })) })
  .openapi("ScanBatchResult");

const scanRoute = createRoute({
  method: "post",
  path: "/v1/scan",
  tags,
  summary: "Scan one message",
  description: `The sender's official status comes from the registry (userId or handle of an active official account). Texts over ${MAX_SCAN_TEXT_BYTES} bytes get 413.`,
  request: { body: jsonBody(ScanRequestSchema) },
  responses: {
    200: jsonAnswer("Labels, findings with spans in the original text, risk and the reader's warning", ScanResultSchema),
    ...problemResponses(...BODY_PROBLEMS),
  },
});

const batchRoute = createRoute({
  method: "post",
  path: "/v1/scan/batch",
  tags,
  summary: `Scan up to ${MAX_SCAN_BATCH} messages`,
  request: { body: jsonBody(BatchRequestSchema) },
  responses: {
    200: jsonAnswer("One result per message, in order", BatchResultSchema),
    ...problemResponses(...BODY_PROBLEMS),
  },
});

export function scanRouter() {
  return createRouter()
    .openapi(scanRoute, async (c) => {
      const body = c.req.valid("json");
      checkTextSize(body.text);
      return c.json(await scanMessage(c.var.ctx.db, c.var.ctx.scanner(), body), 200);
    })
    .openapi(batchRoute, async (c) => {
      const { messages } = c.req.valid("json");
      messages.forEach((m, i) => checkTextSize(m.text, i));
      const scanner = c.var.ctx.scanner();
      const results = [];
      for (const m of messages) results.push({ id: m.id ?? null, ...(await scanMessage(c.var.ctx.db, scanner, m)) });
      return c.json({ results }, 200);
    });
}
