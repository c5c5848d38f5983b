// The Cloudflare Worker's cold-start costs: bundle size (raw and gzipped, as
// wrangler uploads it), module start-up CPU time measured by
// `wrangler check startup` in a local workerd (median of several runs), and the
// first request an isolate serves, which also builds the app (routes, OpenAPI
// registry, router) — measured in Node on fresh app instances.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import type { Figure } from "./run.ts";
import { parseWorkerSize } from "../scripts/worker-size.ts";

const STARTUP_RUNS = Number(process.env.BENCH_EDGE_RUNS ?? 5);
const FIRST_REQUEST_RUNS = 15;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const run = promisify(execFile);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function checkStartup(outDir: string, i: number): Promise<{ rawKiB: number; gzipKiB: number; activeMs: number }> {
  // Through this Node (24), not whatever `node` the shebang would find first on PATH.
  const wrangler = path.join(root, "node_modules", "wrangler", "bin", "wrangler.js");
  const { stdout, stderr } = await run(process.execPath, [wrangler, "check", "startup", "--outfile", path.join(outDir, `startup-${i}.cpuprofile`)], {
    cwd: root,
    env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}`, WRANGLER_SEND_METRICS: "false", CI: "1" },
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const text = stdout + stderr;
  const bundle = parseWorkerSize(text);
  const active = /Active:\s*([\d.]+)\s*ms/.exec(text);
  if (!bundle || !active) throw new Error(`could not read \`wrangler check startup\` output:\n${text.slice(-800)}`);
  return { ...bundle, activeMs: Number(active[1]) };
}

/** Build a Worker app as an isolate would and serve its first request (no database touched). */
async function firstRequestMs(): Promise<number[]> {
  const { buildWorkerApp } = await import("../src/worker.ts");
  const times: number[] = [];
  for (let i = 0; i < FIRST_REQUEST_RUNS + 2; i++) {
    const started = performance.now();
    const app = buildWorkerApp({ LIBSQL_URL: "http://127.0.0.1:9", LOG_REQUESTS: "false" });
    const res = await app.request("/healthz");
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`first request answered ${res.status}`);
    if (i >= 2) times.push(performance.now() - started); // the first two also pay for JIT warm-up of shared code
  }
  return times;
}

export async function bench(): Promise<Figure[]> {
  const outDir = mkdtempSync(path.join(tmpdir(), "teammark-edge-"));
  try {
    const runs = [];
    for (let i = 0; i < STARTUP_RUNS; i++) runs.push(await checkStartup(outDir, i));
    const first = await firstRequestMs();
    return [
      { name: "Worker bundle size", value: runs[0]!.rawKiB, unit: "KiB", note: "wrangler's upload size (minify = true in wrangler.toml)" },
      { name: "Worker bundle size gzipped", value: runs[0]!.gzipKiB, unit: "KiB", note: "as wrangler reports it; Workers allow 3 MB compressed (free) or 10 MB (paid)" },
      { name: "Worker module start-up CPU", value: median(runs.map((r) => r.activeMs)), unit: "ms", note: `median of ${STARTUP_RUNS} \`wrangler check startup\` runs in local workerd` },
      { name: "first request of a fresh app (build + /healthz)", value: Math.round(median(first) * 100) / 100, unit: "ms", note: `Node, median of ${FIRST_REQUEST_RUNS}` },
    ];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
