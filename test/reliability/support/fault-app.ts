// A test app whose database can be broken on purpose: the real Node database
// stack (guarded embedded file, migrations, seed) with a short busy timeout so
// lock tests finish quickly, and an optional wrapper around the libSQL client
// to make chosen statements fail.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import type { Client } from "@libsql/client";
import { createApp } from "../../../src/app.ts";
import { loadConfig } from "../../../src/config.ts";
import type { AppDeps } from "../../../src/deps.ts";
import { openNodeDatabase, dbFromClient, type Db } from "../../../src/db/client.ts";
import { applyMigrations } from "../../../src/db/migrate.ts";
import { seedIfEmpty } from "../../../src/registry/seed.ts";
import { loadOrCreateDevIssuer } from "../../../src/auth/dev-issuer.ts";
import { createTokenVerifier } from "../../../src/auth/token-verifier.ts";
import { systemClock } from "../../../src/platform/clock.ts";
import { memoryLogger } from "../../../src/platform/logger.ts";
import { noRateLimits } from "../../../src/ratelimit/limiter.ts";
import { createNodeKeyStore } from "../../../src/badges/node-key-file.ts";
import { retainSecondsFor } from "../../../src/badges/key-store.ts";

export type FaultApp = Awaited<ReturnType<typeof createFaultApp>>;

export async function createFaultApp(opts: { busyTimeoutMs?: number; wrapClient?: (c: Client) => Client; dir?: string; env?: Record<string, string> } = {}) {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), "teammark-fault-"));
  const file = path.join(dir, "teammark.db");
  const config = loadConfig({ DATA_DIR: dir, LOG_REQUESTS: "false", ...opts.env });
  const opened = await openNodeDatabase(`file:${file}`, undefined, { busyTimeoutMs: opts.busyTimeoutMs ?? 250 });
  await applyMigrations(opened);
  await seedIfEmpty({ db: opened, clock: systemClock });
  const db: Db = opts.wrapClient ? dbFromClient(opts.wrapClient(opened.$client)) : opened;
  const issuer = await loadOrCreateDevIssuer(dir);
  const logger = memoryLogger();
  const deps: AppDeps = {
    db,
    config,
    clock: systemClock,
    logger,
    verifyToken: createTokenVerifier({ keys: issuer.keys, issuer: config.auth.issuer, audience: config.auth.audience, clock: systemClock }),
    rateLimits: noRateLimits,
    clientAddress: () => undefined,
    badgeKeys: await createNodeKeyStore(dir, { alg: config.badges.alg, retainSeconds: retainSecondsFor(config.badges), now: systemClock.now() }),
  };
  const app = createApp(deps);
  const moderator = await issuer.mint({ sub: "fault-moderator", roles: ["moderator"], issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 3600 });

  async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await app.request(url, {
      method,
      headers: { authorization: `Bearer ${moderator}`, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  }

  /** PATCH an account with the ETag of a fresh read. */
  async function update(handle: string, patch: Record<string, unknown>) {
    const current = await call("GET", `/v1/accounts/${handle}`);
    return call("PATCH", `/v1/accounts/${handle}`, { ...patch, reason: "fault test update" }, { "if-match": current.headers.get("etag") ?? "*" });
  }

  return {
    app,
    db,
    dir,
    file,
    logger,
    /** A moderator token for this app (and any server sharing its data dir). */
    token: moderator,
    call,
    update,
    close(keepDir = false) {
      db.$client.close();
      if (!keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Another process takes the database's write lock, holds it for `ms` and lets
 * go. (libSQL waits for locks synchronously, so a holder in this process could
 * never release while the app waits.) Resolves once the lock is held.
 */
export function holdWriteLockElsewhere(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const script = `
    import { createClient } from "@libsql/client";
    const c = createClient({ url: ${JSON.stringify(`file:${file}`)} });
    const tx = await c.transaction("write");
    await tx.execute("UPDATE accounts SET team = team WHERE 0");
    process.stdout.write("locked\\n");
    setTimeout(async () => { await tx.rollback(); c.close(); }, ${ms});
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: path.resolve(import.meta.dirname, "../../.."), stdio: ["ignore", "pipe", "inherit"] });
  const released = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      if (d.toString().includes("locked")) resolve({ released });
    });
    child.once("exit", (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
}
