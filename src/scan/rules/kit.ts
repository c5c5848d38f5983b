// The rules' shared vocabulary for one message: its cues by concept, sentence and clause breaks, and the
// tests every rule uses (near, together, negated, quoted, inside, safe…). Each label's rules
// (off-platform.ts, payment.ts, …) take this kit and add findings to its `out`.
// A scanner makes its kit once (newRuleKit) and loads each message into it (load): the tests are made once,
// not ~45 closures per message, and the per-concept lists are reused; only the findings are new per scan.
import type { Entity } from "../detectors/entities.ts";
import type { ChannelWords } from "../lexicon.ts";
import type { LinkVerdict } from "../detectors/links.ts";
import type { ScanContext, ScanLabel } from "../types.ts";
import { CONCEPT_COUNT, CONCEPT_ID, conceptId, type Concept } from "./concepts.ts";
import { messageLanguages, newLanguageMemo, type LanguageMemo } from "./languages.ts";
import { boundaries, CLAUSE_END, newPieceLookup, sentenceBreaks, turnsBetween } from "./text.ts";
import type { Cue, RuleFinding, RuleInput } from "./types.ts";
import { wordsBetween as countWords, wordStart as startOfWord } from "./words.ts";

/** Most hits of one concept the rules look at: the pairings are quadratic, chat messages have a few. */
const MAX_CUES = 64;
/** How far (characters) a topic, a rule quote or a "stays here" phrase reaches within its sentence. */
export const TOPIC_REACH = 120;
/** How far (characters) a report of someone else's scam reaches: "someone asked me to pay a deposit in USDT… ignored". */
export const REPORT_REACH = 160;
/** Characters between two pieces of evidence that still make one request. */
export const WINDOW = 80;
/** Longest cue (in characters) a window must reach back for. */
export const REACH = 160;

export type Span = { start: number; end: number };
/** Sorts cues by start in place, keeping the order of equal starts (they are nearly always in order already). */
export function sortByStart(list: Cue[]): void {
  for (let i = 1; i < list.length; i++) {
    const c = list[i]!;
    if (list[i - 1]!.start <= c.start) continue;
    let j = i - 1;
    while (j >= 0 && list[j]!.start > c.start) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = c;
  }
}

/** The first index of a list sorted by start whose cue starts at or after `from` (a binary search). */
function firstFrom(list: Cue[], from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Characters between two spans (0 when they overlap). */
export const gap = (a: Span, b: Span) => (a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0);
export const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export type RuleKit = ReturnType<typeof newRuleKit>;

const NO_CHANNEL_WORDS: ChannelWords = { words: new Set(), endings: [] };

/** No evidence beside the span asked about (shared, never written to). */
const NO_SPANS: Span[] = [];

/** A kit for one scanner: load() each message before its rules run (nothing in it outlives the next load). */
export function newRuleKit(languageMemo: LanguageMemo = newLanguageMemo()) {
  // The message, and what is worked out about it on first use (many messages need no sentence breaks).
  let text = "";
  let cues: Cue[] = [];
  let entities: Entity[] = [];
  const sentences = newPieceLookup(sentenceBreaks);
  const clauses = newPieceLookup((t) => boundaries(t, CLAUSE_END));
  let staying: Cue[] | undefined;
  let active: Cue[] | undefined;
  let quoting: Cue[] | undefined;
  /** Negators of a plausible language that is not the message's main one: they count only right before what they negate. */
  let weakNegators: Set<Cue> | undefined;
  /** The message's cues by concept id (read only, like every list `of` and `ents` give; reused: emptied by the next load). */
  const byConcept: Cue[][] = Array.from({ length: CONCEPT_COUNT }, () => []);
  /** The ids with cues in this message: only those are sorted, and emptied by the next load. */
  const filled: number[] = [];
  /** The message's entities by kind, filed on the first ents() of a message (the lists are reused: only `kinds` are this message's). */
  const entitiesOf = new Map<Entity["kind"], Entity[]>();
  const kinds: Entity[][] = [];
  let entitiesFiled = false;
  /** negated(x) of this message, by span (spans are not changed while the rules run). */
  const negatedAlone = new Map<Span, boolean>();
  const noEntities: Entity[] = [];
  /** The message's cues by start (a workspace sorted on within()'s first question), and the longest one's length (-1: not yet). */
  const byStart: Cue[] = [];
  let longest = -1;

  const sentenceOf = sentences.at;
  const clauseOf = clauses.at;
  /** q is in p's sentence (one lookup, then a range test). */
  const sameSentence = (p: number, q: number) => sentences.isIn(sentenceOf(p), q);
  // By the Map (conceptId), not CONCEPT_ID[concept]: a property read keyed by a variable string costs twice a Map's get.
  const of = (concept: Concept): Cue[] => byConcept[conceptId(concept)]!;
  /** The kit's own questions name their concept by id (CONCEPT_ID.secret: a constant, no lookup at all). */
  const ofId = (id: number): Cue[] => byConcept[id]!;
  /**
   * The first cue of a concept that starts in [from, to) and passes the test: a binary search in the sorted
   * list keeps the pairings linear in practice, and no list is copied (the rules ask this thousands of times
   * in a long message).
   */
  const findAround = (concept: Concept, from: number, to: number, test: (c: Cue) => boolean): Cue | undefined => around(of(concept), from, to, test);
  const around = (list: Cue[], from: number, to: number, test: (c: Cue) => boolean): Cue | undefined => {
    for (let k = firstFrom(list, from); k < list.length && list[k]!.start < to; k++) if (test(list[k]!)) return list[k];
    return undefined;
  };
  const ents = (kind: Entity["kind"]): Entity[] => {
    if (entities.length === 0) return noEntities;
    if (!entitiesFiled) fileEntities();
    const list = entitiesOf.get(kind);
    return list && list.length > 0 ? list : noEntities;
  };
  // One pass for every kind (the rules ask for about ten kinds, most of them absent), instead of a filter per kind.
  const fileEntities = () => {
    entitiesFiled = true;
    for (const e of entities) {
      let list = entitiesOf.get(e.kind);
      if (!list) entitiesOf.set(e.kind, (list = []));
      if (list.length === 0) kinds.push(list);
      list.push(e);
    }
  };
  const together = (a: Span, b: Span, window = WINDOW) => {
    const g = gap(a, b);
    return g <= window && (g <= 25 || sameSentence(a.start, b.start));
  };
  const near = (x: Span, concept: Concept, window = WINDOW) => nearIn(of(concept), x, window);
  // (near and nearOther walk the list themselves: no test closure per question.)
  const nearIn = (list: Cue[], x: Span, window: number) => {
    for (let k = firstFrom(list, x.start - window - REACH); k < list.length && list[k]!.start < x.end + window; k++) if (together(x, list[k]!, window)) return list[k];
    return undefined;
  };
  const inSentence = (x: Span, concept: Concept) => inSentenceIn(of(concept), x);
  const inSentenceIn = (list: Cue[], x: Span) => {
    const k = sentenceOf(x.start);
    const bounds = sentences.breaks();
    const from = k === 0 ? 0 : bounds[k - 1]!;
    const to = k < bounds.length ? bounds[k]! : text.length;
    return around(list, from - REACH, to, (c) => sentences.isIn(k, c.start));
  };
  // "sin pasar por Fiverr" (outside) contains "por Fiverr" (inside): a phrase inside a longer cue is that cue's.
  // Only the cues starting at or before c, back to the first that could still reach its end, can contain it.
  const within = (c: Cue) => {
    if (longest < 0) sortCues();
    // Offsets are integers: the first cue starting after c is the first at or after c.start + 1.
    for (let k = firstFrom(byStart, c.start + 1) - 1; k >= 0 && byStart[k]!.start >= c.end - longest; k--) {
      const o = byStart[k]!;
      if (o.concept !== c.concept && o.end >= c.end && o.end - o.start > c.end - c.start) return true;
    }
    return false;
  };
  const sortCues = () => {
    byStart.length = 0;
    longest = 0;
    for (const c of cues) {
      byStart.push(c);
      longest = Math.max(longest, c.end - c.start);
    }
    sortByStart(byStart);
  };
  const staysHere = () => (staying ??= ofId(CONCEPT_ID.inside_platform).filter((c) => !within(c)));
  // A negation inside another phrase ("isn't enough", "no fiverr fee") is that phrase's, not a negator (decided once).
  // Nor is a negator inside a number or an address (Vietnamese "không" is also the digit 0: "không chín một…").
  const negators = () => (active ??= ofId(CONCEPT_ID.negation).filter((n) => !within(n) && !entities.some((e) => e.start < n.end && n.start < e.end)));
  /** Words between two offsets (a run of Han/kana counts one word per two characters). */
  const wordsBetween = (a: number, b: number) => countWords(text, a, b);
  const wordStart = (p: number) => startOfWord(text, p);
  const sameClauseAt = (a: Span, start: number, end: number) => {
    const k = clauseOf(a.start);
    return clauses.isIn(k, start) || clauses.isIn(k, Math.max(start, end - 1));
  };
  const sameClause = (a: Span, b: Span) => sameClauseAt(a, b.start, b.end);
  const inSpan = (n: Span, e: Span) => n.start >= e.start && n.end <= e.end;
  /** The negator n, in e's clause, right before e (a weak one: with no word between) or just after it. */
  const negates = (n: Cue, e: Span) =>
    sameClause(n, e) &&
    (n.end <= e.start ? wordsBetween(n.end, wordStart(e.start)) <= (weakNegators?.has(n) ? 0 : NEG_WORDS_BEFORE) : !weakNegators?.has(n) && n.start >= e.end && wordsBetween(e.end, n.start) <= NEG_WORDS_AFTER);
  /** n negates the request made of x and its evidence (walked in place: this runs for every negator and every request). */
  const negatesRequest = (n: Cue, x: Span, evidence: Span[]) => {
    if (n.end < x.start - 2 * REACH && evidence.every((e) => n.end < e.start - 2 * REACH)) return false;
    if (n.start > x.end + 2 * REACH && evidence.every((e) => n.start > e.end + 2 * REACH)) return false;
    if (inSpan(n, x) || evidence.some((e) => inSpan(n, e))) return false;
    let start = x.start;
    let end = x.end;
    for (const e of evidence) {
      start = Math.min(start, e.start);
      end = Math.max(end, e.end);
    }
    if (n.start >= start && n.end <= end) return sameClauseAt(n, start, end);
    return negates(n, x) || evidence.some((e) => negates(n, e));
  };
  /** A negation in the same clause just before (or just after) a piece of the evidence, and not part of it. */
  const negated = (x: Span, ...evidence: Span[]) => negatedWith(x, evidence);
  const negatedWith = (x: Span, evidence: Span[]) => {
    const ns = negators();
    if (ns.length === 0) return false;
    // A span alone is asked about again and again (every `inside` test asks for each "stays here" phrase).
    if (evidence.length === 0) {
      let answer = negatedAlone.get(x);
      if (answer === undefined) negatedAlone.set(x, (answer = negatedBy(ns, x, evidence)));
      return answer;
    }
    return negatedBy(ns, x, evidence);
  };
  const negatedBy = (ns: Cue[], x: Span, evidence: Span[]) => {
    // "…blocked if you don't send…": a threat turns the negation into a condition.
    const threats = ofId(CONCEPT_ID.account_threat);
    if (threats.length > 0) {
      const k = sentenceOf(x.start);
      if (threats.some((t) => sentences.isIn(k, t.start))) return false;
    }
    for (const n of ns) if (negatesRequest(n, x, evidence)) return true;
    return false;
  };
  // Sentence-wide neutralisers reach at most TOPIC_REACH characters: a long run-on sentence is many sentences.
  // "it's not a scam", "das ist kein Betrug": a rule word inside a reassurance is the lure's, not a warning (decided once).
  const ruleQuotes = () => (quoting ??= ofId(CONCEPT_ID.rule_quote).filter((q) => !within(q)));
  // "I know it's against the rules, but add me on WhatsApp": a quote the writer turns away from covers nothing after the turn.
  const quoted = (x: Span) => {
    const quotes = ruleQuotes();
    if (quotes.length === 0) return false;
    const q = nearIn(quotes, x, TOPIC_REACH);
    return !!q && !!inSentenceIn(quotes, x) && !(q.end <= x.start && turnsBetween(text, q.end, x.start));
  };
  // A topic word inside a longer phrase ("gig" in "your gig was removed": a notice's subject) is that phrase's, not a topic.
  const topicNear = (x: Span) => ofId(CONCEPT_ID.topic_build).some((c) => gap(c, x) <= TOPIC_REACH && sameSentence(x.start, c.start) && !within(c));
  /** "through the order" in x's sentence, unless itself negated ("we don't pay through the platform"). */
  const inside = (x: Span) => staysHere().some((c) => sameSentence(x.start, c.start) && gap(c, x) <= TOPIC_REACH && !negatedWith(c, NO_SPANS));
  /** A cue of `concept` near x that is a different piece of text than x. */
  const nearOther = (x: Span, concept: Concept, window = WINDOW, accept?: (c: Cue) => boolean) => {
    const list = of(concept);
    for (let k = firstFrom(list, x.start - window - REACH); k < list.length && list[k]!.start < x.end + window; k++) {
      const c = list[k]!;
      if (!overlap(c, x) && together(x, c, window) && (!accept || accept(c))) return c;
    }
    return undefined;
  };
  const safe = (x: Span, ...evidence: Span[]) => !negatedWith(x, evidence) && !quoted(x);
  /** "the password field", "a PayPal button", "6-digit code screen": the thing is a feature being built. */
  const feature = (x: Span) => ofId(CONCEPT_ID.feature_word).some((c) => !overlap(c, x) && sameClause(c, x) && (c.end <= x.start ? wordsBetween(c.end, x.start) : wordsBetween(x.end, c.start)) <= 2);
  const add = (label: ScanLabel, rule: string, score: number, spans: (Span & { flags?: number })[], normalized: string) => {
    const copies: RuleFinding["spans"] = [];
    for (const s of spans) copies.push({ start: s.start, end: s.end, flags: s.flags ?? 0 });
    kit.out.push({ label, rule, score, spans: copies, normalized });
  };
  /** "the password of my Instagram", "my Instagram password": the account a secret belongs to, not a channel to move to. */
  const secretOf = (m: Span) =>
    ofId(CONCEPT_ID.secret).some((c) => !overlap(c, m) && sameClause(c, m) && (c.end <= m.start ? wordsBetween(c.end, m.start) <= 2 : wordsBetween(m.end, c.start) <= 1));

  /** Files the message's cues by concept; false when it has neither cues nor entities (then no rule can fire). */
  const load = (input: RuleInput): boolean => {
    for (const id of filled) byConcept[id]!.length = 0;
    filled.length = 0;
    for (const list of kinds) list.length = 0;
    kinds.length = 0;
    entitiesFiled = false;
    if (negatedAlone.size > 0) negatedAlone.clear(); // clear() makes a new table even when there is nothing in it
    staying = active = quoting = weakNegators = undefined;
    longest = -1;
    ({ text, cues, entities } = input);
    sentences.load(text);
    clauses.load(text);
    kit.text = text;
    kit.cues = cues;
    kit.entities = entities;
    kit.links = input.links;
    kit.context = input.context;
    kit.brandedHandle = input.brandedHandle ?? false;
    kit.channel = input.channel ?? NO_CHANNEL_WORDS;
    kit.out = [];
    kit.reported = false;
    if (cues.length === 0 && entities.length === 0) return false;
    const negation = CONCEPT_ID.negation;
    const ruleQuote = CONCEPT_ID.rule_quote;
    // Only neutralisers (negators, rule quotes) ask which languages the message is in.
    const languages = cues.some((c) => c.concept === "negation" || c.concept === "rule_quote") ? messageLanguages(cues, languageMemo) : undefined;
    for (const c of cues) {
      const id = c.conceptId ?? conceptId(c.concept);
      if (id < 0) continue;
      // French "attention" or a Hindi "fraud" in an English lure would silence it: a rule quote, too, counts only in a
      // language the message is plausibly written in.
      if (id === ruleQuote && !languages!.main(c.langs)) continue;
      if (id === negation) {
        // "no" is a negation in English and Spanish but "in the" in Portuguese: a negator counts
        // only in a language the message is plausibly written in.
        if (!languages!.plausible(c.langs)) continue;
        if (!languages!.main(c.langs)) (weakNegators ??= new Set()).add(c);
      }
      const list = byConcept[id]!;
      if (list.length === 0) filled.push(id);
      if (list.length < MAX_CUES) list.push(c);
    }
    for (const id of filled) sortByStart(byConcept[id]!);
    kit.reported = ofId(CONCEPT_ID.reported_scam).length > 0;
    return true;
  };

  const kit = {
    text,
    cues,
    entities,
    links: new Map<Entity, LinkVerdict>(),
    context: {} as ScanContext,
    brandedHandle: false,
    channel: NO_CHANNEL_WORDS,
    reported: false,
    out: [] as RuleFinding[],
    load,
    of, ents, findAround, near, nearOther, together, inSentence, sentenceOf, clauseOf, sameClause, wordsBetween, wordStart, negators, negated, quoted, topicNear, inside, staysHere, overlap, safe, feature, add, secretOf, within,
  };
  return kit;
}

/** Reach of a negation, in words, before / after what it negates ("I won't pay through PayPal", "sūtīt nevajag"). */
const NEG_WORDS_BEFORE = 3;
const NEG_WORDS_AFTER = 2;
