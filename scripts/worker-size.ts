// Reads the Worker's size from wrangler's own report: `wrangler deploy
// --dry-run` says "Total Upload: X KiB / gzip: Y KiB", `wrangler check startup`
// says "Bundle: X KiB / gzip: Y KiB". Shared by `npm run build:worker` and the
// edge bench, so both state the size the same way wrangler uploads it.
export type WorkerSize = { rawKiB: number; gzipKiB: number };

export function parseWorkerSize(wranglerOutput: string): WorkerSize | undefined {
  const m = /(?:Total Upload|Bundle):\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(wranglerOutput);
  return m ? { rawKiB: Number(m[1]), gzipKiB: Number(m[2]) } : undefined;
}
