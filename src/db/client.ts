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

/** Node: embedded file or remote server, chosen by the URL scheme. */
export async function openNodeDatabase(url: string, authToken?: string): Promise<Db> {
  const { createClient } = await import("@libsql/client");
  if (url.startsWith("file:")) {
    const { mkdirSync } = await import("node:fs");
    const path = await import("node:path");
    const file = url.slice("file:".length);
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const client = createClient({ url, ...(authToken ? { authToken } : {}) });
  if (url.startsWith("file:")) {
    // WAL lets readers continue while a moderator write commits.
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA busy_timeout = 5000");
  }
  return dbFromClient(client);
}
