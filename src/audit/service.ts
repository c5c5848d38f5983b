// Writing and reading the audit log. appendAuditEvent runs inside the caller's
// transaction, so a registry change and its event commit together or not at all.
import { desc, asc, gt, lt } from "drizzle-orm";
import { auditEvents, type AuditEventRow } from "../db/schema.ts";
import type { Db } from "../db/client.ts";
import { GENESIS_HASH, eventHash, verifyEvents, type ChainBreak } from "./chain.ts";
import { newId } from "../platform/ids.ts";

/** A drizzle database or transaction (both expose the query builder). */
export type DbOrTx = Pick<Db, "select" | "insert" | "update" | "delete">;

export type AuditInput = {
  at: string;
  actor: string;
  action: string;
  entityType: "account" | "channel" | (string & {});
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string;
};

export async function appendAuditEvent(tx: DbOrTx, input: AuditInput): Promise<AuditEventRow> {
  const [last] = await tx.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  const event = {
    seq: (last?.seq ?? 0) + 1,
    id: newId("evt"),
    ...input,
    before: input.before ?? null,
    after: input.after ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const row = { ...event, hash: await eventHash(event) };
  await tx.insert(auditEvents).values(row);
  return row;
}

export async function listAuditEvents(db: Db, opts: { limit: number; before?: number }): Promise<AuditEventRow[]> {
  const q = db.select().from(auditEvents);
  return (opts.before !== undefined ? q.where(lt(auditEvents.seq, opts.before)) : q).orderBy(desc(auditEvents.seq)).limit(opts.limit);
}

/** The highest event number: bumps on every registry write (a cheap registry version). */
export async function lastAuditSeq(db: Db): Promise<number> {
  const [last] = await db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  return last?.seq ?? 0;
}

export type ChainReport = { intact: true; events: number; headHash: string } | { intact: false; events: number; firstBroken: ChainBreak };

/** Recomputes the whole chain page by page (bounded memory on long logs). */
export async function verifyAuditChain(db: Db, pageSize = 500): Promise<ChainReport> {
  let cursor = { prevHash: GENESIS_HASH, prevSeq: 0 };
  let total = 0;
  for (;;) {
    const page = await db.select().from(auditEvents).where(gt(auditEvents.seq, cursor.prevSeq)).orderBy(asc(auditEvents.seq)).limit(pageSize);
    if (page.length === 0) break;
    const result = await verifyEvents(page, cursor);
    total += result.checked;
    if (!result.ok) return { intact: false, events: total, firstBroken: result.broken };
    cursor = result.last;
    if (page.length < pageSize) break;
  }
  return { intact: true, events: total, headHash: cursor.prevHash };
}
