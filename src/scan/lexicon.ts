// Compiles the lexicon files into one trie over the word view (walked from the places a term may
// start: findHits in lexicon-hits.ts), plus the word tables the normaliser and detectors use.
// Built once per scanner (see scanner.ts).
import { buildStartTrie, type StartTrie } from "./start-trie.ts";
import { FREE_END, FREE_START, HitCollector, PREFIX } from "./lexicon-hits.ts";
import { parseLexicon, type LexiconFile } from "./lexicon-schema.ts";
import { newTermMemo, normalizeTerm } from "./normalize.ts";
import { numberWordKeys } from "./detectors/spelled.ts";
import { iForLForms, splitForms, typoForms, umlautForms } from "./term-variants.ts";

export { findHits, visitHits, type HitVisitor } from "./lexicon-hits.ts";

/** Concepts whose entries are host names, matched against the hosts of links rather than in the text. */
export const HOST_CONCEPTS = ["shortener", "messenger_link", "pay_link", "file_host", "brand_domain", "word_brand", "lure_part", "topic_part", "near_word", "path_site", "mail_host"] as const;
export type HostConcept = (typeof HOST_CONCEPTS)[number];

/** One concept of a pattern, with every language that lists the term (one hit, however many files share it). */
type Output = { concept: string; langs: string[]; term: string };
type Pattern = { outputs: Output[]; prefix: boolean; freeStart: boolean; freeEnd: boolean };

export type CompiledLexicon = {
  /** Every pattern, by id; those that may start anywhere (FREE_START) are marked at the root. */
  trie: StartTrie;
  /** findHits' workspace, reused from one call to the next. */
  collector: HitCollector;
  /** A second one for the walk across emoji seams (lexicon-hits.ts), reused like the first. */
  seamCollector: HitCollector;
  patterns: Pattern[];
  /**
   * Per pattern id, two numbers side by side: at 2·id its PREFIX/FREE_START/FREE_END bits (the end-of-word test
   * of a match reads them) and at 2·id + 1 its first output (its outputs run to the next pattern's first, at
   * 2·id + 3). A match finds all it needs in one cache line, without the pattern object (a miss per table or object).
   */
  patternTable: Int32Array;
  /**
   * Every pattern's outputs in flat tables, by output index (see patternTable): a hit reads three arrays instead
   * of chasing a pattern object, its outputs array and each output (a cache miss each).
   */
  outputs: { concept: string[]; langs: string[][]; term: string[] };
  hosts: Record<HostConcept, Set<string>>;
  /** Number word (word-view form) → digits, "+", "x2" or "x3". */
  numberWords: Map<string, string>;
  atWords: string[];
  dotWords: string[];
  /** Channel words and endings of every file (lower case, as written): see ChannelWords. */
  channel: ChannelWords;
  /** Spelled host labels (lower case, as written) → ASCII label, from every file's hostWords. */
  hostWords: Map<string, string>;
  languages: string[];
  termCount: number;
};

/** The words that put a messenger in the role of a channel ("on WhatsApp", "WhatsApp'tan"); endings longest first. */
export type ChannelWords = { words: ReadonlySet<string>; endings: readonly string[] };

/** A concept hit in the word view. */
export type Hit = { concept: string; langs: string[]; term: string; start: number; end: number };

/** Scripts written without spaces between words: terms there match as plain substrings. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/**
 * Number words matched inside words too: Korean spaces its words but not the syllables of a dictated number
 * ("공일공 일이삼사"), so those are found wherever they stand, only as number words (the spelled-number reader decides).
 */
const UNSPACED_NUMBER_WORD = /^\p{Script=Hangul}+$/u;

/** Concepts whose names also match broken up or mistyped, and all of them with a capital I for l ("TeIegram"; see term-variants.ts). */
const VARIANT_CONCEPTS: [string, { split: boolean; typos: boolean }][] = [
  ["messenger", { split: true, typos: true }],
  // Remote tools are not split: their common two-word forms are listed, and others split into phrases ("get screen").
  ["remote_tool", { split: false, typos: true }],
  ["pay_method", { split: true, typos: false }],
];

/** Languages whose umlauts are typed as "ae", "oe", "ue" (and ß as "ss") on keyboards without them. */
const UMLAUT_LANGS = new Set(["de"]);

export function compileLexicons(files: Record<string, unknown>, extra: { brandWords?: string[] } = {}): CompiledLexicon {
  const parsed: LexiconFile[] = Object.entries(files).map(([name, raw]) => parseLexicon(name, raw));
  const byKey = new Map<string, number>();
  const keys: string[] = [];
  const patterns: Pattern[] = [];
  const hosts = Object.fromEntries(HOST_CONCEPTS.map((c) => [c, new Set<string>()])) as Record<HostConcept, Set<string>>;
  const numberWords = new Map<string, string>();
  const atWords = new Set<string>();
  const dotWords = new Set<string>();
  const hostWords = new Map<string, string>();
  const channelWords = new Set<string>();
  const channelEndings = new Set<string>();
  let termCount = 0;
  const memo = newTermMemo();
  /** canonical: the listed term a generated form stands for (reported in findings; not counted as a term). */
  const add = (concept: string, lang: string, term: string, canonical?: string, free = false) => {
    const prefix = term.endsWith("*");
    const body = prefix ? term.slice(0, -1) : term;
    const norm = normalizeTerm(body, memo).trim();
    if (norm === "") return;
    if (canonical === undefined) termCount++;
    const key = `${prefix ? "*" : "="}${norm}`;
    let id = byKey.get(key);
    if (id === undefined) {
      id = patterns.length;
      byKey.set(key, id);
      keys.push(norm);
      patterns.push({ outputs: [], prefix, freeStart: UNSPACED.test(norm[0]!), freeEnd: UNSPACED.test(norm[norm.length - 1]!) });
    }
    const p = patterns[id]!;
    if (free) p.freeStart = p.freeEnd = true;
    const same = p.outputs.find((o) => o.concept === concept);
    if (!same) p.outputs.push({ concept, langs: [lang], term: canonical ?? term });
    else if (!same.langs.includes(lang)) same.langs.push(lang);
  };
  /** A generated form of a listed term, unless the form is a pattern already. */
  const addForm = (concept: string, lang: string, form: string, term: string) => {
    const star = form.endsWith("*");
    if (!byKey.has(`${star ? "*" : "="}${normalizeTerm(star ? form.slice(0, -1) : form, memo).trim()}`)) add(concept, lang, form, term);
  };
  for (const file of parsed) {
    for (const [concept, terms] of Object.entries(file.concepts)) {
      if ((HOST_CONCEPTS as readonly string[]).includes(concept)) {
        for (const t of terms) hosts[concept as HostConcept].add(t.toLowerCase());
        continue;
      }
      for (const t of terms) add(concept, file.lang, t);
    }
    for (const [w, d] of Object.entries(file.numberWords ?? {})) {
      for (const k of numberWordKeys(w)) if (k && !k.includes(" ") && !numberWords.has(k)) numberWords.set(k, d);
    }
    for (const w of file.atWords ?? []) atWords.add(w.toLowerCase());
    for (const w of file.dotWords ?? []) dotWords.add(w.toLowerCase());
    for (const w of file.channelWords ?? []) channelWords.add(w.toLowerCase());
    for (const w of file.channelEndings ?? []) channelEndings.add(w.toLowerCase());
    for (const [w, label] of Object.entries(file.hostWords ?? {})) if (!hostWords.has(w.toLowerCase())) hostWords.set(w.toLowerCase(), label);
    // The word tables are matched too, so the scanner knows cheaply when a spelled number or address may be there.
    for (const w of Object.keys(file.numberWords ?? {})) add("number_word", file.lang, w, undefined, UNSPACED_NUMBER_WORD.test(w));
    for (const w of file.atWords ?? []) add("at_word", file.lang, w);
    for (const w of file.dotWords ?? []) add("dot_word", file.lang, w);
  }
  for (const b of extra.brandWords ?? []) add("brand", "platform", b.toLowerCase());
  // Broken-up and mistyped product names ("wha tsapp", "pay pal", "whatsaap"): extra patterns for the same
  // output, unless the form is already a term of its own. Splits only for the language-neutral names of
  // global.json: the local words of the language files ("fernwartung", "videollamada") split into ordinary words.
  for (const [concept, variants] of VARIANT_CONCEPTS) {
    for (const file of parsed) {
      for (const term of file.concepts[concept] ?? []) {
        const forms = [...(variants.split && file.lang === "global" ? splitForms(term) : []), ...(variants.typos ? typoForms(term) : []), ...iForLForms(term)];
        for (const form of forms) addForm(concept, file.lang, form, term);
      }
    }
  }
  // German typed without umlauts ("bestaetigungscode", "ueberweisen"): the "ae/oe/ue/ss" form of every German term.
  for (const file of parsed) {
    if (!UMLAUT_LANGS.has(file.lang)) continue;
    for (const [concept, terms] of Object.entries(file.concepts)) {
      if ((HOST_CONCEPTS as readonly string[]).includes(concept)) continue;
      for (const term of terms) for (const form of umlautForms(term)) addForm(concept, file.lang, form, term);
    }
  }
  // A phrase naming the platform in a local script ("ไม่ต้องผ่านไฟเวอร์", "خارج فايفر") is as often typed with the brand in
  // Latin letters ("ไม่ต้องผ่าน Fiverr", "خارج Fiverr"): the same phrase with each brand word in the local name's place.
  // (Shortest name first: "מחוץ לפייבר" keeps its proclitic, "מחוץ ל fiverr", as "מחוץ ל-Fiverr" is typed.)
  const localBrands = [...new Set(parsed.flatMap((f) => f.concepts.brand ?? []))].sort((x, y) => x.length - y.length);
  for (const file of parsed) {
    for (const [concept, terms] of Object.entries(file.concepts)) {
      if (concept === "brand" || (HOST_CONCEPTS as readonly string[]).includes(concept)) continue;
      for (const term of terms) {
        const local = localBrands.find((b) => term.includes(b));
        if (local === undefined) continue;
        // After a proclitic ("לפייבר") both ways are typed: "ל-Fiverr" and "לFiverr".
        const glued = /\p{L}$/u.test(term.slice(0, term.indexOf(local)));
        for (const brand of extra.brandWords ?? []) {
          const name = brand.toLowerCase();
          addForm(concept, file.lang, term.replace(local, ` ${name} `).replace(/\s+/g, " ").trim(), term);
          if (glued) addForm(concept, file.lang, term.replace(local, name), term);
        }
      }
    }
  }
  // FREE_START depends on a pattern's first code unit only: it marks the root edge.
  const freeFirst = new Set(keys.filter((_, id) => patterns[id]!.freeStart).map((k) => k.charCodeAt(0)));
  return {
    trie: buildStartTrie(keys, keys.map((_, id) => id), (c) => freeFirst.has(c)),
    collector: new HitCollector(),
    seamCollector: new HitCollector(),
    patterns,
    ...flatOutputs(patterns),
    hosts,
    numberWords,
    atWords: [...atWords],
    dotWords: [...dotWords],
    hostWords,
    channel: { words: channelWords, endings: [...channelEndings].sort((a, b) => b.length - a.length) },
    languages: parsed.map((f) => f.lang),
    termCount,
  };
}

function flatOutputs(patterns: Pattern[]): Pick<CompiledLexicon, "patternTable" | "outputs"> {
  const table = new Int32Array(2 * patterns.length + 2);
  const concept: string[] = [];
  const langs: string[][] = [];
  const term: string[] = [];
  patterns.forEach((p, id) => {
    table[2 * id] = (p.prefix ? PREFIX : 0) | (p.freeStart ? FREE_START : 0) | (p.freeEnd ? FREE_END : 0);
    table[2 * id + 1] = concept.length;
    for (const o of p.outputs) {
      concept.push(o.concept);
      langs.push(o.langs);
      term.push(o.term);
    }
  });
  table[2 * patterns.length + 1] = concept.length;
  return { patternTable: table, outputs: { concept, langs, term } };
}
