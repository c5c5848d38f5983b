// An embedded database file can vanish, be restored from a backup or turn
// read-only under a running server, and libSQL keeps using the handles it
// opened: after `rm` it goes on answering (and acknowledging writes) from the
// deleted inode, and a pooled connection that opened read-only stays
// read-only after the permissions come back. The guard checks the file before
// each client call (one stat) and reopens the connection pool when the file
// was replaced or a call hit a storage error, so the server answers 503 while
// the file is gone and recovers by itself when it returns (or the lock is
// released). Node only.
import { statSync } from "node:fs";
import type { Client, Transaction } from "@libsql/client";

// BUSY is here because libSQL leaves the statement that hit a lock active on
// its pooled connection; every later COMMIT there fails with "SQL statements
// in progress" until the pool is reopened.
const STORAGE_ERROR = /SQLITE_(BUSY|LOCKED|READONLY|IOERR|CANTOPEN|CORRUPT|NOTADB)/;
const GUARDED = new Set(["execute", "batch", "transaction", "executeMultiple", "migrate"]);
// The app writes only through these (registry writes are transactions).
const WRITES = new Set(["batch", "transaction", "executeMultiple", "migrate"]);

function describe(err: unknown): string {
  return err instanceof Error ? `${err.message} ${String((err as { code?: unknown }).code ?? "")}` : String(err);
}

export function guardDatabaseFile(client: Client, file: string): Client {
  const identity = () => {
    const s = statSync(file, { throwIfNoEntry: false });
    return s ? `${s.dev}:${s.ino}` : undefined;
  };
  let opened = identity();
  // Not found right after opening: a URL form whose path we do not read the
  // way libSQL does. Better unguarded than refusing every call.
  if (opened === undefined) return client;
  // Set by a storage error: the next call reopens the pool. A read may take it
  // and succeed on a connection that is still read-only, so writes keep their
  // own flag until a write has reopened the pool itself.
  let reopen = false;
  let reopenBeforeWrite = false;
  const noteFailure = (err: unknown) => {
    if (STORAGE_ERROR.test(describe(err))) reopen = reopenBeforeWrite = true;
    return err;
  };

  async function beforeCall(write: boolean): Promise<void> {
    const now = identity();
    if (now === undefined) throw Object.assign(new Error(`SQLITE_CANTOPEN: the database file ${file} is missing`), { code: "SQLITE_CANTOPEN" });
    if (now !== opened || reopen || (write && reopenBeforeWrite)) {
      opened = now;
      reopen = false;
      if (write) reopenBeforeWrite = false;
      await client.reconnect();
    }
  }

  // Errors inside a transaction (e.g. the first write after the file turned
  // read-only) must also mark the pool for reopening.
  const watchTransaction = (tx: Transaction): Transaction =>
    new Proxy(tx, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          try {
            const out = (value as (...a: unknown[]) => unknown).apply(target, args);
            return out instanceof Promise ? out.catch((err: unknown) => Promise.reject(noteFailure(err))) : out;
          } catch (err) {
            throw noteFailure(err);
          }
        };
      },
    });

  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== "function") return value;
      if (!GUARDED.has(String(prop))) return (value as (...a: unknown[]) => unknown).bind(target);
      return async (...args: unknown[]) => {
        await beforeCall(WRITES.has(String(prop)));
        try {
          const out = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          return prop === "transaction" ? watchTransaction(out as Transaction) : out;
        } catch (err) {
          throw noteFailure(err);
        }
      };
    },
  });
}
