// `npm run bench`: runs every benchmark suite, prints a table and writes
// bench/results.json (machine, node version, date, each figure with its unit).
// Suites live beside this file as bench/<name>.bench.ts and export
// `bench(): Promise<Figure[]>`; medians over repeated runs are the suites' job.
import { writeFileSync, readdirSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";

export type Figure = { suite?: string; name: string; value: number; unit: string; note?: string };

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const suites = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const figures: Figure[] = [];
for (const file of suites) {
  const suite = file.replace(/\.bench\.ts$/, "");
  process.stderr.write(`bench: ${suite} …\n`);
  const mod = (await import(path.join(here, file))) as { bench: () => Promise<Figure[]> };
  for (const f of await mod.bench()) figures.push({ suite, ...f });
}

const width = Math.max(10, ...figures.map((f) => `${f.suite}: ${f.name}`.length));
console.log(`${"figure".padEnd(width)}  ${"value".padStart(12)}  unit`);
for (const f of figures) {
  const v = Number.isInteger(f.value) ? String(f.value) : f.value.toPrecision(4);
  console.log(`${`${f.suite}: ${f.name}`.padEnd(width)}  ${v.padStart(12)}  ${f.unit}${f.note ? `  (${f.note})` : ""}`);
}
const results = {
  date: new Date().toISOString(),
  node: process.version,
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "unknown", memoryGiB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.arch()}` },
  figures,
};
if (only.length === 0) writeFileSync(path.join(here, "results.json"), JSON.stringify(results, null, 2) + "\n");
