// Per-app state handed to every handler as c.var.ctx: the injected deps plus
// things built once from them (the write queue, the registry read cache). One
// per createApp call, so two apps in one process (tests, several Workers envs)
// never share cached answers.
import type { AppDeps } from "./deps.ts";
import type { WriteQueue } from "./platform/write-queue.ts";
import type { Db } from "./db/client.ts";
import type { RegistryCache } from "./cache/registry-cache.ts";
import type { BadgeCache } from "./badges/badge-cache.ts";
import type { Scanner } from "./scan/scanner.ts";

export type AppContext = {
  deps: AppDeps;
  /** deps.db, repeated so services can take { db, writes } from ctx directly. */
  db: Db;
  writes: WriteQueue;
  /** Registry, lookalike and badge reads, keyed by the registry version. */
  cache: RegistryCache;
  /** Badge answers and status list positions already worked out (cleared by registry writes). */
  badges: BadgeCache;
  /** The message scanner, compiled from the lexicons on first use (one per app). */
  scanner: () => Scanner;
};
