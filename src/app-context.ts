// Per-app state handed to every handler as c.var.ctx: the injected deps plus
// things built once from them (the write queue). One per createApp call.
import type { AppDeps } from "./deps.ts";
import type { WriteQueue } from "./platform/write-queue.ts";
import type { Db } from "./db/client.ts";
import type { Scanner } from "./scan/scanner.ts";

export type AppContext = {
  deps: AppDeps;
  /** deps.db, repeated so services can take { db, writes } from ctx directly. */
  db: Db;
  writes: WriteQueue;
  /** The message scanner, compiled from the lexicons on first use (one per app). */
  scanner: () => Scanner;
};
