// The rules' shared vocabulary for one message: its cues by concept, sentence and clause breaks, and the
// tests every rule uses (near, together, negated, quoted, inside, safe…), built once per scan. Each label's
// rules (off-platform.ts, payment.ts, …) take this kit and add findings to its `out`.
import type { Entity } from "../detectors/entities.ts";
import type { ScanLabel } from "../types.ts";
import { boundaries, CLAUSE_END, indexOf, SENTENCE_END } from "./text.ts";
import { messageLanguages } from "./languages.ts";
import type { Cue, RuleFinding, RuleInput } from "./types.ts";

/** Most hits of one concept the rules look at: the pairings are quadratic, chat messages have a few. */
const MAX_CUES = 64;
/** How far (characters) a topic, a rule quote or a "stays here" phrase reaches within its sentence. */
export const TOPIC_REACH = 120;
/** How far (characters) a report of someone else's scam reaches: "someone asked me to pay a deposit in USDT… ignored". */
export const REPORT_REACH = 160;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** Characters between two pieces of evidence that still make one request. */
export const WINDOW = 80;
/** Longest cue (in characters) a window must reach back for. */
export const REACH = 160;
/** Reach of a negation, in words, before / after what it negates ("I won't pay through PayPal", "sūtīt nevajag"). */
const NEG_WORDS_BEFORE = 3;
const NEG_WORDS_AFTER = 2;

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

/** Characters between two spans (0 when they overlap). */
export const gap = (a: Span, b: Span) => (a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0);

/** The kit of one message; undefined when it has neither cues nor entities (then no rule can fire). */
export function ruleKit(input: RuleInput) {
  if (input.cues.length === 0 && input.entities.length === 0) return undefined;
  return buildKit(input);
}

export type RuleKit = ReturnType<typeof buildKit>;

function buildKit(input: RuleInput) {
  const { text, cues, entities, links, context, brandedHandle = false, memo } = input;
  // Sentence and clause breaks, found on first use (many messages need neither).
  let sentences: number[] | undefined;
  let clauses: number[] | undefined;
  const sentenceOf = (p: number) => indexOf((sentences ??= boundaries(text, SENTENCE_END)), p);
  const clauseOf = (p: number) => indexOf((clauses ??= boundaries(text, CLAUSE_END)), p);
  const by = new Map<string, Cue[]>();
  // Only negators ask which languages the message is in.
  const languages = cues.some((c) => c.concept === "negation") ? messageLanguages(cues, memo?.languages) : undefined;
  /** Negators of a plausible language that is not the message's main one: they count only right before what they negate. */
  let weakNegators: Set<Cue> | undefined;
  for (const c of cues) {
    if (c.concept === "negation") {
      // "no" is a negation in English and Spanish but "in the" in Portuguese: a negator counts
      // only in a language the message is plausibly written in.
      if (!languages!.plausible(c.langs)) continue;
      if (!languages!.main(c.langs)) (weakNegators ??= new Set()).add(c);
    }
    const list = by.get(c.concept);
    if (!list) by.set(c.concept, [c]);
    else if (list.length < MAX_CUES) list.push(c);
  }
  for (const list of by.values()) sortByStart(list);
  // (read only, like every list `of` and `ents` give)
  const none: Cue[] = [];
  const noEntities: Entity[] = [];
  const of = (concept: string): Cue[] => by.get(concept) ?? none;
  /**
   * The first cue of a concept that starts in [from, to) and passes the test: a binary search in the sorted
   * list keeps the pairings linear in practice, and no list is copied (the rules ask this thousands of times
   * in a long message).
   */
  const findAround = (concept: string, from: number, to: number, test: (c: Cue) => boolean): Cue | undefined => {
    const list = of(concept);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < list.length && list[k]!.start < to; k++) if (test(list[k]!)) return list[k];
    return undefined;
  };
  const ents = (kind: Entity["kind"]): Entity[] => (entities.length === 0 ? noEntities : entities.filter((e) => e.kind === kind));
  const together = (a: Span, b: Span, window = WINDOW) => {
    const g = gap(a, b);
    return g <= window && (g <= 25 || sentenceOf(a.start) === sentenceOf(b.start));
  };
  const near = (x: Span, concept: string, window = WINDOW) => findAround(concept, x.start - window - REACH, x.end + window, (c) => together(x, c, window));
  const inSentence = (x: Span, concept: string) => {
    const k = sentenceOf(x.start);
    const bounds = (sentences ??= boundaries(text, SENTENCE_END));
    const from = k === 0 ? 0 : bounds[k - 1]!;
    const to = k < bounds.length ? bounds[k]! : text.length;
    return findAround(concept, from - REACH, to, (c) => sentenceOf(c.start) === k);
  };
  // "sin pasar por Fiverr" (outside) contains "por Fiverr" (inside): a phrase inside a longer cue is that cue's.
  const within = (c: Cue) => cues.some((o) => o.concept !== c.concept && o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start);
  let staying: Cue[] | undefined;
  const staysHere = () => (staying ??= of("inside_platform").filter((c) => !within(c)));
  // A negation inside another phrase ("isn't enough", "no fiverr fee") is that phrase's, not a negator (decided once).
  let active: Cue[] | undefined;
  const negators = () =>
    (active ??= of("negation").filter((n) => !within(n)));
  /** Words between two offsets (a run of Han/kana counts one word per two characters). */
  const wordsBetween = (a: number, b: number) => {
    if (b - a > 120) return Infinity;
    const slice = text.slice(a, b);
    const runs = slice.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const cjk = slice.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
    return Math.max(runs, Math.ceil(cjk / 2));
  };
  /** The start of the word p is in: a term after a proclitic ("ה|סיסמה", "ו|תשלח") starts with its word. */
  const wordStart = (p: number) => {
    while (p > 0 && WORD_CHAR.test(text[p - 1]!) && p < text.length && WORD_CHAR.test(text[p]!)) p--;
    return p;
  };
  const sameClause = (a: Span, b: Span) => clauseOf(a.start) === clauseOf(b.start) || clauseOf(a.start) === clauseOf(Math.max(b.start, b.end - 1));
  /** A negation in the same clause just before (or just after) a piece of the evidence, and not part of it. */
  const negated = (x: Span, ...evidence: Span[]) =>
    // "…blocked if you don't send…": a threat turns the negation into a condition.
    !of("account_threat").some((t) => sentenceOf(t.start) === sentenceOf(x.start)) &&
    negators().some((n) => {
      if (n.end < x.start - 2 * REACH && evidence.every((e) => n.end < e.start - 2 * REACH)) return false;
      if (n.start > x.end + 2 * REACH && evidence.every((e) => n.start > e.end + 2 * REACH)) return false;
      // (x and the evidence are walked in place: this runs for every negator and every request in a message.)
      const within = (e: Span) => n.start >= e.start && n.end <= e.end;
      if (within(x) || evidence.some(within)) return false;
      let start = x.start;
      let end = x.end;
      for (const e of evidence) {
        start = Math.min(start, e.start);
        end = Math.max(end, e.end);
      }
      if (n.start >= start && n.end <= end) return sameClause(n, { start, end });
      const negates = (e: Span) =>
        sameClause(n, e) &&
        (n.end <= e.start ? wordsBetween(n.end, wordStart(e.start)) <= (weakNegators?.has(n) ? 0 : NEG_WORDS_BEFORE) : !weakNegators?.has(n) && n.start >= e.end && wordsBetween(e.end, n.start) <= NEG_WORDS_AFTER);
      return negates(x) || evidence.some(negates);
    });
  // Sentence-wide neutralisers reach at most TOPIC_REACH characters: a long run-on sentence is many sentences.
  const quoted = (x: Span) => !!near(x, "rule_quote", TOPIC_REACH) && !!inSentence(x, "rule_quote");
  const topicNear = (x: Span) => of("topic_build").some((c) => gap(c, x) <= TOPIC_REACH && sentenceOf(c.start) === sentenceOf(x.start));
  /** "through the order" in x's sentence, unless itself negated ("we don't pay through the platform"). */
  const inside = (x: Span) => staysHere().some((c) => sentenceOf(c.start) === sentenceOf(x.start) && gap(c, x) <= TOPIC_REACH && !negated(c));
  const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  /** A cue of `concept` near x that is a different piece of text than x. */
  const nearOther = (x: Span, concept: string, window = WINDOW, accept?: (c: Cue) => boolean) =>
    findAround(concept, x.start - window - REACH, x.end + window, (c) => !overlap(c, x) && together(x, c, window) && (!accept || accept(c)));
  const reported = of("reported_scam").length > 0;
  const safe = (x: Span, ...evidence: Span[]) => !negated(x, ...evidence) && !quoted(x);

  /** "the password field", "a PayPal button", "6-digit code screen": the thing is a feature being built. */
  const feature = (x: Span) => of("feature_word").some((c) => !overlap(c, x) && sameClause(c, x) && (c.end <= x.start ? wordsBetween(c.end, x.start) : wordsBetween(x.end, c.start)) <= 2);
  const out: RuleFinding[] = [];
  const add = (label: ScanLabel, rule: string, score: number, spans: (Span & { flags?: number })[], normalized: string) =>
    out.push({ label, rule, score, spans: spans.map((s) => ({ start: s.start, end: s.end, flags: s.flags ?? 0 })), normalized });
  /** "the password of my Instagram", "my Instagram password": the account a secret belongs to, not a channel to move to. */
  const secretOf = (m: Span) =>
    of("secret").some((c) => !overlap(c, m) && sameClause(c, m) && (c.end <= m.start ? wordsBetween(c.end, m.start) <= 2 : wordsBetween(m.end, c.start) <= 1));
  return { text, cues, entities, links, context, brandedHandle, of, ents, findAround, near, nearOther, together, inSentence, sentenceOf, clauseOf, sameClause, wordsBetween, wordStart, negators, negated, quoted, topicNear, inside, staysHere, overlap, safe, feature, reported, out, add, secretOf, within };
}
