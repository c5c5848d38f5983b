// GET /v1/check (public: is this handle, e-mail, phone number, URL or domain official?)
// and POST /v1/handles/screen (the platform, at sign-up or rename: allow | deny).
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../http/router.ts";
import { problemResponses } from "../http/problem.ts";
import { AccountSchema, ChannelSchema } from "../registry/schemas.ts";
import { checkValue, screenHandle } from "./service.ts";
import { BODY_PROBLEMS, jsonBody, jsonAnswer } from "../http/openapi.ts";

const tags = ["Checks"];

const SuspectCharSchema = z
  .object({
    char: z.string(),
    codePoint: z.string().openapi({ example: "U+0456" }),
    script: z.string().openapi({ example: "Cyrillic" }),
    imitates: z.string().openapi({ example: "i" }),
    kind: z.enum(["homoglyph", "compatibility", "accent", "digit_letter", "letter_pair", "case", "invisible", "bidi_control"]),
  })
  .openapi("SuspectChar");

const ReasonSchema = z
  .object({
    rule: z.string().openapi({ example: "same_key" }),
    message: z.string(),
    chars: z.array(SuspectCharSchema).optional(),
    distance: z.number().int().optional(),
    affix: z.string().optional(),
    scripts: z.array(z.string()).optional(),
    brand: z.string().optional(),
    matched: z.string().optional(),
    word: z.string().optional(),
    lang: z.string().optional(),
  })
  .openapi("CheckReason");

const CheckResultSchema = z
  .object({
    value: z.string(),
    kind: z.enum(["handle", "email", "phone", "url", "domain"]),
    verdict: z.enum(["official", "lookalike", "brand_impersonation", "clean", "unknown"]).openapi({
      description: "Handles: official | lookalike | brand_impersonation | clean. E-mails, phones, URLs, domains: official | lookalike | unknown.",
    }),
    target: z.string().nullable().openapi({ description: "The official handle, domain or address that is matched or imitated" }),
    reasons: z.array(ReasonSchema),
    account: AccountSchema.nullable().openapi({ description: "The official account matched (official) or imitated (lookalike)" }),
    channel: ChannelSchema.nullable().openapi({ description: "The registered channel matched" }),
  })
  .openapi("CheckResult");

const ScreenRequestSchema = z.object({ handle: z.string().min(1).max(200).openapi({ example: "Fiverr_Support" }) }).strict().openapi("ScreenRequest");
const ScreenResultSchema = z
  .object({
    handle: z.string(),
    decision: z.enum(["allow", "deny"]),
    verdict: z.enum(["official", "lookalike", "brand_impersonation", "clean"]),
    target: z.string().nullable(),
    reasons: z.array(ReasonSchema),
  })
  .openapi("ScreenResult");

const checkRoute = createRoute({
  method: "get",
  path: "/v1/check",
  tags,
  summary: "Is this handle, e-mail address, phone number, URL or domain official?",
  request: { query: z.object({ value: z.string().min(1).max(2048).openapi({ example: "Fіverr-Care", description: "A handle, e-mail, phone number (any digits), URL or domain" }) }) },
  responses: { 200: jsonAnswer("The verdict with its reasons", CheckResultSchema), ...problemResponses("validation-failed") },
});

const screenRoute = createRoute({
  method: "post",
  path: "/v1/handles/screen",
  tags,
  summary: "Screen a handle at sign-up or rename: allow, or deny with reasons",
  description: "Public like GET /v1/check, which answers the same question for any value; this adds the sign-up policy (impostor verdicts and invisible or bidi characters are denied).",
  request: { body: jsonBody(ScreenRequestSchema) },
  responses: {
    200: jsonAnswer("allow, or deny with the reasons", ScreenResultSchema),
    ...problemResponses(...BODY_PROBLEMS),
  },
});

export function checksRouter() {
  return createRouter()
    .openapi(checkRoute, async (c) => c.json(await checkValue(c.var.ctx, c.req.valid("query").value), 200))
    .openapi(screenRoute, async (c) => c.json(await screenHandle(c.var.ctx, c.req.valid("json").handle), 200));
}
