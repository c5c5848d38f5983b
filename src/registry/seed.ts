// Loads the default registry into an empty database, through the same audited
// write path as moderators use, so the audit log explains every row.
import { count } from "drizzle-orm";
import { accounts } from "../db/schema.ts";
import type { Db } from "../db/client.ts";
import type { Clock } from "../platform/clock.ts";
import { createWriteQueue, type WriteQueue } from "../platform/write-queue.ts";
import { createAccount } from "./accounts.service.ts";
import { createChannel } from "./channels.service.ts";
import { defaultRegistry, type RegistryFile } from "./seed-data.ts";

export const SEED_ACTOR = "system:seed";

export async function seedIfEmpty(
  deps: { db: Db; clock: Clock; writes?: WriteQueue },
  data: RegistryFile = defaultRegistry,
): Promise<{ seeded: boolean; accounts: number; channels: number }> {
  const [row] = await deps.db.select({ n: count() }).from(accounts);
  if ((row?.n ?? 0) > 0) return { seeded: false, accounts: 0, channels: 0 };
  const w = { db: deps.db, writes: deps.writes ?? createWriteQueue() };
  const meta = () => ({ actor: SEED_ACTOR, reason: "initial official registry", at: deps.clock.now().toISOString() });
  for (const a of data.accounts) {
    await createAccount(w, { ...a, status: "active", reason: "initial official registry" }, meta());
  }
  for (const c of data.channels) {
    await createChannel(w, { ...c, status: "active", reason: "initial official registry" }, meta());
  }
  return { seeded: true, accounts: data.accounts.length, channels: data.channels.length };
}
