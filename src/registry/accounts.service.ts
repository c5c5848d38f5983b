// Official staff accounts: reads, and audited versioned writes.
import { and, asc, eq, gt, or, type SQL } from "drizzle-orm";
import { accounts, type AccountRow } from "../db/schema.ts";
import type { Db } from "../db/client.ts";
import { newId } from "../platform/ids.ts";
import type { WriteQueue } from "../platform/write-queue.ts";
import { ApiError } from "../http/problem.ts";
import { writeChange, type ChangeMeta } from "./versioned-write.ts";
import type { AccountCreate, AccountUpdate } from "./schemas.ts";

export type Account = Omit<AccountRow, "handleKey">;

/** Handles are compared case-insensitively and in compatibility form. */
export function handleKey(handle: string): string {
  return handle.normalize("NFKC").toLowerCase();
}

export function toAccount({ handleKey: _k, ...rest }: AccountRow): Account {
  return rest;
}

type Reader = Pick<Db, "select">;

/** By handle (any case) or by platform user id or id. */
export async function findAccount(db: Reader, ref: string): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(or(eq(accounts.handleKey, handleKey(ref)), eq(accounts.id, ref), eq(accounts.platformUserId, ref)))
    .orderBy(asc(accounts.handleKey))
    .limit(1);
  return row;
}

export async function listAccounts(
  db: Db,
  q: { limit: number; after?: string; team?: string; status?: AccountRow["status"] },
): Promise<{ items: AccountRow[]; next?: string }> {
  const where: SQL[] = [];
  if (q.after !== undefined) where.push(gt(accounts.handleKey, q.after));
  if (q.team) where.push(eq(accounts.team, q.team));
  if (q.status) where.push(eq(accounts.status, q.status));
  const rows = await db
    .select()
    .from(accounts)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(accounts.handleKey))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  return rows.length > q.limit ? { items, next: items[items.length - 1]!.handleKey } : { items };
}

export async function createAccount(deps: { db: Db; writes: WriteQueue }, input: AccountCreate, meta: ChangeMeta): Promise<AccountRow> {
  return writeChange<AccountRow>(deps, {
    entityType: "account",
    action: "account.create",
    meta,
    label: `account '${input.handle}'`,
    mustExist: false,
    load: (tx) => findExact(tx, input.handle),
    apply: async (tx) => {
      const row: AccountRow = {
        id: newId("acc"),
        platformUserId: input.platformUserId,
        handle: input.handle,
        handleKey: handleKey(input.handle),
        displayName: input.displayName ?? input.handle,
        team: input.team,
        purpose: input.purpose,
        status: input.status,
        version: 1,
        createdAt: meta.at,
        updatedAt: meta.at,
      };
      await tx.insert(accounts).values(row);
      return row;
    },
  });
}

export async function updateAccount(
  deps: { db: Db; writes: WriteQueue },
  ref: string,
  patch: Omit<AccountUpdate, "reason">,
  ifMatch: string,
  meta: ChangeMeta,
  action = "account.update",
): Promise<AccountRow> {
  return writeChange<AccountRow>(deps, {
    entityType: "account",
    action: patch.status && Object.keys(patch).length === 1 ? `account.${statusVerb(patch.status)}` : action,
    meta,
    label: `account '${ref}'`,
    mustExist: true,
    ifMatch,
    load: (tx) => findAccount(tx, ref),
    apply: async (tx, current) => {
      const cur = current!;
      const next: AccountRow = {
        ...cur,
        ...definedOnly(patch),
        handleKey: handleKey(patch.handle ?? cur.handle),
        version: cur.version + 1,
        updatedAt: meta.at,
      };
      // The version check in WHERE makes a lost update impossible even if two
      // writers get past the If-Match check in different processes.
      const res = await tx
        .update(accounts)
        .set(next)
        .where(and(eq(accounts.id, cur.id), eq(accounts.version, cur.version)));
      if (res.rowsAffected !== 1) throw new ApiError("precondition-failed", "the record changed while this update ran; read it again and retry");
      return next;
    },
  });
}

function statusVerb(status: AccountRow["status"]): string {
  return status === "active" ? "reactivate" : status === "suspended" ? "suspend" : "retire";
}

async function findExact(db: Reader, handle: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.handleKey, handleKey(handle))).limit(1);
  return row;
}

export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
