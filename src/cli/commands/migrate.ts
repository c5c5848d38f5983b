// `teammark migrate`: applies drizzle/ migrations to DATABASE_URL (a local file
// or a remote libSQL/Turso database before a Workers deploy), optionally seeding.
import { z } from "zod";
import type { Command } from "../command.ts";
import { parseFlags } from "../args.ts";
import { loadConfig } from "../../config.ts";

const Flags = z.object({ seed: z.union([z.literal(true), z.enum(["true", "false"])]).optional() });

export const migrateCommand: Command = {
  summary: "apply database migrations (and seed an empty registry) at DATABASE_URL",
  usage: `teammark migrate [--seed false]

DATABASE_URL=libsql://… DATABASE_AUTH_TOKEN=… npx teammark migrate
Applies the SQL in drizzle/ and, unless --seed false, loads the default
official registry into an empty database.`,
  async run(args, io) {
    const flags = parseFlags(args, Flags);
    const config = loadConfig({ ...io.env, ...(flags.seed === "false" ? { SEED_ON_START: "false" } : {}) });
    io.stderr.write(`migrating ${config.databaseUrl.replace(/\/\/[^@/]*@/, "//***@")} …\n`);
    // The database client is loaded on use: `teammark scan` and the others need none of it.
    const { openRegistryDatabase } = await import("../../runtime/node-deps.ts");
    const { db, seeded } = await openRegistryDatabase(config);
    db.$client.close();
    io.stderr.write(seeded ? "migrated; seeded the default registry\n" : "migrated\n");
    return 0;
  },
};
