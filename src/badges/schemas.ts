// API shapes of the badge routes.
import { z } from "@hono/zod-openapi";
import { AccountSchema } from "../registry/schemas.ts";
import type { Account } from "../registry/accounts.service.ts";
import type { Reason } from "../lookalike/types.ts";

/** A sender as the messaging UI knows it: platform user id, handle (any case) or account id. */
export const SenderRefSchema = z.string().trim().min(1).max(100).openapi({ example: "Fiverr-Care" });
export const MAX_BATCH_SENDERS = 200;

const ResemblesSchema = z
  .object({
    target: z.string().nullable().openapi({ description: "The official handle imitated", example: "Fiverr-Care" }),
    verdict: z.enum(["lookalike", "brand_impersonation"]),
    reasons: z.array(z.looseObject({ rule: z.string(), message: z.string() })).openapi({ description: "Same shape as the reasons of GET /v1/check" }),
  })
  .openapi("BadgeResembles");

export const OfficialBadgeSchema = z
  .object({
    official: z.literal(true),
    account: AccountSchema,
    assertion: z.string().openapi({ description: "Compact JWS (typ team-badge+jwt); verify it against /.well-known/jwks.json, with sub equal to the sender id" }),
    expiresAt: z.string().openapi({ example: "2026-12-01T19:10:00.000Z" }),
  })
  .openapi("OfficialBadge");

export const NoBadgeSchema = z
  .object({
    official: z.literal(false),
    resembles: ResemblesSchema.optional().openapi({ description: "Present when the sender's handle imitates an official account" }),
  })
  .openapi("NoBadge");

export const BadgeAnswerSchema = z.union([OfficialBadgeSchema, NoBadgeSchema]).openapi("BadgeAnswer");

export const BatchRequestSchema = z
  .object({ senders: z.array(SenderRefSchema).min(1).max(MAX_BATCH_SENDERS).openapi({ description: `1 to ${MAX_BATCH_SENDERS} senders (an inbox page); duplicates are answered once` }) })
  .strict()
  .openapi("BadgeBatchRequest");

export const BatchAnswerSchema = z
  .object({ items: z.array(z.intersection(z.object({ sender: z.string() }), BadgeAnswerSchema)).openapi({ description: "One entry per sender asked, in the same order" }) })
  .openapi("BadgeBatchAnswer");

export type BadgeAnswer =
  | { official: true; account: Account; assertion: string; expiresAt: string }
  | { official: false; resembles?: { target: string | null; verdict: "lookalike" | "brand_impersonation"; reasons: Reason[] } };

export const BADGE_REJECTIONS = ["malformed", "bad_signature", "unknown_kid", "wrong_typ", "wrong_alg", "expired", "not_yet_valid", "wrong_issuer", "wrong_audience", "wrong_sender", "revoked"] as const;
export const ATTESTATION_REJECTIONS = [...BADGE_REJECTIONS, "wrong_conversation", "wrong_message", "text_mismatch"] as const;
const TokenSchema = z.string().min(1).max(16_384);

export const VerifyRequestSchema = z
  .object({
    assertion: TokenSchema.openapi({ description: "The badge assertion as received" }),
    senderId: SenderRefSchema.openapi({ description: "The platform user id of the sender the badge is shown for", example: "7100005" }),
  })
  .strict()
  .openapi("BadgeVerifyRequest");

export const VerifyAnswerSchema = z
  .object({
    valid: z.boolean(),
    reason: z.enum(BADGE_REJECTIONS).nullable().openapi({ description: "Why the assertion is refused; null when valid. `revoked`: the account is suspended or retired" }),
    account: AccountSchema.optional().openapi({ description: "The official account, when valid" }),
  })
  .openapi("BadgeVerifyAnswer");
