// Handle checks against 1 000 / 10 000 / 100 000 generated official handles:
// p50/p99 per check of checkHandle (exact-key map + one-deletion SymSpell index),
// next to a naive peer (unhomoglyph + lower case, then a Levenshtein loop over
// every official handle). Queries mix ordinary handles, lookalikes of official
// ones and brand+role names. Figures are medians over repeated runs.
import v8 from "node:v8";
import vm from "node:vm";
import unhomoglyph from "unhomoglyph";
import type { Figure } from "./run.ts";
import { buildLookalikeIndex, checkHandle, damerauLevenshtein } from "../src/lookalike/index.ts";

const RUNS = Number(process.env.BENCH_LOOKALIKE_RUNS ?? 9);
const QUERIES = 4000;
const SIZES = [1_000, 10_000, 100_000];

const FIRST = ["anna", "maria", "omar", "chen", "yuki", "lena", "ivan", "sara", "tom", "arjun", "kwame", "ines", "pavel", "noa", "amir", "laura", "sven", "baiba", "elena", "marek", "jose", "fatima", "li", "hana", "david", "olga", "raj", "zoe", "max", "nina"];
const LAST = ["smith", "nowak", "haddad", "wei", "sato", "schmidt", "petrov", "ruiz", "mehta", "asante", "dupont", "novak", "levi", "rahimi", "mendes", "larsen", "kalnina", "popescu", "kowalski", "garcia", "kim", "tanaka", "cohen", "silva", "berg", "rossi", "ali", "jones", "khan", "ito"];
const WORDS = ["design", "studio", "media", "video", "audio", "pixel", "logo", "voice", "code", "web", "art", "photo", "edit", "writer", "ux", "dev", "seo", "brand", "ads", "social", "updates", "care", "team", "ops", "growth", "editorial", "picks", "comms", "marcom", "data"];
const SEPS = ["_", ".", "-", ""];
const HOMOGLYPHS: Record<string, string> = { a: "\u0430", e: "\u0435", o: "\u043E", i: "\u0456", c: "\u0441", p: "\u0440", s: "\u0455", x: "\u0445", y: "\u0443" };

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

function generateOfficials(n: number, rand: () => number): string[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    const shape = rand();
    const h =
      shape < 0.4 ? `${pick(FIRST)}${pick(SEPS)}${pick(LAST)}${rand() < 0.3 ? Math.floor(rand() * 1000) : ""}`
      : shape < 0.8 ? `${pick(WORDS)}${pick(SEPS)}${pick(WORDS)}${pick(SEPS)}${pick(FIRST)}${rand() < 0.5 ? Math.floor(rand() * 100) : ""}`
      : `${pick(LAST)}${pick(SEPS)}${pick(WORDS)}${Math.floor(rand() * 10000)}`;
    if (!seen.has(h.toLowerCase())) {
      seen.add(h.toLowerCase());
      out.push(h);
    }
  }
  return out;
}

function mutate(h: string, rand: () => number): string {
  const chars = Array.from(h);
  const i = Math.floor(rand() * chars.length);
  const kind = Math.floor(rand() * 5);
  if (kind === 0) chars[i] = HOMOGLYPHS[chars[i]!] ?? chars[i]!;
  else if (kind === 1) chars.splice(i, 1);
  else if (kind === 2) chars.splice(i, 0, "\u200B");
  else if (kind === 3 && i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
  else return `real_${h}`;
  return chars.join("");
}

function queries(officials: string[], rand: () => number): string[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: string[] = [];
  for (let q = 0; q < QUERIES; q++) {
    const r = rand();
    if (r < 0.5) out.push(`${pick(WORDS)}_${pick(FIRST)}${pick(SEPS)}${pick(LAST)}${Math.floor(rand() * 100)}`);
    else if (r < 0.85) out.push(mutate(pick(officials), rand));
    else out.push(`${pick(["fiverr", "flverr", "fiv3rr", "Fiverr"])}${pick(SEPS)}${pick(["support", "help_desk", "billing", "поддержка", "care_team", "designs"])}`);
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function timeEach(qs: string[], check: (q: string) => unknown): { p50: number; p99: number } {
  const times: number[] = [];
  for (const q of qs) {
    const t0 = process.hrtime.bigint();
    check(q);
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

// Collect the bench's own garbage (earlier indexes, the naive peer's arrays) before a timed
// run, so a major GC of it does not land inside one check; the checks' own garbage still counts.
v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function naivePeer(officials: string[]) {
  const folded = officials.map((h) => unhomoglyph(h.toLowerCase()).toLowerCase());
  return (q: string) => {
    const f = unhomoglyph(q.toLowerCase()).toLowerCase();
    let best = -1;
    for (let i = 0; i < folded.length; i++) if (damerauLevenshtein(f, folded[i]!, 2) <= 2) { best = i; break; }
    return best;
  };
}

export async function bench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  {
    // Warm the JIT once on a throw-away index so the first size is not measured cold.
    const rand = rng(7);
    const officials = generateOfficials(2000, rand);
    const index = buildLookalikeIndex(officials, { brandWords: ["fiverr"] });
    for (let w = 0; w < 10; w++) for (const q of queries(officials, rand)) checkHandle(index, q);
  }
  for (const size of SIZES) {
    const rand = rng(size);
    const officials = generateOfficials(size, rand);
    const qs = queries(officials, rand);
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const index = buildLookalikeIndex(officials, { brandWords: ["fiverr"], domains: ["fiverr.com"] });
    const buildMs = performance.now() - t0;
    const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    for (let w = 0; w < 3; w++) for (const q of qs) checkHandle(index, q); // warm up: let the JIT settle
    const p50s: number[] = [];
    const p99s: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      collect();
      const t = timeEach(qs, (q) => checkHandle(index, q));
      p50s.push(t.p50);
      p99s.push(t.p99);
    }
    const flagged = qs.filter((q) => checkHandle(index, q).verdict !== "clean").length;
    figures.push({ name: `checkHandle p50, ${size} official`, value: median(p50s), unit: "µs" });
    figures.push({ name: `checkHandle p99, ${size} official`, value: median(p99s), unit: "µs", note: size === 100_000 ? "target ≤ 50 µs" : undefined });
    figures.push({ name: `index build, ${size} official`, value: Math.round(buildMs), unit: "ms", note: `~${heapMiB.toFixed(0)} MiB heap; ${flagged}/${qs.length} queries flagged` });
    // The naive peer scans every official handle per query: fewer queries, same mix.
    const naive = naivePeer(officials);
    const nq = qs.slice(0, Math.max(50, Math.floor(200_000 / size)));
    const np50: number[] = [];
    const np99: number[] = [];
    for (let r = 0; r < Math.min(RUNS, 3); r++) {
      const t = timeEach(nq, naive);
      np50.push(t.p50);
      np99.push(t.p99);
    }
    figures.push({ name: `naive unhomoglyph+Levenshtein p50, ${size} official`, value: median(np50), unit: "µs" });
    figures.push({ name: `naive unhomoglyph+Levenshtein p99, ${size} official`, value: median(np99), unit: "µs" });
  }
  return figures;
}
