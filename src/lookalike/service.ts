// Checks against the registry: the lookalike index of active official accounts and
// the official channels, kept in the per-app registry cache and rebuilt when the
// registry version moves. Used by the API routes, and by badge answers for non-official senders.
import { eq } from "drizzle-orm";
import { accounts, channels, type AccountRow, type ChannelRow } from "../db/schema.ts";
import type { Db } from "../db/client.ts";
import { defaultPlatform, type PlatformProfile } from "../registry/seed-data.ts";
import { buildLookalikeIndex, type LookalikeIndex } from "./handle-index.ts";
import { checkHandle } from "./check.ts";
import type { HandleCheck, Reason } from "./types.ts";
import { buildChannelIndex, checkChannel, detectValueKind, type ChannelCheck, type ChannelIndex, type CheckedKind } from "../channels/check.ts";
import { handleKey, toAccount, type Account } from "../registry/accounts.service.ts";
import type { RegistryCache } from "../cache/registry-cache.ts";

type Reader = Pick<Db, "select">;
/** Where checks read the registry: the database, through the per-app cache keyed by the registry version. */
export type RegistryReads = { db: Reader; cache: RegistryCache };

/** The lookalike index of the active official accounts (rebuilt when the registry version moves). */
export async function lookalikeIndexFor(reads: RegistryReads, platform: PlatformProfile = defaultPlatform): Promise<LookalikeIndex> {
  return reads.cache.read(`lookalike:accounts:${platform.name}`, async () => {
    const rows = await reads.db.select({ handle: accounts.handle }).from(accounts).where(eq(accounts.status, "active"));
    return buildLookalikeIndex(rows.map((r) => r.handle), platform);
  });
}

async function channelIndexFor(reads: RegistryReads, platform: PlatformProfile = defaultPlatform): Promise<{ index: ChannelIndex; rows: ChannelRow[] }> {
  return reads.cache.read(`lookalike:channels:${platform.name}`, async () => {
    const rows = await reads.db.select().from(channels).where(eq(channels.status, "active"));
    return { index: buildChannelIndex(rows.map((r) => ({ id: r.id, kind: r.kind, value: r.value, purpose: r.purpose })), platform), rows };
  });
}

async function accountByHandle(reads: RegistryReads, handle: string | null): Promise<AccountRow | undefined> {
  if (!handle) return undefined;
  return reads.cache.read(`lookalike:account:${handleKey(handle)}`, async () => {
    const [row] = await reads.db.select().from(accounts).where(eq(accounts.handleKey, handleKey(handle))).limit(1);
    return row;
  });
}

export type ValueCheck = {
  value: string;
  kind: CheckedKind | "handle";
  verdict: HandleCheck["verdict"] | ChannelCheck["verdict"];
  target: string | null;
  reasons: (Reason | ChannelCheck["reasons"][number])[];
  /** The official account matched (official) or imitated (lookalike). */
  account: Account | null;
  /** The official channel matched. */
  channel: ChannelRow | null;
};

/** GET /v1/check: handle, e-mail, phone, URL or domain, detected from the value. */
export async function checkValue(reads: RegistryReads, value: string): Promise<ValueCheck> {
  const kind = detectValueKind(value);
  if (kind === "handle") {
    // People write handles as mentions: "@Fiverr-Care" asks about Fiverr-Care.
    const r = checkHandle(await lookalikeIndexFor(reads), value.trim().replace(/^@(?=.)/, ""));
    const row = r.target ? await accountByHandle(reads, r.target) : undefined;
    const account = row ? toAccount(row) : null;
    return { value, kind, verdict: r.verdict, target: r.target, reasons: r.reasons, account, channel: null };
  }
  const { index, rows } = await channelIndexFor(reads);
  const r = checkChannel(index, value, kind);
  const channel = r.channel?.id ? (rows.find((row) => row.id === r.channel!.id) ?? null) : null;
  // On the official domain without a registered channel: the domain is what was matched.
  const target = r.target ?? (r.channel && !r.channel.id ? r.channel.value : null);
  return { value, kind, verdict: r.verdict, target, reasons: r.reasons, account: null, channel };
}

export type ScreenResult = { handle: string; decision: "allow" | "deny"; verdict: HandleCheck["verdict"]; target: string | null; reasons: Reason[] };

/** POST /v1/handles/screen: may a user take this handle at sign-up or rename? */
export async function screenHandle(reads: RegistryReads, handle: string): Promise<ScreenResult> {
  const r = checkHandle(await lookalikeIndexFor(reads), handle);
  // Invisible and bidi characters have no place in a new handle even when it imitates nobody.
  const hidden = r.reasons.some((x) => x.rule === "bidi_control" || x.rule === "invisible_characters") || /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/u.test(handle);
  const deny = r.verdict !== "clean" || hidden;
  const reasons = r.verdict === "clean" && hidden ? [{ rule: "invisible_characters" as const, message: "contains invisible or bidirectional control characters" }] : r.reasons;
  return { handle, decision: deny ? "deny" : "allow", verdict: r.verdict, target: r.target, reasons };
}

/**
 * For badge answers about a sender who is not official: which official account the
 * sender's handle imitates, and why; null when it imitates none.
 */
export async function resemblesFor(reads: RegistryReads, handle: string): Promise<{ verdict: "lookalike" | "brand_impersonation"; target: string | null; reasons: Reason[] } | null> {
  const r = checkHandle(await lookalikeIndexFor(reads), handle);
  if (r.verdict !== "lookalike" && r.verdict !== "brand_impersonation") return null;
  return { verdict: r.verdict, target: r.target, reasons: r.reasons };
}
