// Where each official account sits in the badge status list. Positions are
// allocated once per account (all its badges share it, so revoking the
// account revokes every badge it holds) and persisted, so a restart or
// another instance never hands the same position to a different account.
import { eq, sql } from "drizzle-orm";
import { badgeStatusEntries } from "../db/schema.ts";
import type { Db } from "../db/client.ts";
import type { WriteQueue } from "../platform/write-queue.ts";

/** Entries per status list: 2^16 one-bit entries are 8 KiB before compression. */
export const STATUS_LIST_SIZE = 65_536;

export type StatusPosition = { listId: string; idx: number };

export function positionOf(seq: number): StatusPosition {
  return { listId: String(1 + Math.floor(seq / STATUS_LIST_SIZE)), idx: seq % STATUS_LIST_SIZE };
}

/** The account's status list position, allocating the next free one on first use. */
export async function statusSeqFor(deps: { db: Db; writes: WriteQueue }, accountId: string, at: string): Promise<number> {
  const existing = await readSeq(deps.db, accountId);
  if (existing !== undefined) return existing;
  return deps.writes(async () => {
    // One statement takes max+1 and inserts it, so two allocations cannot pick the same seq.
    await deps.db.run(
      sql`INSERT OR IGNORE INTO badge_status_entries (account_id, seq, created_at)
          SELECT ${accountId}, coalesce(max(seq) + 1, 0), ${at} FROM badge_status_entries`,
    );
    const seq = await readSeq(deps.db, accountId);
    if (seq === undefined) throw new Error(`could not allocate a status list position for ${accountId}`);
    return seq;
  });
}

async function readSeq(db: Pick<Db, "select">, accountId: string): Promise<number | undefined> {
  const [row] = await db.select({ seq: badgeStatusEntries.seq }).from(badgeStatusEntries).where(eq(badgeStatusEntries.accountId, accountId)).limit(1);
  return row?.seq;
}
