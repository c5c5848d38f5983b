// The message scanner: normalise → one Aho-Corasick pass for the lexicon concepts →
// entity detectors → rules → findings, risk and a warning in the reader's language.
// Pure (no I/O): the same code runs in the API, the CLI and the browser ("warn before you send").
// createScanner compiles the lexicons once; keep the scanner in the app context, not in a global.
import { buildChannelIndex, type OfficialChannel } from "../channels/check.ts";
import { defaultPlatform } from "../registry/seed-data.ts";
import { lexiconFiles } from "./lexicons/index.ts";
import { compileLexicons, findHits, type CompiledLexicon } from "./lexicon.ts";
import { entityView, flagsOf, newCharCache, newEntityCache, toOriginal, transformNames, wordView, type CharCache, type EntityCache } from "./normalize.ts";
import { createEntityDetector, type Entity } from "./detectors/entities.ts";
import { MIN_SPELLED_RUN, spellNumbers } from "./detectors/spelled.ts";
import { buildBrandKeys, classifyLink, isOfficialAddress, type LinkContext, type LinkVerdict } from "./detectors/links.ts";
import { applyRules, type Cue, type RuleFinding } from "./rules.ts";
import { warningFor } from "./warnings.ts";
import { comparisonKey } from "../lookalike/key.ts";
import type { Finding, Risk, ScanContext, ScanLabel, ScanResult } from "./types.ts";
import { SCAN_LABELS } from "./types.ts";

export type ScannerOptions = {
  /** Lexicon files by name (default: every file in src/scan/lexicons/). */
  lexicons?: Record<string, unknown>;
  /** The platform's names and domains (default: the registry's platform profile). */
  platform?: { brandWords: string[]; domains: string[] };
  /** Registered official channels, so their links and addresses count as official. */
  officialChannels?: OfficialChannel[];
};

export type Scanner = {
  scan(text: string, context?: ScanContext): ScanResult;
  /** Languages and term count of the compiled lexicons. */
  readonly info: { languages: string[]; terms: number; patterns: number };
};

const SEVERE: ScanLabel[] = ["impersonation", "suspicious_link", "personal_data", "remote_access", "payment_request"];

export function createScanner(options: ScannerOptions = {}): Scanner {
  const platform = options.platform ?? defaultPlatform;
  const lex: CompiledLexicon = compileLexicons(options.lexicons ?? lexiconFiles, { brandWords: platform.brandWords });
  const findEntities = createEntityDetector({ atWords: lex.atWords, dotWords: lex.dotWords, mailHosts: lex.hosts.mail_host, hostWords: lex.hostWords });
  const linkContext: LinkContext = {
    channels: buildChannelIndex(options.officialChannels ?? [], platform),
    hosts: lex.hosts,
    brandKeys: buildBrandKeys(lex.hosts.brand_domain),
  };

  // Per-scanner memos of per-character work (bounded; the scanner is per app, never global).
  const chars: CharCache = newCharCache();
  const brandKeys = platform.brandWords.map(comparisonKey).filter((k) => k.length >= 3);
  const entityChars: EntityCache = newEntityCache();

  function scan(text: string, context: ScanContext = {}): ScanResult {
    const a = entityView(text, entityChars);
    const w = wordView(a, chars);
    const cues: Cue[] = [];
    const numberWords: number[] = []; // word-view starts of number-word hits
    let atWords = 0;
    let dotWords = 0;
    for (const h of findHits(lex, w.text, w.flags)) {
      if (h.concept === "number_word") numberWords.push(h.start);
      else if (h.concept === "at_word") atWords++;
      else if (h.concept === "dot_word") dotWords++;
      else {
        const [start, end] = toOriginal(w, h.start, h.end);
        cues.push({ concept: h.concept, langs: h.langs, term: h.term, start, end, flags: flagsOf(w, h.start, h.end) });
      }
    }
    const spelled = hasDictationRun(numberWords) ? spellNumbers(a, lex.numberWords) : a;
    const entities = findEntities(a, spelled, { atWords: atWords > 0, dotWords: dotWords > 0 });
    const links = new Map<Entity, LinkVerdict>();
    const kept: Entity[] = [];
    for (const e of entities) {
      if (e.kind === "email") {
        kept.push(isOfficialAddress(linkContext, e.value) ? { ...e, detail: "official" } : e);
        continue;
      }
      if (e.kind !== "url") {
        kept.push(e);
        continue;
      }
      const v = classifyLink(linkContext, e);
      // "word . word" counts as a link only when it names a messenger, a shortener or an imitation.
      if (e.spaced && (v.kind === "other" || v.kind === "official" || v.kind === "file_host")) continue;
      links.set(e, v);
      kept.push(e);
    }
    // Words inside a link or an address ("fiverr.com/support/…") are part of it, not of the message's sentences.
    const inLink = kept.filter((e) => e.kind === "url" || e.kind === "email");
    const sentenceCues = inLink.length === 0 ? cues : cues.filter((c) => !inLink.some((e) => c.start >= e.start && c.end <= e.end));
    const brandedHandle = !context.senderOfficial && context.senderHandle !== undefined && brandKeys.some((b) => comparisonKey(context.senderHandle!).includes(b));
    const raw = applyRules({ text, cues: sentenceCues, entities: kept, links, context, brandedHandle });
    const findings = toFindings(text, raw);
    const labels = SCAN_LABELS.filter((l) => findings.some((f) => f.label === l));
    return { risk: riskOf(findings), labels, findings, warning: warningFor(labels, context.readerLang) };
  }

  return { scan, info: { languages: lex.languages, terms: lex.termCount, patterns: lex.patterns.length } };
}

/** Some MIN_SPELLED_RUN number words close together: only then is a dictated number worth looking for. */
function hasDictationRun(starts: number[]): boolean {
  if (starts.length < MIN_SPELLED_RUN) return false;
  const sorted = [...new Set(starts)].sort((x, y) => x - y);
  for (let i = 0; i + MIN_SPELLED_RUN - 1 < sorted.length; i++) {
    // number words are short: four of them in a row fit in well under 15 characters each
    if (sorted[i + MIN_SPELLED_RUN - 1]! - sorted[i]! <= 15 * MIN_SPELLED_RUN) return true;
  }
  return false;
}

/** One finding per label and place: overlapping findings of a label keep the strongest rule. */
function toFindings(text: string, raw: RuleFinding[]): Finding[] {
  const out: Finding[] = [];
  for (const r of raw) {
    const start = Math.min(...r.spans.map((s) => s.start));
    const end = Math.max(...r.spans.map((s) => s.end));
    const flags = r.spans.reduce((f, s) => f | s.flags, 0);
    const f: Finding = { label: r.label, start, end, matched: text.slice(start, end), normalized: r.normalized, rule: r.rule, score: r.score, transforms: transformNames(flags) };
    const clash = out.findIndex((o) => o.label === f.label && o.start < f.end && f.start < o.end);
    if (clash < 0) out.push(f);
    else if (out[clash]!.score < f.score) out[clash] = f;
  }
  return out.sort((x, y) => x.start - y.start || y.score - x.score);
}

function riskOf(findings: Finding[]): Risk {
  if (findings.length === 0) return "none";
  const top = Math.max(...findings.map((f) => f.score));
  if (top >= 0.8 && findings.some((f) => SEVERE.includes(f.label) && f.score >= 0.75)) return "high";
  if (top >= 0.6) return "medium";
  return "low";
}
