// Builds the lookalike index from the registry database (active official accounts)
// and the platform profile, and keeps it while the registry is unchanged.
import { eq, sql } from "drizzle-orm";
import { accounts } from "../db/schema.ts";
import type { Db } from "../db/client.ts";
import { defaultPlatform, type PlatformProfile } from "../registry/seed-data.ts";
import { buildLookalikeIndex, type LookalikeIndex } from "./handle-index.ts";

type Reader = Pick<Db, "select">;

export async function loadLookalikeIndex(db: Reader, platform: PlatformProfile = defaultPlatform): Promise<LookalikeIndex> {
  const rows = await db.select({ handle: accounts.handle }).from(accounts).where(eq(accounts.status, "active"));
  return buildLookalikeIndex(rows.map((r) => r.handle), platform);
}

/** Returns a cached index, rebuilt when the active accounts change (count or last update). */
export function cachedLookalikeIndex(platform: PlatformProfile = defaultPlatform): (db: Reader) => Promise<LookalikeIndex> {
  let cached: { stamp: string; index: LookalikeIndex } | undefined;
  return async (db) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)`, last: sql<string | null>`max(${accounts.updatedAt})`, versions: sql<number>`coalesce(sum(${accounts.version}), 0)` })
      .from(accounts)
      .where(eq(accounts.status, "active"));
    const stamp = `${row?.n}|${row?.last}|${row?.versions}`;
    if (!cached || cached.stamp !== stamp) cached = { stamp, index: await loadLookalikeIndex(db, platform) };
    return cached.index;
  };
}
