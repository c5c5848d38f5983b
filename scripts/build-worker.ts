// `npm run build:worker`: bundles the Worker exactly as `wrangler deploy` would
// (--dry-run, nothing is uploaded) into dist/, and prints its size, raw and
// gzipped, against the 250 KiB gzip aim.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { parseWorkerSize } from "./worker-size.ts";

const AIM_GZIP_KIB = 250;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const wrangler = path.join(root, "node_modules", "wrangler", "bin", "wrangler.js");

const { stdout, stderr } = await promisify(execFile)(process.execPath, [wrangler, "deploy", "--dry-run", "--outdir", "dist"], {
  cwd: root,
  env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", CI: "1" },
  maxBuffer: 16 * 1024 * 1024,
  timeout: 180_000,
});
const size = parseWorkerSize(stdout + stderr);
if (!size) {
  console.error(`could not read the bundle size from wrangler:\n${(stdout + stderr).slice(-800)}`);
  process.exit(1);
}
console.log(`dist/worker.js: ${size.rawKiB} KiB, gzip ${size.gzipKiB} KiB (aim ≤ ${AIM_GZIP_KIB} KiB gzip${size.gzipKiB > AIM_GZIP_KIB ? ": over" : ""})`);
