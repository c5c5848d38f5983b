// Database tables. API shapes live in each domain's schemas.ts; these are rows.
// Timestamps are ISO-8601 strings (UTC) so rows read the same on every runtime.
import { sql } from "drizzle-orm";
import { integer, sqliteTable, text, uniqueIndex, index } from "drizzle-orm/sqlite-core";

export type LocalizedText = Record<string, string>;
export type AccountStatus = "active" | "suspended" | "retired";
export type ChannelStatus = "active" | "retired";

export const accounts = sqliteTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    platformUserId: text("platform_user_id").notNull(),
    handle: text("handle").notNull(),
    /** Case-folded handle: handles are unique regardless of case. */
    handleKey: text("handle_key").notNull(),
    displayName: text("display_name").notNull(),
    team: text("team").notNull(),
    purpose: text("purpose", { mode: "json" }).$type<LocalizedText>().notNull(),
    status: text("status").$type<AccountStatus>().notNull().default("active"),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("accounts_handle_key_unique").on(t.handleKey),
    uniqueIndex("accounts_platform_user_id_unique").on(t.platformUserId),
    index("accounts_team_idx").on(t.team),
  ],
);

export const channels = sqliteTable(
  "channels",
  {
    id: text("id").primaryKey(),
    kind: text("kind").$type<"email" | "phone" | "url" | "domain" | "social" | "messenger">().notNull(),
    value: text("value").notNull(),
    /** Canonical form (see src/channels/normalize.ts): one channel is stored once. */
    normalizedValue: text("normalized_value").notNull(),
    purpose: text("purpose", { mode: "json" }).$type<LocalizedText>().notNull(),
    status: text("status").$type<ChannelStatus>().notNull().default("active"),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("channels_kind_normalized_unique").on(t.kind, t.normalizedValue)],
);

/**
 * Append-only audit log. Each event's hash covers its canonical content and the
 * previous event's hash, so editing or deleting a past row breaks the chain.
 * Triggers in the migration refuse UPDATE and DELETE through ordinary SQL.
 */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    seq: integer("seq").primaryKey(),
    id: text("id").notNull(),
    at: text("at").notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: text("before", { mode: "json" }).$type<unknown>(),
    after: text("after", { mode: "json" }).$type<unknown>(),
    reason: text("reason").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [uniqueIndex("audit_events_id_unique").on(t.id), index("audit_events_entity_idx").on(t.entityType, t.entityId)],
);

/**
 * One row (id 1) counting registry changes. Every audited write bumps it in the
 * same transaction, so a reader that sees the number unchanged knows its cached
 * answers are still current (see src/cache/registry-cache.ts).
 */
export const registryVersion = sqliteTable("registry_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
});

/**
 * Positions in the badge Token Status List (draft-ietf-oauth-status-list): one
 * per official account, allocated when its first badge is signed and never
 * reused. `seq` maps to list 1 + floor(seq / list size), index seq % list size.
 */
export const badgeStatusEntries = sqliteTable(
  "badge_status_entries",
  {
    accountId: text("account_id")
      .primaryKey()
      .references(() => accounts.id),
    seq: integer("seq").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("badge_status_entries_seq_unique").on(t.seq)],
);

export const schema = { accounts, channels, auditEvents, registryVersion, badgeStatusEntries };
export type AccountRow = typeof accounts.$inferSelect;
export type ChannelRow = typeof channels.$inferSelect;
export type BadgeStatusEntryRow = typeof badgeStatusEntries.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;
export { sql };
