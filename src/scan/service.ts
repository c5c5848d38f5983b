// Scanning for the API: the sender's official status comes from the registry (an active
// official account with that platform user id or handle), then the pure scanner runs.
import { and, eq, or } from "drizzle-orm";
import { accounts } from "../db/schema.ts";
import type { Db } from "../db/client.ts";
import { handleKey } from "../registry/accounts.service.ts";
import { ApiError } from "../http/problem.ts";
import type { Scanner } from "./scanner.ts";
import type { ScanResult } from "./types.ts";
import { MAX_SCAN_TEXT_BYTES } from "./limits.ts";

type Reader = Pick<Db, "select">;
export type SenderRef = { userId?: string | undefined; handle?: string | undefined };
export type ScanRequest = { text: string; sender: SenderRef; readerLang?: string | undefined };
export type ScanAnswer = ScanResult & { sender: { official: boolean; handle: string | null } };

/** The active official account the sender reference names, if any. */
export async function resolveSender(db: Reader, ref: SenderRef): Promise<{ official: boolean; handle: string | null }> {
  const match = [
    ...(ref.userId ? [eq(accounts.platformUserId, ref.userId)] : []),
    ...(ref.handle ? [eq(accounts.handleKey, handleKey(ref.handle))] : []),
  ];
  if (match.length === 0) return { official: false, handle: ref.handle ?? null };
  const [row] = await db
    .select({ handle: accounts.handle })
    .from(accounts)
    .where(and(eq(accounts.status, "active"), or(...match)))
    .limit(1);
  return row ? { official: true, handle: row.handle } : { official: false, handle: ref.handle ?? null };
}

const encoder = new TextEncoder();

/** 413 for a text over the per-message limit (index names the message in a batch). */
export function checkTextSize(text: string, index?: number): void {
  const bytes = encoder.encode(text).length;
  if (bytes > MAX_SCAN_TEXT_BYTES) {
    const which = index === undefined ? "text" : `messages[${index}].text`;
    throw new ApiError("payload-too-large", `${which} is ${bytes} bytes; messages are limited to ${MAX_SCAN_TEXT_BYTES} bytes (UTF-8)`);
  }
}

export async function scanMessage(db: Reader, scanner: Scanner, req: ScanRequest): Promise<ScanAnswer> {
  const sender = await resolveSender(db, req.sender);
  const result = scanner.scan(req.text, { senderOfficial: sender.official, ...(sender.handle ? { senderHandle: sender.handle } : {}), ...(req.readerLang ? { readerLang: req.readerLang } : {}) });
  return { ...result, sender };
}
