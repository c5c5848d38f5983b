// The one way registry rows change: inside a write transaction, check the
// caller's If-Match against the stored version, write the row with version+1,
// append the audit event and bump the registry version (which tells every
// instance's cache that its answers are old). All of it commits or none does.
import type { Db } from "../db/client.ts";
import { appendAuditEvent, type DbOrTx } from "../audit/service.ts";
import { ApiError } from "../http/problem.ts";
import { assertMatches } from "../http/etag.ts";
import type { WriteQueue } from "../platform/write-queue.ts";
import type { RegistryCache } from "../cache/registry-cache.ts";
import { bumpRegistryVersion } from "../cache/registry-version.ts";

export type Versioned = { id: string; version: number };
export type ChangeMeta = { actor: string; reason: string; at: string };

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export async function writeChange<T extends Versioned>(
  deps: { db: Db; writes: WriteQueue; cache?: RegistryCache },
  change: {
    entityType: string;
    action: string;
    meta: ChangeMeta;
    /** Current row, or undefined for a create. */
    load: (tx: Tx) => Promise<T | undefined>;
    /** Required for updates: the ETag the caller last read. */
    ifMatch?: string;
    /** Writes the change and returns the row as stored. */
    apply: (tx: Tx, current: T | undefined) => Promise<T>;
    /** Entity label for errors ("account 'Fiverr-Care'"). */
    label: string;
    mustExist: boolean;
  },
): Promise<T> {
  // While the database is known to be unreachable, refuse at once (503) rather
  // than queue writes behind connection attempts.
  await deps.cache?.assertAvailable();
  return deps.writes(() =>
    deps.db
      .transaction(async (tx) => {
        const current = await change.load(tx);
        if (change.mustExist && !current) throw new ApiError("not-found", `${change.label} does not exist`);
        if (!change.mustExist && current) throw new ApiError("conflict", `${change.label} already exists`);
        if (current && change.ifMatch !== undefined) assertMatches(current, change.ifMatch);
        const next = await change.apply(tx, current);
        await appendAuditEvent(tx as unknown as DbOrTx, {
          at: change.meta.at,
          actor: change.meta.actor,
          action: change.action,
          entityType: change.entityType,
          entityId: next.id,
          before: current ?? null,
          after: next,
          reason: change.meta.reason,
        });
        await bumpRegistryVersion(tx as unknown as Db);
        return next;
      })
      .then(
        (next) => {
          deps.cache?.invalidate();
          return next;
        },
        (err: unknown) => {
          // A commit cut off by the network may still have landed: re-check.
          deps.cache?.invalidate();
          throw translateDbError(err, change.label);
        },
      ),
  );
}

/** Unique-constraint failures become 409s; everything else passes through. */
export function translateDbError(err: unknown, label: string): unknown {
  if (err instanceof ApiError) return err;
  const text = errorText(err);
  if (/UNIQUE constraint failed/i.test(text)) {
    const column = /UNIQUE constraint failed: \w+\.(\w+)/.exec(text)?.[1] ?? "value";
    return new ApiError("conflict", `${label}: another record already uses this ${column.replace(/_/g, " ")}`);
  }
  return err;
}

export function errorText(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof Error) parts.push(e.message, String((e as { code?: unknown }).code ?? ""));
  }
  return parts.join(" | ");
}
