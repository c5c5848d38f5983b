// Message scanning speed (issue 8 item 1): throughput in MB/s and p50/p99 per message for
// chat-sized (~200 B), 2 KB and 16 KB messages, on the dev corpus (when it is at hand:
// BENCH_SCAN_CORPUS or ../shared/eval/messages.dev.jsonl) and on generated text; growth with
// text length and with lexicon size; and, in the same run, three single-purpose peers on the
// same messages (libphonenumber-js findNumbers, linkifyjs find, the obscenity matcher), whose
// summed cost teammark's whole scan is compared with. Figures are medians over repeated runs.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { findNumbers } from "libphonenumber-js";
import * as linkify from "linkifyjs";
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from "obscenity";
import type { Figure } from "./run.ts";
import { createScanner, type Scanner } from "../src/scan/scanner.ts";
import { lexiconFiles } from "../src/scan/lexicons/index.ts";

const RUNS = Number(process.env.BENCH_SCAN_RUNS ?? 7);
const here = path.dirname(fileURLToPath(import.meta.url));
const encoder = new TextEncoder();

v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

function corpusTexts(): { texts: string[]; source: string } | undefined {
  const candidates = [process.env.BENCH_SCAN_CORPUS, path.resolve(here, "../../shared/eval/messages.dev.jsonl")].filter((p): p is string => !!p);
  const file = candidates.find((p) => existsSync(p));
  if (!file) return undefined;
  const texts = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  return { texts, source: path.basename(file) };
}

/** Chat-like text in several scripts: ordinary words with lures, numbers, links and obfuscation mixed in. */
function generatedTexts(n: number, bytes: number, seed: number): string[] {
  const rand = rng(seed);
  const words = [
    "thanks", "logo", "draft", "revision", "delivery", "tomorrow", "colour", "font", "order", "great", "please", "send", "files", "zip", "version",
    "Danke", "Lieferung", "paldies", "pasūtījums", "شكرا", "التسليم", "תודה", "משלוח", "спасибо", "заказ", "gracias", "entrega", "谢谢", "ありがとう", "धन्यवाद",
    "whatsapp", "wh@ts@pp", "+44 7700 900123", "fiverr-verify.co/login", "https://www.fiverr.com/support", "paypal", "password", "P a s s w o r t", "anydesk",
    "DE89 3704 0044 0532 0130 00", "4111 1111 1111 1111", "FO4412 7700 9015", "21.03.2025", "$140", "3000x3000", "Fіverr", "t.me/x", "bit.ly/3x", "code", "🙂",
  ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = "";
    while (encoder.encode(s).length < bytes) s += words[Math.floor(rand() * words.length)]! + (rand() < 0.1 ? ". " : " ");
    out.push(s);
  }
  return out;
}

/** Texts of about `bytes` UTF-8 bytes made by joining corpus lines (so the language mix stays real). */
function joined(texts: string[], bytes: number, n: number, seed: number): string[] {
  const rand = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = "";
    while (encoder.encode(s).length < bytes) s += texts[Math.floor(rand() * texts.length)]! + "\n";
    out.push(s);
  }
  return out;
}

type Timing = { p50: number; p99: number; mbPerS: number };

function time(texts: string[], fn: (t: string) => unknown, minTotalMs = 250): Timing {
  const bytes = texts.reduce((n, t) => n + encoder.encode(t).length, 0);
  const p50s: number[] = [];
  const p99s: number[] = [];
  const rates: number[] = [];
  for (let w = 0; w < 2; w++) for (const t of texts) fn(t); // warm up the JIT
  for (let r = 0; r < RUNS; r++) {
    collect();
    const each: number[] = [];
    let total = 0;
    let processed = 0;
    do {
      for (const t of texts) {
        const t0 = performance.now();
        fn(t);
        const dt = performance.now() - t0;
        each.push(dt);
        total += dt;
      }
      processed += bytes;
    } while (total < minTotalMs);
    each.sort((a, b) => a - b);
    p50s.push(percentile(each, 0.5));
    p99s.push(percentile(each, 0.99));
    rates.push(processed / 1e6 / (total / 1000));
  }
  return { p50: median(p50s), p99: median(p99s), mbPerS: median(rates) };
}

function peers() {
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return {
    "libphonenumber-js findNumbers": (t: string) => findNumbers(t, { v2: true }),
    "linkifyjs find": (t: string) => linkify.find(t),
    "obscenity matcher": (t: string) => matcher.getAllMatches(t),
  };
}

/** A lexicon set with `extra` made-up terms per concept, to show the scan does not slow down with more terms. */
function inflated(factor: number): Record<string, unknown> {
  if (factor === 1) return lexiconFiles;
  const rand = rng(factor);
  const letters = "abcdefghijklmnopqrstuvwxyzāčēšžабвгдежзийклмнопрстуфхцчшщыэюя";
  const word = () => Array.from({ length: 4 + Math.floor(rand() * 8) }, () => letters[Math.floor(rand() * letters.length)]).join("");
  const out: Record<string, unknown> = { ...lexiconFiles };
  for (let k = 1; k < factor; k++) {
    const concepts: Record<string, string[]> = {};
    for (const c of ["contact_verb", "secret", "pay_method", "ask_verb", "staff_role", "negation", "topic_build"]) concepts[c] = Array.from({ length: 300 }, () => `${word()} ${word()}`);
    out[`zz${k}.json`] = { lang: `z${String.fromCharCode(97 + (k % 26))}`, concepts };
  }
  return out;
}

export async function bench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const t0 = performance.now();
  const scanner: Scanner = createScanner();
  figures.push({ name: "scanner build (all lexicons)", value: Math.round(performance.now() - t0), unit: "ms", note: `${scanner.info.languages.length} files, ${scanner.info.terms} terms, ${scanner.info.patterns} patterns` });
  const scan = (t: string) => scanner.scan(t);
  const corpus = corpusTexts();
  const sets: { name: string; texts: string[] }[] = [];
  if (corpus) {
    sets.push({ name: `dev corpus lines (${corpus.texts.length}, avg ${Math.round(corpus.texts.reduce((n, t) => n + encoder.encode(t).length, 0) / corpus.texts.length)} B)`, texts: corpus.texts });
    sets.push({ name: "dev corpus joined to 2 KB", texts: joined(corpus.texts, 2048, 200, 2) });
    sets.push({ name: "dev corpus joined to 16 KB", texts: joined(corpus.texts, 16 * 1024, 25, 16) });
  }
  sets.push({ name: "generated ~200 B", texts: generatedTexts(1000, 200, 1) });
  sets.push({ name: "generated 2 KB", texts: generatedTexts(200, 2048, 2) });
  sets.push({ name: "generated 16 KB", texts: generatedTexts(25, 16 * 1024, 3) });
  const peerFns = peers();
  for (const set of sets) {
    const ours = time(set.texts, scan);
    const chat = /200 B|corpus lines/.test(set.name);
    const twoKb = /2 KB/.test(set.name);
    figures.push({ name: `scan throughput, ${set.name}`, value: ours.mbPerS, unit: "MB/s", note: chat ? "target ≥ 20 MB/s" : undefined });
    figures.push({ name: `scan p50, ${set.name}`, value: ours.p50 * 1000, unit: "µs" });
    figures.push({ name: `scan p99, ${set.name}`, value: ours.p99 * 1000, unit: "µs", note: twoKb ? "target ≤ 300 µs" : undefined });
    let peerSum = 0;
    for (const [name, fn] of Object.entries(peerFns)) {
      const p = time(set.texts, fn, 150);
      peerSum += 1 / p.mbPerS;
      figures.push({ name: `peer ${name}, ${set.name}`, value: p.mbPerS, unit: "MB/s" });
    }
    figures.push({ name: `scan time ÷ sum of the three peers' time, ${set.name}`, value: (1 / ours.mbPerS) / peerSum, unit: "×", note: "< 1: the whole scan is cheaper than the three single-purpose passes" });
  }
  // The runs above replay the same texts, so the per-scanner memos (hosts, phone numbers, link verdicts)
  // always hit. Real traffic repeats hosts but not every link: one pass over the dev corpus with a fresh
  // scanner (JIT warmed on generated text only) shows the cost with cold memos.
  if (corpus) {
    const fresh = createScanner();
    for (const t of generatedTexts(2000, 200, 77)) fresh.scan(t);
    const each: number[] = [];
    let total = 0;
    for (const t of corpus.texts) {
      const t0 = performance.now();
      fresh.scan(t);
      const dt = performance.now() - t0;
      each.push(dt);
      total += dt;
    }
    each.sort((x, y) => x - y);
    const bytes = corpus.texts.reduce((n, t) => n + encoder.encode(t).length, 0);
    figures.push({ name: "scan throughput, dev corpus lines, first pass (memos cold)", value: bytes / 1e6 / (total / 1000), unit: "MB/s", note: "one pass, fresh scanner" });
    figures.push({ name: "scan p50, dev corpus lines, first pass (memos cold)", value: percentile(each, 0.5) * 1000, unit: "µs" });
    figures.push({ name: "scan p99, dev corpus lines, first pass (memos cold)", value: percentile(each, 0.99) * 1000, unit: "µs" });
  }
  // Steady state with real traffic's variety: every pass the same corpus with fresh digits (phone numbers,
  // codes, amounts) and fresh link paths, so memos keyed by number or link miss while hosts still repeat.
  if (corpus) {
    const rand = rng(99);
    const vary = (t: string, pass: number) => t.replace(/\d/g, () => String(Math.floor(rand() * 10))).replace(/(\.[a-z]{2,6}\/)([A-Za-z0-9_-]+)/g, (_m, host: string, path: string) => host + path + pass.toString(36));
    const rates: number[] = [];
    const p50s: number[] = [];
    const p99s: number[] = [];
    for (let pass = 0; pass < RUNS + 2; pass++) {
      const texts = corpus.texts.map((t) => vary(t, pass));
      const each: number[] = [];
      let total = 0;
      for (const t of texts) {
        const t0 = performance.now();
        scanner.scan(t);
        const dt = performance.now() - t0;
        each.push(dt);
        total += dt;
      }
      if (pass < 2) continue; // warm-up passes
      each.sort((x, y) => x - y);
      rates.push(texts.reduce((n, t) => n + encoder.encode(t).length, 0) / 1e6 / (total / 1000));
      p50s.push(percentile(each, 0.5));
      p99s.push(percentile(each, 0.99));
    }
    figures.push({ name: "scan throughput, dev corpus lines, fresh numbers and link paths each pass", value: median(rates), unit: "MB/s", note: "memos keyed by number or link miss" });
    figures.push({ name: "scan p50, dev corpus lines, fresh numbers and link paths each pass", value: median(p50s) * 1000, unit: "µs" });
    figures.push({ name: "scan p99, dev corpus lines, fresh numbers and link paths each pass", value: median(p99s) * 1000, unit: "µs" });
  }
  // Growth with text length: cost per KB should stay flat.
  for (const kb of [1, 4, 16, 64]) {
    const t = time(generatedTexts(kb >= 16 ? 8 : 40, kb * 1024, 100 + kb), scan, 150);
    figures.push({ name: `scan cost per KB, ${kb} KB messages`, value: 1000 / (t.mbPerS * 1000), unit: "ms/KB" });
  }
  // Growth with lexicon size: the same 2 KB messages against 1×, 3× and 6× the terms.
  const twoKb = generatedTexts(100, 2048, 9);
  for (const factor of [1, 3, 6]) {
    const s = createScanner({ lexicons: inflated(factor) });
    const t = time(twoKb, (x) => s.scan(x), 150);
    figures.push({ name: `scan p50, 2 KB, lexicon ×${factor} (${s.info.patterns} patterns)`, value: t.p50 * 1000, unit: "µs" });
  }
  return figures;
}
