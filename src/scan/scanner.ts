// The message scanner: normalise → one walk of the lexicon trie from every place a term may start →
// entity detectors → rules → findings, risk and a warning in the reader's language.
// Pure (no I/O): the same code runs in the API, the CLI and the browser ("warn before you send").
// createScanner compiles the lexicons once; keep the scanner in the app context, not in a global.
import { buildChannelIndex, type OfficialChannel } from "../channels/check.ts";
import { defaultPlatform } from "../registry/seed-data.ts";
import { lexiconFiles } from "./lexicons/index.ts";
import { compileLexicons, visitHits, type CompiledLexicon } from "./lexicon.ts";
import { entityView, flagsOf, newCharCache, newEntityCache, origEnd, origStart, wordView, type CharCache, type EntityCache } from "./normalize.ts";
import { createEntityDetector, type Entity } from "./detectors/entities.ts";
import { MIN_SPELLED_RUN, newNumberWords, spellNumbers } from "./detectors/spelled.ts";
import { buildBrandKeys, classifyLink, isOfficialAddress, type LinkContext, type LinkVerdict } from "./detectors/links.ts";
import { applyRules, newRuleMemo, type Cue } from "./rules/index.ts";
import { conceptId } from "./rules/concepts.ts";
import { languageIds } from "./rules/languages.ts";
import { warningFor } from "./warnings.ts";
import { comparisonKey } from "../lookalike/key.ts";
import { buildWordConfig } from "../lookalike/words.ts";
import { labelsOf, outsideSpans, riskOf, toFindings } from "./findings.ts";
import type { ScanContext, ScanResult } from "./types.ts";

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

export function createScanner(options: ScannerOptions = {}): Scanner {
  const platform = options.platform ?? defaultPlatform;
  const lex: CompiledLexicon = compileLexicons(options.lexicons ?? lexiconFiles, { brandWords: platform.brandWords });
  const findEntities = createEntityDetector({ atWords: lex.atWords, dotWords: lex.dotWords, mailHosts: lex.hosts.mail_host, hostWords: lex.hostWords });
  const numberWordIndex = newNumberWords(lex.numberWords);
  const linkContext: LinkContext = {
    channels: buildChannelIndex(options.officialChannels ?? [], platform),
    hosts: lex.hosts,
    brandKeys: buildBrandKeys(lex.hosts.brand_domain, lex.hosts.word_brand),
    lureKeys: new Set([...lex.hosts.lure_part].map(comparisonKey)),
    topicKeys: new Set([...lex.hosts.topic_part].map(comparisonKey)),
    brandVariants: new Set(buildWordConfig(platform).brands.map((b) => b.key)),
  };

  // Per-scanner memos of per-character work (bounded; the scanner is per app, never global).
  const chars: CharCache = newCharCache();
  const brandKeys = platform.brandWords.map(comparisonKey).filter((k) => k.length >= 3);
  const entityChars: EntityCache = newEntityCache();
  const ruleMemo = newRuleMemo();
  // Each lexicon output's concept id, looked up once here rather than for every cue of every message.
  const outputConceptIds = Int16Array.from(lex.outputs.concept, conceptId);
  // And its languages' ids in the rules' memo (a lookup keyed by the list costs as much as the language vote itself).
  const outputLangIds = lex.outputs.langs.map((langs) => languageIds(ruleMemo.languages, langs));
  const { concept: outputConcept, langs: outputLangs, term: outputTerm } = lex.outputs;

  function scan(text: string, context: ScanContext = {}): ScanResult {
    const a = entityView(text, entityChars);
    const w = wordView(a, chars);
    const cues: Cue[] = [];
    const numberWords: number[] = []; // word-view starts of number-word hits
    let atWords = 0;
    let dotWords = 0;
    visitHits(lex, w.text, w.flags, (o, start, end) => {
      const concept = outputConcept[o]!;
      if (concept === "number_word") numberWords.push(start);
      else if (concept === "at_word") atWords++;
      else if (concept === "dot_word") dotWords++;
      else {
        // A hit is never empty: its original span runs from its first unit's start to its last unit's end.
        cues.push({ concept, langs: outputLangs[o]!, term: outputTerm[o]!, start: origStart(w, start), end: origEnd(w, end - 1), flags: flagsOf(w, start, end), conceptId: outputConceptIds[o]!, langIds: outputLangIds[o]! });
      }
    });
    const spelled = hasDictationRun(numberWords) ? spellNumbers(a, numberWordIndex) : a;
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
      // A bare "fix.zip" or "script.py" is a file name unless it imitates someone ("fiverr-help.pl").
      // A host with a made-up ending ("mysite.corn") is no link either, unless it imitates someone ("fiverr.corn").
      if ((e.spaced || e.fileLike || e.spoofedTld !== undefined) && (v.kind === "other" || v.kind === "official" || v.kind === "file_host")) continue;
      links.set(e, v);
      kept.push(e);
    }
    // Words inside a link or an address ("fiverr.com/support/…") are part of it, not of the message's sentences.
    // A phrase that runs into a link not the platform's own takes its last word from the host: "sur fiverr-aide.fr",
    // "na fiverr-pagamentos.com" say nothing of staying "on Fiverr".
    const foreign = kept.filter((e) => e.kind === "url" && links.get(e)?.kind !== "official");
    const addresses = kept.filter((e) => e.kind === "url" || e.kind === "email");
    // "скачай с anydesk.com", "wejdź na anydesk.com, ściągnij…": a remote tool's own site names the tool.
    const free = outsideSpans(cues, addresses);
    const tools = free.length === cues.length ? [] : cues.filter((c) => c.concept === "remote_tool" && addresses.some((e) => toolSite(text, e, c)));
    const outside = tools.length === 0 ? free : cues.filter((c) => free.includes(c) || tools.includes(c)); // (in text order)
    const sentenceCues = foreign.length === 0 ? outside : outside.filter((c) => !runsInto(c, foreign));
    const handleKey = !context.senderOfficial && context.senderHandle !== undefined ? comparisonKey(context.senderHandle) : undefined;
    const brandedHandle = handleKey !== undefined && brandKeys.some((b) => handleKey.includes(b));
    const raw = applyRules({ text, cues: sentenceCues, entities: kept, links, context, brandedHandle, channel: lex.channel, memo: ruleMemo });
    const findings = toFindings(text, raw);
    const labels = labelsOf(findings);
    return { risk: riskOf(findings), labels, findings, warning: warningFor(labels, context.readerLang) };
  }

  return { scan, info: { languages: lex.languages, terms: lex.termCount, patterns: lex.patterns.length } };
}

/** The link is the tool's own site: its host (after "www.") is the cue's name and a dot ("anydesk.com", not "anydesk-help.xyz"). */
function toolSite(text: string, e: Entity, c: Cue): boolean {
  if (e.kind !== "url" || c.start < e.start || c.end > e.end) return false;
  const host = (e.detail ?? "").toLowerCase().replace(/^www\./, "");
  const name = text.slice(c.start, c.end).toLowerCase();
  return host.startsWith(name + ".") && host.indexOf(".", name.length + 1) < 0;
}

/** The cue runs into one of the links: it starts before the link and ends inside it or after its start. */
function runsInto(c: Cue, links: Entity[]): boolean {
  for (let k = 0; k < links.length; k++) if (c.start < links[k]!.start && c.end > links[k]!.start) return true;
  return false;
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
