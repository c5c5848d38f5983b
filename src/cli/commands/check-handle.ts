// `teammark check-handle`: JSON lines {"id","handle"} on stdin → {"id","verdict","target","reasons"}
// on stdout, against the official accounts in DATABASE_URL (the seeded default when unset).
import type { Command } from "../command.ts";
import { readJsonLines } from "../jsonl.ts";
import { loadConfig } from "../../config.ts";
import { checkHandle } from "../../lookalike/check.ts";
import { systemClock } from "../../platform/clock.ts";

export const checkHandleCommand: Command = {
  summary: "check handles (JSON lines on stdin) for lookalikes of official accounts and brand impersonation",
  usage: `teammark check-handle < handles.jsonl

Reads one JSON object per line, {"id": "...", "handle": "..."}, and writes
{"id", "verdict", "target", "reasons"} per line. verdict is official | lookalike |
brand_impersonation | clean; target is the official handle imitated.
Uses the registry at DATABASE_URL (default: the seeded embedded database).`,
  async run(_args, io) {
    const config = loadConfig(io.env);
    // The database client and the registry's tables are loaded on use: `teammark scan` and the others need none of them.
    const [{ openRegistryDatabase }, { lookalikeIndexFor }, { createRegistryCache }] = await Promise.all([
      import("../../runtime/node-deps.ts"),
      import("../../lookalike/service.ts"),
      import("../../cache/registry-cache.ts"),
    ]);
    const { db } = await openRegistryDatabase(config);
    let index;
    try {
      index = await lookalikeIndexFor({ db, cache: createRegistryCache({ db, clock: systemClock, checkEveryMs: config.cache.checkEveryMs }) });
    } finally {
      db.$client.close();
    }
    let n = 0;
    let bad = 0;
    for await (const line of readJsonLines(io.stdin)) {
      const value = line.value as { id?: unknown; handle?: unknown } | undefined;
      if (line.error || !value || typeof value !== "object" || typeof value.handle !== "string") {
        bad++;
        io.stderr.write(`${line.error ?? `line ${line.line}: expected {"id", "handle"}`}\n`);
        continue;
      }
      const r = checkHandle(index, value.handle);
      io.stdout.write(JSON.stringify({ id: value.id ?? null, verdict: r.verdict, target: r.target, reasons: r.reasons }) + "\n");
      n++;
    }
    io.stderr.write(`checked ${n} handles against ${index.handles.length} official accounts${bad ? `; ${bad} bad lines` : ""}\n`);
    return bad > 0 && n === 0 ? 1 : 0;
  },
};
