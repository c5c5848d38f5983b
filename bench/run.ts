// `npm run bench`: runs every benchmark suite, prints a table and writes
// bench/results.json (machine, node version, date, each figure with its unit).
// Suites live beside this file as bench/<name>.bench.ts and export
// `bench(): Promise<Figure[]>`; medians over repeated runs are the suites' job.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
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
// A partial run (`npm run bench -- scan`) replaces only its suites' figures, so
// results.json always holds one current figure per name; each suite says when it ran.
const resultsPath = path.join(here, "results.json");
const ranSuites = new Set(suites.map((f) => f.replace(/\.bench\.ts$/, "")));
const previous = only.length > 0 ? readPrevious(resultsPath) : undefined;
const now = new Date().toISOString();
const results = {
  date: now,
  node: process.version,
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "unknown", memoryGiB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.arch()}` },
  suites: { ...previous?.suites, ...Object.fromEntries([...ranSuites].map((s) => [s, { date: now, node: process.version }])) },
  figures: [...(previous?.figures ?? []).filter((f) => !ranSuites.has(f.suite ?? "")), ...figures],
};
writeFileSync(resultsPath, JSON.stringify(results, null, 2) + "\n");

function readPrevious(file: string): { suites?: Record<string, unknown>; figures?: Figure[] } | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}
