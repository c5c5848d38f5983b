// A teammark Node server in its own process, on loopback, for the HTTP bench
// and the load script. A separate process keeps the load generator from
// competing with the server for the same event loop, and lets the parent read
// the server's own memory use.
//
// Parent side: startServerProcess(). Child side: this file run directly; it
// builds the real app on a fresh data dir (migrated, seeded, request logging
// off) and, for the bench only, serves a bare Hono route beside it on the same
// server so the app's cost can be stated as a ratio to the framework's floor.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const BARE_PATH = "/__bench/bare";

export type ServerProcess = {
  url: string;
  /** The server's data dir (its dev token issuer key lives here). */
  dataDir: string;
  /** The server's resident set size in bytes (after a full GC when `gc` is set). */
  rss(opts?: { gc?: boolean }): Promise<number>;
  /** The server's memory breakdown in bytes (rss, V8 heap in use, external), after a full GC when `gc` is set. */
  memory(opts?: { gc?: boolean }): Promise<Memory>;
  /** True while the server process is alive (a crash shows up here). */
  alive(): boolean;
  close(): Promise<void>;
};

export type Memory = { rss: number; heapUsed: number; external: number };
type ChildMessage = { type: "ready"; url: string } | ({ type: "rss"; id: number } & Memory);

export async function startServerProcess(opts: { bareRoute?: boolean; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "teammark-bench-"));
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    execPath: process.execPath,
    execArgv: ["--expose-gc"],
    // Empty values count as unset: a developer's own DATABASE_URL or JWKS must not leak in.
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", AUTH_JWKS_URL: "", AUTH_ISSUER: "", AUTH_AUDIENCE: "", PUBLIC_URL: "", PORT: "0", HOST: "127.0.0.1", LOG_REQUESTS: "false", BENCH_BARE_ROUTE: opts.bareRoute ? "1" : "", ...opts.env },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  let exited = false;
  child.once("exit", () => (exited = true));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("bench server did not start within 30 s")), 30_000);
    child.on("message", (m: ChildMessage) => {
      if (m.type === "ready") {
        clearTimeout(timer);
        resolve(m.url);
      }
    });
    child.once("exit", (code) => reject(new Error(`bench server exited with code ${code}`)));
  });
  let nextId = 0;
  const memory = ({ gc = false } = {}) =>
    new Promise<Memory>((resolve) => {
      const id = ++nextId;
      const onMessage = (m: ChildMessage) => {
        if (m.type === "rss" && m.id === id) {
          child.off("message", onMessage);
          resolve({ rss: m.rss, heapUsed: m.heapUsed, external: m.external });
        }
      };
      child.on("message", onMessage);
      child.send({ type: "rss", id, gc });
    });
  return {
    url,
    dataDir,
    alive: () => !exited,
    rss: async (o) => (await memory(o)).rss,
    memory,
    close: async () => {
      if (!exited) {
        const gone = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await gone;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function runChild(): Promise<void> {
  const { serve } = await import("@hono/node-server");
  const { Hono } = await import("hono");
  const { loadConfig } = await import("../../src/config.ts");
  const { buildNodeDeps } = await import("../../src/runtime/node-deps.ts");
  const { createApp } = await import("../../src/app.ts");
  const { silentLogger } = await import("../../src/platform/logger.ts");

  const config = loadConfig(process.env);
  const deps = await buildNodeDeps(config, { logger: silentLogger });
  const app = createApp(deps);
  // The floor: the same framework answering a tiny JSON body with no
  // middleware, no validation and no database.
  const bare = new Hono().get(BARE_PATH, (c) => c.json({ ok: true }));
  const withBare = process.env.BENCH_BARE_ROUTE === "1";
  const fetch = withBare
    ? (req: Request, env?: unknown) => (req.url.endsWith(BARE_PATH) ? bare.fetch(req) : app.fetch(req, env as never))
    : app.fetch;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  process.on("message", (m: { type: string; id: number; gc?: boolean }) => {
    if (m.type !== "rss") return;
    if (m.gc) (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, external } = process.memoryUsage();
    process.send?.({ type: "rss", id: m.id, rss, heapUsed, external });
  });
  const stop = () => server.close(() => (deps.db.$client.close(), process.exit(0)));
  process.once("SIGTERM", stop);
  process.once("disconnect", stop);
  process.send?.({ type: "ready", url: `http://${config.host}:${port}` });
}

if (import.meta.main) await runChild();
