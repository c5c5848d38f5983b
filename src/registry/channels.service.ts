// Official contact channels (support e-mail, phone, URLs, social profiles).
import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import { channels, type ChannelRow } from "../db/schema.ts";
import type { Db } from "../db/client.ts";
import { newId } from "../platform/ids.ts";
import type { WriteQueue } from "../platform/write-queue.ts";
import { normalizeChannelValue } from "../channels/normalize.ts";
import { ApiError } from "../http/problem.ts";
import { writeChange, type ChangeMeta } from "./versioned-write.ts";
import { definedOnly } from "./accounts.service.ts";
import type { ChannelCreate, ChannelUpdate } from "./schemas.ts";

type Reader = Pick<Db, "select">;

export async function findChannel(db: Reader, id: string): Promise<ChannelRow | undefined> {
  const [row] = await db.select().from(channels).where(eq(channels.id, id)).limit(1);
  return row;
}

export async function listChannels(
  db: Db,
  q: { limit: number; after?: string; kind?: ChannelRow["kind"]; status?: ChannelRow["status"] },
): Promise<{ items: ChannelRow[]; next?: string }> {
  const where: SQL[] = [];
  if (q.after !== undefined) where.push(gt(channels.id, q.after));
  if (q.kind) where.push(eq(channels.kind, q.kind));
  if (q.status) where.push(eq(channels.status, q.status));
  const rows = await db
    .select()
    .from(channels)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(channels.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  return rows.length > q.limit ? { items, next: items[items.length - 1]!.id } : { items };
}

export async function createChannel(deps: { db: Db; writes: WriteQueue }, input: ChannelCreate, meta: ChangeMeta): Promise<ChannelRow> {
  const normalizedValue = normalizeChannelValue(input.kind, input.value);
  return writeChange<ChannelRow>(deps, {
    entityType: "channel",
    action: "channel.create",
    meta,
    label: `${input.kind} channel '${input.value}'`,
    mustExist: false,
    load: async (tx) => {
      const [row] = await tx
        .select()
        .from(channels)
        .where(and(eq(channels.kind, input.kind), eq(channels.normalizedValue, normalizedValue)))
        .limit(1);
      return row;
    },
    apply: async (tx) => {
      const row: ChannelRow = {
        id: newId("chn"),
        kind: input.kind,
        value: input.value,
        normalizedValue,
        purpose: input.purpose,
        status: input.status,
        version: 1,
        createdAt: meta.at,
        updatedAt: meta.at,
      };
      await tx.insert(channels).values(row);
      return row;
    },
  });
}

export async function updateChannel(
  deps: { db: Db; writes: WriteQueue },
  id: string,
  patch: Omit<ChannelUpdate, "reason">,
  ifMatch: string,
  meta: ChangeMeta,
): Promise<ChannelRow> {
  return writeChange<ChannelRow>(deps, {
    entityType: "channel",
    action: patch.status === "retired" && Object.keys(definedOnly(patch)).length === 1 ? "channel.retire" : "channel.update",
    meta,
    label: `channel '${id}'`,
    mustExist: true,
    ifMatch,
    load: (tx) => findChannel(tx, id),
    apply: async (tx, current) => {
      const cur = current!;
      const value = patch.value ?? cur.value;
      const next: ChannelRow = {
        ...cur,
        ...definedOnly(patch),
        value,
        normalizedValue: normalizeChannelValue(cur.kind, value),
        version: cur.version + 1,
        updatedAt: meta.at,
      };
      const res = await tx
        .update(channels)
        .set(next)
        .where(and(eq(channels.id, cur.id), eq(channels.version, cur.version)));
      if (res.rowsAffected !== 1) throw new ApiError("precondition-failed", "the record changed while this update ran; read it again and retry");
      return next;
    },
  });
}
