// POST /v1/attestations (messaging service role) signs a message of an official
// sender; POST /v1/attestations/verify (public) checks one against the message.
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../http/router.ts";
import { problemResponses } from "../http/problem.ts";
import { protectedRoute } from "../auth/middleware.ts";
import { AccountSchema } from "../registry/schemas.ts";
import { ATTESTATION_REJECTIONS, SenderRefSchema } from "./schemas.ts";
import { attest } from "./attestations.service.ts";
import { verifyAttestationOnServer } from "./verify.service.ts";
import { BODY_PROBLEMS, jsonBody, jsonAnswer } from "../http/openapi.ts";

const tags = ["Badges"];
const MessageSchema = z.object({
  senderId: SenderRefSchema.openapi({ description: "Platform user id of the sender", example: "7100005" }),
  conversationId: z.string().min(1).max(200).openapi({ example: "conv_8f2a" }),
  messageId: z.string().min(1).max(200).openapi({ example: "msg_1193" }),
  text: z.string().max(65_536).openapi({ description: "The message text exactly as the UI renders it (hashed as UTF-8)", example: "Hi! Thanks for your order feedback." }),
});

const AttestRequestSchema = MessageSchema.strict().openapi("AttestationRequest");
const AttestationSchema = z
  .object({
    attestation: z.string().openapi({ description: "Compact JWS, typ team-attestation+jwt: {sub, conversationId, messageId, textSha256}" }),
    textSha256: z.string().openapi({ description: "Hex SHA-256 of the text" }),
    expiresAt: z.string(),
  })
  .openapi("Attestation");
const VerifyRequestSchema = MessageSchema.extend({ attestation: z.string().min(1).max(16_384) }).strict().openapi("AttestationVerifyRequest");
const VerifyAnswerSchema = z
  .object({ valid: z.boolean(), reason: z.enum(ATTESTATION_REJECTIONS).nullable(), account: AccountSchema.optional() })
  .openapi("AttestationVerifyAnswer");

const attestRoute = createRoute({
  method: "post",
  path: "/v1/attestations",
  tags,
  summary: "Sign a message of an active official sender (messaging service)",
  ...protectedRoute("messaging"),
  request: { body: jsonBody(AttestRequestSchema) },
  responses: {
    201: jsonAnswer("The attestation", AttestationSchema),
    ...problemResponses("validation-failed", "unauthenticated", "forbidden", "not-official", "payload-too-large", "unsupported-media-type"),
  },
});

const verifyRoute = createRoute({
  method: "post",
  path: "/v1/attestations/verify",
  tags,
  summary: "Verify an attestation against the message as shown (the text hash is recomputed)",
  request: { body: jsonBody(VerifyRequestSchema) },
  responses: {
    200: jsonAnswer("valid, or the reason it is not", VerifyAnswerSchema),
    ...problemResponses(...BODY_PROBLEMS),
  },
});

export function attestationsRouter() {
  return createRouter()
    .openapi(attestRoute, async (c) => c.json(await attest(c.var.ctx, c.req.valid("json")), 201))
    .openapi(verifyRoute, async (c) => {
      const { attestation, ...message } = c.req.valid("json");
      c.header("Cache-Control", "no-store");
      return c.json(await verifyAttestationOnServer(c.var.ctx, attestation, message), 200);
    });
}
