// The registry version counter (table registry_version, one row): read by the
// cache to learn whether anything changed, bumped by every audited write inside
// its own transaction so the change and the new number commit together.
import { eq, sql } from "drizzle-orm";
import { registryVersion } from "../db/schema.ts";
import type { Db } from "../db/client.ts";

type Reader = Pick<Db, "select">;
type Writer = Pick<Db, "update">;

export async function readRegistryVersion(db: Reader): Promise<number> {
  const [row] = await db.select({ version: registryVersion.version }).from(registryVersion).where(eq(registryVersion.id, 1)).limit(1);
  return row?.version ?? 0;
}

export async function bumpRegistryVersion(tx: Writer): Promise<void> {
  await tx
    .update(registryVersion)
    .set({ version: sql`${registryVersion.version} + 1` })
    .where(eq(registryVersion.id, 1));
}
