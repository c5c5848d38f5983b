// Opens the registry database. The same drizzle API sits on an embedded libSQL
// file (Node default), a libSQL server / Turso over HTTP, or — in Workers — the
// web client, so services never know which one they talk to.
import type { Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { schema } from "./schema.ts";

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

export function dbFromClient(client: Client): Db {
  return drizzle(client, { schema }) as Db;
}

/**
 * Node: embedded file or remote server, chosen by the URL scheme. With
 * `syncUrl` the file is an embedded replica of that libSQL server: reads are
 * local, writes go to the server, and the replica pulls changes every
 * `syncIntervalS` seconds (and right after its own writes).
 */
export async function openNodeDatabase(
  url: string,
  authToken?: string,
  opts: { busyTimeoutMs?: number; syncUrl?: string; syncIntervalS?: number } = {},
): Promise<Db> {
  const { createClient } = await import("@libsql/client");
  if (opts.syncUrl) return openEmbeddedReplica(createClient, url, opts.syncUrl, authToken, opts.syncIntervalS);
  const busyTimeoutMs = opts.busyTimeoutMs ?? 5000;
  const file = url.startsWith("file:") ? url.slice("file:".length) : undefined;
  if (file !== undefined) {
    const { mkdirSync } = await import("node:fs");
    const path = await import("node:path");
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  // `timeout` sets the busy timeout on every pooled connection; a PRAGMA would
  // reach only the one connection that ran it.
  const client = createClient({ url, ...(authToken ? { authToken } : {}), ...(file !== undefined ? { timeout: busyTimeoutMs } : {}) });
  if (file !== undefined) {
    // WAL lets readers continue while a moderator write commits.
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute(`PRAGMA busy_timeout = ${Math.floor(busyTimeoutMs)}`);
  }
  if (file === undefined || file === ":memory:") return dbFromClient(client);
  const { guardDatabaseFile } = await import("./file-guard.ts");
  return dbFromClient(guardDatabaseFile(client, file));
}

async function openEmbeddedReplica(
  createClient: typeof import("@libsql/client").createClient,
  url: string,
  syncUrl: string,
  authToken: string | undefined,
  syncIntervalS = 1,
): Promise<Db> {
  if (!url.startsWith("file:")) throw new Error("an embedded replica needs a file: DATABASE_URL beside DATABASE_SYNC_URL");
  const { mkdirSync } = await import("node:fs");
  const path = await import("node:path");
  mkdirSync(path.dirname(path.resolve(url.slice("file:".length))), { recursive: true });
  // No WAL pragma and no file guard here: the replica's file and WAL belong to libSQL's sync machinery.
  const client = createClient({ url, syncUrl, syncInterval: syncIntervalS, readYourWrites: true, ...(authToken ? { authToken } : {}) });
  await client.sync();
  return dbFromClient(client);
}
