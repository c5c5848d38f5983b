// API shapes of the registry (separate from the database rows in db/schema.ts).
import { z } from "@hono/zod-openapi";

export const LANG = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a BCP 47 language tag such as en or pt-BR");
export const LocalizedTextSchema = z
  .record(LANG, z.string().min(1).max(500))
  .refine((o) => Object.keys(o).length >= 1 && Object.keys(o).length <= 40, "between 1 and 40 languages")
  .openapi({ example: { en: "Official customer relations team.", lv: "Klientu attiecību komanda." } });

/** Letters and digits of any script plus . _ -; what the platform allows in usernames. */
export const HandleSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{M}\p{N}._-]+$/u, "letters, digits, '.', '_' or '-'")
  .openapi({ example: "Fiverr-Care" });

export const AccountStatusSchema = z.enum(["active", "suspended", "retired"]);
export const ReasonSchema = z.string().trim().min(3).max(1000).openapi({ description: "Why the change is made; kept in the audit log.", example: "Team renamed" });

export const AccountSchema = z
  .object({
    id: z.string(),
    platformUserId: z.string(),
    handle: z.string(),
    displayName: z.string(),
    team: z.string(),
    purpose: z.record(z.string(), z.string()),
    status: AccountStatusSchema,
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Account");

export const AccountCreateSchema = z
  .object({
    handle: HandleSchema,
    platformUserId: z.string().trim().min(1).max(100),
    displayName: z.string().trim().min(1).max(100).optional(),
    team: z.string().trim().min(1).max(100),
    purpose: LocalizedTextSchema,
    status: AccountStatusSchema.default("active"),
    reason: ReasonSchema,
  })
  .strict()
  .openapi("AccountCreate");

export const AccountUpdateSchema = z
  .object({
    handle: HandleSchema.optional(),
    platformUserId: z.string().trim().min(1).max(100).optional(),
    displayName: z.string().trim().min(1).max(100).optional(),
    team: z.string().trim().min(1).max(100).optional(),
    purpose: LocalizedTextSchema.optional(),
    status: AccountStatusSchema.optional(),
    reason: ReasonSchema,
  })
  .strict()
  .openapi("AccountUpdate");

export const ChannelKindSchema = z.enum(["email", "phone", "url", "domain", "social", "messenger"]);
export const ChannelStatusSchema = z.enum(["active", "retired"]);

export const ChannelSchema = z
  .object({
    id: z.string(),
    kind: ChannelKindSchema,
    value: z.string(),
    normalizedValue: z.string(),
    purpose: z.record(z.string(), z.string()),
    status: ChannelStatusSchema,
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Channel");

export const ChannelCreateSchema = z
  .object({
    kind: ChannelKindSchema,
    value: z.string().trim().min(1).max(500),
    purpose: LocalizedTextSchema,
    status: ChannelStatusSchema.default("active"),
    reason: ReasonSchema,
  })
  .strict()
  .openapi("ChannelCreate");

export const ChannelUpdateSchema = z
  .object({
    value: z.string().trim().min(1).max(500).optional(),
    purpose: LocalizedTextSchema.optional(),
    status: ChannelStatusSchema.optional(),
    reason: ReasonSchema,
  })
  .strict()
  .openapi("ChannelUpdate");

export const RetireSchema = z.object({ reason: ReasonSchema }).strict().openapi("Retire");

export type AccountCreate = z.infer<typeof AccountCreateSchema>;
export type AccountUpdate = z.infer<typeof AccountUpdateSchema>;
export type ChannelCreate = z.infer<typeof ChannelCreateSchema>;
export type ChannelUpdate = z.infer<typeof ChannelUpdateSchema>;
