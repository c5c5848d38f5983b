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
import { messageLanguages, newLanguageMemo, type LanguageMemo, type MessageLanguages } from "./languages.ts";
import { boundaries, CLAUSE_END, END_MARKS, hasCode, newPieceLookup, quotedSpans, sentenceBreaks, turnsBetween } from "./text.ts";
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

/** The cues a warning can be the pretext for: the messenger and the contact verb of a move off the platform. */
const MOVE_CONCEPTS = new Set<string>(["messenger", "contact_verb"]);
const FEATURE_WORD = CONCEPT_ID.feature_word;
const MESSENGER = CONCEPT_ID.messenger;
/** c starts inside the last cue of the list (not at its start). */
function startsInside(list: Cue[], c: Cue): boolean {
  const last = list[list.length - 1];
  return last !== undefined && last.start < c.start && c.start < last.end;
}
/** Things asked for that a rule keeping the talk on the platform quotes only from their own clause (see quoted). */
const CLAUSE_QUOTED = new Set<string>(["secret", "code_word", "remote_tool", "script_cmd", "executable_word", "remote_action"]);
/** What stands right before a word that opens a clause: a clause mark and spaces (or the text's start), and at most one word ("mejor hablemos", "just add me"). */
const OPENS_CLAUSE = /(?:^|[,;:.!?，、。！？]\s*)(?:\p{L}+\s+)?$/u;

/** No evidence beside the span asked about (shared, never written to). */
const NO_SPANS: Span[] = [];
/** The list of a concept without cues in the message (shared, never written to). */
const NO_CUES: Cue[] = [];

/** A negator or a rule quote among the cues: only then do the message's languages matter. */
function hasNeutraliser(cues: Cue[]): boolean {
  for (let k = 0; k < cues.length; k++) {
    const id = cues[k]!.conceptId ?? conceptId(cues[k]!.concept);
    if (id === CONCEPT_ID.negation || id === CONCEPT_ID.rule_quote) return true;
  }
  return false;
}

/** A kit for one scanner: load() each message before its rules run (nothing in it outlives the next load). */
export function newRuleKit(languageMemo: LanguageMemo = newLanguageMemo()) {
  // The message, and what is worked out about it on first use (many messages need no sentence breaks).
  let text = "";
  let cues: Cue[] = [];
  let entities: Entity[] = [];
  const sentences = newPieceLookup(sentenceBreaks);
  const clauses = newPieceLookup((t) => boundaries(t, CLAUSE_END));
  let staying: Cue[] | undefined;
  let quotes: Span[] | undefined;
  let active: Cue[] | undefined;
  let quoting: Cue[] | undefined;
  /** Negators of a plausible language that is not the message's main one: they count only right before what they negate. */
  let weakNegators: Set<Cue> | undefined;
  /** The message's languages as its cues vote (worked out on first use, when no neutraliser asked at load). */
  let voted: MessageLanguages | undefined;
  /**
   * The message's cues by concept id (read only, like every list `of` and `ents` give). A concept without cues has
   * the shared NO_CUES; a filled one gets a new list, set back to NO_CUES by the next load (emptying a list with
   * `length = 0` is a runtime call that drops its storage anyway).
   */
  const byConcept: Cue[][] = Array.from({ length: CONCEPT_COUNT }, () => NO_CUES);
  /** The ids with cues in this message: only those are sorted, and reset by the next load. */
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
  // (`besides`: a concept whose longer terms do not take c in: a refusal's "je refuse" leaves its negator "refuse" one.)
  const within = (c: Cue, besides?: Concept) => {
    if (longest < 0) sortCues();
    // Offsets are integers: the first cue starting after c is the first at or after c.start + 1.
    for (let k = firstFrom(byStart, c.start + 1) - 1; k >= 0 && byStart[k]!.start >= c.end - longest; k--) {
      const o = byStart[k]!;
      if (o.concept !== c.concept && o.concept !== besides && o.end >= c.end && o.end - o.start > c.end - c.start) return true;
    }
    return false;
  };
  /** c is a piece of a longer term of one of these concepts ("setup" in "setup guide", "send" in "we'll send"): that term's word, not c's. */
  const partOf = (c: Span, concepts: Concept[]) =>
    concepts.some((concept) => of(concept).some((o) => o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start));
  const sortCues = () => {
    byStart.length = 0;
    longest = 0;
    for (const c of cues) {
      byStart.push(c);
      longest = Math.max(longest, c.end - c.start);
    }
    sortByStart(byStart);
  };
  // ("حسابك على فايفر موقوف", "צוות התמיכה בפייבר", "قسم المدفوعات في فايفر": right after the reader's account or a desk,
  // "on Fiverr" says whose account or desk it is, not that the talk stays here.)
  const qualifies = (c: Cue) => [CONCEPT_ID.notice_subject, CONCEPT_ID.staff_role].some((id) => ofId(id).some((r) => r.end <= c.start && c.start - r.end <= 2));
  const staysHere = () => (staying ??= ofId(CONCEPT_ID.inside_platform).filter((c) => !within(c) && !qualifies(c)));
  // A negation inside another phrase ("isn't enough", "no fiverr fee") is that phrase's, not a negator (decided once).
  // Nor is a negator inside a number or an address (Vietnamese "không" is also the digit 0: "không chín một…").
  // Nor is a negator in a question that is not a refusal: a negative question invites ("LINEで話しません？",
  // "wollen wir nicht auf WhatsApp weiter?", "why don't you install anydesk?").
  const negators = () =>
    (active ??= ofId(CONCEPT_ID.negation).filter(
      (n) => !within(n, "refusal") && !entities.some((e) => e.start < n.end && n.start < e.end) && (doubt(n) ? isQuestion(n) : refusal(n) || !negativeQuestion(n)),
    ));
  /** n ends a negative question ("話しません？"), not a contrast with the platform ("via PayPal, not Fiverr?"). */
  const negativeQuestion = (n: Cue) => {
    const mark = questionAfter(n, NEGATIVE_QUESTION_WORDS);
    return !!mark && !ofId(CONCEPT_ID.brand).some((b) => b.start >= n.end && b.end <= mark.start);
  };
  /** A refusal verb ("ich weigere mich", "i refuse", "отказываюсь"): it takes the clause after it as its object. */
  const refusal = (n: Span) => ofId(CONCEPT_ID.refusal).some((r) => overlap(r, n));
  /**
   * A question of doubt ("Ist es sicher, dich außerhalb von Fiverr zu bezahlen?", "É seguro te pagar fora?", "在Fiverr外面付款安全吗？"):
   * a negator only in a question (the same words state a lure's reassurance: "é seguro, pode pagar por fora"), and, like
   * a refusal, it takes the clause after it as its object.
   */
  const doubt = (n: Span) => ofId(CONCEPT_ID.doubt_question).some((r) => overlap(r, n));
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
    (sameClause(n, e) &&
      (n.end <= e.start ? wordsBetween(n.end, wordStart(e.start)) <= (weakNegators?.has(n) ? 0 : NEG_WORDS_BEFORE) : !weakNegators?.has(n) && n.start >= e.end && wordsBetween(e.end, n.start) <= NEG_WORDS_AFTER)) ||
    refusesNext(n, e);
  /** "ich weigere mich, AnyDesk zu installieren": a refusal reaches across the comma into its infinitive clause. */
  const refusesNext = (n: Cue, e: Span) =>
    n.end <= e.start && !weakNegators?.has(n) && (refusal(n) || doubt(n)) && sameSentence(n.start, e.start) && wordsBetween(n.end, wordStart(e.start)) <= NEG_WORDS_BEFORE;
  /** n negates the request made of x and its evidence (walked in place: this runs for every negator and every request). */
  const negatesRequest = (n: Cue, x: Span, evidence: Span[]) => {
    // (Loops, not every/some with a closure over n: this runs for every negator of every question.)
    // Far before (after) x and all its evidence, or part of one of them: no negation of this request.
    let farBefore = n.end < x.start - 2 * REACH;
    let farAfter = n.start > x.end + 2 * REACH;
    let inside = inSpan(n, x);
    let start = x.start;
    let end = x.end;
    for (let k = 0; k < evidence.length; k++) {
      const e = evidence[k]!;
      farBefore &&= n.end < e.start - 2 * REACH;
      farAfter &&= n.start > e.end + 2 * REACH;
      inside ||= inSpan(n, e);
      start = Math.min(start, e.start);
      end = Math.max(end, e.end);
    }
    if (farBefore || farAfter || inside) return false;
    if (n.start >= start && n.end <= end) return sameClauseAt(n, start, end);
    if (negates(n, x)) return true;
    for (let k = 0; k < evidence.length; k++) if (negates(n, evidence[k]!)) return true;
    return false;
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
      for (let j = 0; j < threats.length; j++) if (sentences.isIn(k, threats[j]!.start)) return false;
    }
    for (let j = 0; j < ns.length; j++) if (negatesRequest(ns[j]!, x, evidence)) return true;
    return false;
  };
  // Sentence-wide neutralisers reach at most TOPIC_REACH characters: a long run-on sentence is many sentences.
  // "it's not a scam", "das ist kein Betrug": a rule word inside a reassurance is the lure's, not a warning (decided once).
  const ruleQuotes = () => (quoting ??= ofId(CONCEPT_ID.rule_quote).filter((q) => !within(q)));
  // "I know it's against the rules, but add me on WhatsApp": a quote the writer turns away from covers nothing after the turn.
  // "We keep everything on Fiverr, just send me the code": a rule that keeps the talk here (it holds an inside_platform
  // term) vouches for the platform, not for a secret or a tool asked for in another clause of its sentence.
  const stayRule = (q: Cue) => ofId(CONCEPT_ID.inside_platform).some((c) => c.start >= q.start && c.end <= q.end);
  const asksThing = (x: Span) => CLAUSE_QUOTED.has((x as Partial<Cue>).concept ?? "");
  const quoted = (x: Span, evidence: Span[] = NO_SPANS) => {
    let quotes = ruleQuotes();
    if (quotes.length === 0) return false;
    if (asksThing(x) || evidence.some(asksThing)) quotes = quotes.filter((q) => !stayRule(q) || sameClause(q, x));
    const q = nearIn(quotes, x, TOPIC_REACH);
    return !!q && !!inSentenceIn(quotes, x) && !(q.end <= x.start && (turnsBetween(text, q.end, x.start) || proposesAfter(q, x)));
  };
  // "be careful of scammers here, let's talk on telegram instead", "watch out for scams, add me on telegram": a proposal
  // in a later clause, or a contact verb opening one, moves the talk to the messenger or contact it names: the writer's
  // own move, the warning before it only its pretext. (Only for the move of the talk: "beware of phishing, let's keep
  // payments on Fiverr and never send your password" still quotes the rule in its own clause, and "if someone says let's
  // talk on telegram, report them" comes back to the warning after the move.)
  const proposesAfter = (q: Span, x: Span) =>
    MOVE_CONCEPTS.has((x as Partial<Cue>).concept ?? "") &&
    !ruleQuotes().some((o) => o !== q && (sameClause(o, x) || (o.start >= x.end && sameSentence(o.start, x.start)))) &&
    (movesAfter(ofId(CONCEPT_ID.proposal), q, x, false) || movesAfter(ofId(CONCEPT_ID.contact_verb), q, x, true));
  const movesAfter = (list: Cue[], q: Span, x: Span, opening: boolean) => {
    for (let k = 0; k < list.length; k++) {
      const p = list[k]!;
      if (p.start >= q.end && p.start <= x.start && sameClause(p, x) && !sameClause(p, q) && (!opening || OPENS_CLAUSE.test(text.slice(Math.max(0, p.start - 24), p.start)))) return true;
    }
    return false;
  };
  // (The tests below loop over their lists: a some() closure over x would be an allocation per question.)
  // A topic word inside a longer phrase ("gig" in "your gig was removed": a notice's subject) is that phrase's, not a topic.
  const topicNear = (x: Span) => {
    const list = ofId(CONCEPT_ID.topic_build);
    for (let k = 0; k < list.length; k++) if (gap(list[k]!, x) <= TOPIC_REACH && sameSentence(x.start, list[k]!.start) && !within(list[k]!)) return true;
    return false;
  };
  /**
   * "put my number on the flyer", "the footer should say…", "IBAN … as an example": contact details, payment words
   * and codes in a sentence with a `content_frame` term are content for the deliverable, not a move off the platform.
   * An invitation in the sentence ("call me", "email me", "add me on…") keeps it a request; a contact verb that runs
   * into the detail it hands over ("add my|phone number … to the business card") does not. Quoted text is the
   * deliverable's text too in a sentence that asks for a translation (`content_quote`: "translate this sentence for
   * the website: 'Call us at…'") or builds a product ("the landing page needs a section: 'Kontakt: +49…'"); unquoted,
   * "translate this and send it to my email …" is still an address handed out.
   */
  const asContent = (x: Span) =>
    framedBy(ofId(CONCEPT_ID.content_frame), x) ||
    framedBy(ofId(CONCEPT_ID.content_sample), x) ||
    framedBy(ofId(CONCEPT_ID.content_heading), x, true) ||
    (inQuotes(x) && (framedBy(ofId(CONCEPT_ID.content_quote), x) || framedBy(ofId(CONCEPT_ID.topic_build), x)));
  /** "IBAN … as an example", "un IBAN de ejemplo": a sample value (a `content_sample` frame), not a real one. */
  const asSample = (x: Span) => framedBy(ofId(CONCEPT_ID.content_sample), x);
  /** headingOnly: the frame counts only as a heading with a colon over x ("Text for the business card:\n…"). */
  const framedBy = (frames: Cue[], x: Span, headingOnly = false) => {
    if (frames.length === 0) return false;
    const k = sentenceOf(x.start);
    const details = ofId(CONCEPT_ID.contact_detail);
    // (A contact verb inside quotes is the deliverable's own text: "translate: 'Call us at…'".)
    const invites = (from: number, to: number) =>
      ofId(CONCEPT_ID.contact_verb).some((v) => (sentences.isIn(k, v.start) || (v.start >= from && v.start < to)) && !details.some((d) => overlap(d, v) && d.end > v.end) && !inQuotes(v));
    const reaches = (c: Cue) => (!headingOnly && sentences.isIn(k, c.start) ? gap(c, x) <= TOPIC_REACH : introduces(c, x));
    return frames.some((c) => reaches(c) && !negatedWith(c, NO_SPANS) && !invites(c.start, x.end));
  };
  /** x is part of a content frame's own words ("invoice" in "invoice template"). */
  const inFrame = (x: Span) => FRAME_IDS.some((id) => ofId(id).some((c) => c.start <= x.start && x.end <= c.end));
  /**
   * A frame followed by a colon introduces the text after it up to the line's end, across the full stops of
   * abbreviations and of the quoted text itself ("should read: Dr. Omar Haddad, tel. 555-0199", "soll stehen: Tel. 0171…").
   */
  const introduces = (c: Span, x: Span) => {
    if (c.end > x.start || !COLON_AFTER.test(text.slice(c.end, c.end + 3))) return false;
    const between = text.slice(c.end, x.start);
    // A colon that ends its line heads the block of lines under it, up to a blank line ("Flyer text:\n- Call 0161…\n- hello@…").
    if (HEADING_COLON.test(text.slice(c.end, c.end + 4))) return x.start - c.end <= BLOCK_REACH && !BLANK_LINE.test(between);
    return x.start - c.end <= TOPIC_REACH && !between.includes("\n");
  };
  /** x's sentence asks a question (a question mark of any script in it). */
  const isQuestion = (x: Span) => {
    const k = sentenceOf(x.start);
    const bounds = sentences.breaks();
    const piece = text.slice(k === 0 ? 0 : bounds[k - 1]!, k < bounds.length ? bounds[k]! : text.length);
    return QUESTION_MARK.test(piece);
  };
  /** x is inside quoted text ("the sign should say 'We accept PayPal'"): the quoted passages are found on first use. */
  const inQuotes = (x: Span) => (quotes ??= quotedSpans(text)).some((q) => q.start <= x.start && x.end <= q.end);
  /**
   * "I used to pay them by bank transfer", "früher habe ich … bezahlt": a past habit told in x's clause, before it;
   * or a past tense that holds the verb itself, as verb-final languages end it ("PayPayで支払いました").
   */
  const pastHabit = (x: Span) => ofId(CONCEPT_ID.past_habit).some((c) => (c.end <= x.end || c.start <= x.start) && sameClause(c, x) && gap(c, x) <= WINDOW);
  /**
   * "the app should send the 4-digit code by SMS", "アプリはSMSで認証コードを送って", "aplikasinya harus … bayar pakai OVO": a verb
   * after the product as its subject, in its clause, is what the product does, not a request to the reader.
   */
  // (A subject's term may end in a word that breaks clauses elsewhere, Polish "ma" (has) = Italian "but": "aplikacja ma
  // wysłać kod". Its clause is then the one right after it.)
  const productDoes = (x: Span) =>
    ofId(CONCEPT_ID.product_subject).some((c) => c.end <= x.start && (sameClause(c, x) || clauses.isIn(clauseOf(x.start), Math.min(c.end + 1, x.start))) && gap(c, x) <= WINDOW && !FULL_STOP_BETWEEN.test(text.slice(c.end, x.start)));
  /**
   * A requirements list: x in the block of lines under a `brief_heading` line that ends with a colon ("Anforderungen für
   * unseren Onlineshop:\n- Zahlungsarten: PayPal, …", "ТЗ на бота:\n— оплата через ЮKassa …"), up to a blank line (one
   * right under the heading does not end it). Its rails are the product's features.
   */
  const inBrief = (x: Span) => {
    const list = ofId(CONCEPT_ID.brief_heading);
    for (let k = 0; k < list.length; k++) {
      const h = list[k]!;
      if (h.end > x.start) break;
      const lineEnd = text.indexOf("\n", h.end);
      if (lineEnd < 0 || lineEnd > x.start || x.start - lineEnd > BRIEF_REACH) continue;
      const rest = text.slice(h.end, lineEnd);
      if (rest.length > BRIEF_HEADING_TAIL || !BRIEF_COLON.test(rest)) continue;
      if (!BLANK_LINE.test(text.slice(lineEnd, x.start).replace(LEADING_BLANKS, "\n"))) return true;
    }
    return false;
  };
  /** "through the order" in x's sentence, unless itself negated ("we don't pay through the platform"). */
  const inside = (x: Span) => {
    const list = staysHere();
    for (let k = 0; k < list.length; k++) {
      const c = list[k]!;
      if (sameSentence(x.start, c.start) && gap(c, x) <= TOPIC_REACH && !negatedWith(c, NO_SPANS)) return true;
    }
    return false;
  };
  /** A cue of `concept` near x that is a different piece of text than x. */
  const nearOther = (x: Span, concept: Concept, window = WINDOW, accept?: (c: Cue) => boolean) => {
    const list = of(concept);
    for (let k = firstFrom(list, x.start - window - REACH); k < list.length && list[k]!.start < x.end + window; k++) {
      const c = list[k]!;
      if (!overlap(c, x) && together(x, c, window) && (!accept || accept(c))) return c;
    }
    return undefined;
  };
  /** The languages the message is written in (the votes of its cues). */
  const languages = () => (voted ??= messageLanguages(cues, languageMemo));
  const safe = (x: Span, ...evidence: Span[]) => !negatedWith(x, evidence) && !quoted(x, evidence);
  /** "the password field", "a PayPal button", "6-digit code screen": the thing is a feature being built. */
  const feature = (x: Span) => {
    const list = ofId(CONCEPT_ID.feature_word);
    // (A feature word inside a code source's own term names where the code comes from: "kodu no autentifikatora lietotnes".)
    const sources = ofId(CONCEPT_ID.code_source);
    for (let k = 0; k < list.length; k++) {
      const f = list[k]!;
      if (beside(f, x, 2) && !sources.some((c) => c.start <= f.start && f.end <= c.end)) return true; // (a loop: no closure per question)
    }
    return false;
  };
  /** c is right beside x in its clause: no overlap, at most `words` words between (either side). */
  const beside = (c: Span, x: Span, words: number) => !overlap(c, x) && sameClause(c, x) && (c.end <= x.start ? wordsBetween(c.end, x.start) : wordsBetween(x.end, c.start)) <= words;
  /**
   * The question mark that ends x's clause at most `words` words after x ("teamviewer id?", "LINEで話しません？"):
   * the word view drops punctuation, so the original text is read up to the clause's first end mark.
   */
  const questionAfter = (x: Span, words: number): Span | undefined => {
    const k = clauseOf(Math.max(x.start, x.end - 1));
    const bounds = clauses.breaks();
    const to = k < bounds.length ? bounds[k]! : text.length;
    for (let p = x.end; p < to; p++) {
      const c = text.charCodeAt(p);
      if (!hasCode(END_MARKS, c)) continue;
      return hasCode(QUESTION_MARKS, c) && wordsBetween(x.end, p) <= words ? { start: p, end: p + 1 } : undefined;
    }
    return undefined;
  };
  /** The sentence after x's opens with a negator: "teamviewer? no thanks", "skype? nein" answer the question, they do not ask it. */
  const answeredNo = (x: Span) => {
    const k = sentenceOf(x.start);
    const bounds = sentences.breaks();
    if (k >= bounds.length) return false;
    const next = bounds[k]!;
    return negators().some((n) => n.start >= next && sentences.isIn(k + 1, n.start) && wordsBetween(next, n.start) === 0);
  };
  /**
   * The blocked state a notice puts the reader's account, payment or gig in ("your withdrawal has been frozen", "su
   * cuenta ha sido suspendida"): one in the subject's clause, up to five words after it or two before.
   */
  const blockedState = (subject: Cue): Cue | undefined =>
    nearOther(subject, "notice_state", 60, (c) => sameClause(c, subject) && (c.start >= subject.end ? wordsBetween(subject.end, c.start) <= 5 : wordsBetween(c.end, subject.start) <= 2));
  /**
   * A request made without a verb, right beside the thing asked for: a please-word touching it ("anydesk pls",
   * "tg bitte", "AnyDeskお願いします"); a question whether the reader has it ("u have paypal?", "энидеск есть?",
   * "tem pix?", "PayPal持ってますか？"); or the thing alone as a short question ("tg?", "skype?", "teamviewer id?")
   * that the next sentence does not answer with a no. Not in a message about a product being built
   * ("telegram integration pls", "is the tg bot ready?"). Returns the evidence beside x.
   */
  const bareAsk = (x: Cue, wordsAfter = 0): Span | undefined => {
    // (Nor in one that keeps things here: "Do you accept crypto? Just kidding, I'll order through Fiverr.")
    if (ofId(CONCEPT_ID.feature_word).length > 0 || ofId(CONCEPT_ID.topic_build).length > 0 || staysHere().some((c) => !negatedWith(c, NO_SPANS))) return undefined;
    // (`wordsAfter`: words a please-word after the thing may leave between, "teamviewer id bitte"; before it none:
    // "please uninstall anydesk" asks for something else.)
    const marker = ofId(CONCEPT_ID.ask_marker).find((c) => beside(c, x, c.start >= x.end ? wordsAfter : 0) || closingMarker(c, x));
    if (marker) return marker;
    // (The question ends right after a "have" that follows the thing, "papara var mı?", or at most a word after the
    // thing that follows it, "do you have a paypal account?", "có zalo không?"; a have before a list reaches its
    // last item, "hai paypal o postepay?".)
    const head = listHead(x);
    const have = ofId(CONCEPT_ID.have_question).find(
      (c) => !within(c) && (c.start >= x.end ? beside(c, x, 1) && !!questionAfter(c, 0) : beside(c, head, 1) && !!questionAfter(x, 1)),
    );
    if (have) return have;
    const mark = questionAfter(x, 1);
    if (!mark || answeredNo(x)) return undefined;
    const k = sentenceOf(x.start);
    const from = k === 0 ? 0 : sentences.breaks()[k - 1]!;
    return wordsBetween(from, mark.start) <= SHORT_QUESTION_WORDS ? mark : undefined;
  };
  /** A please-word after a comma that ends the sentence: "anydesk, lūdzu", "whatsapp, please". */
  const closingMarker = (c: Span, x: Span) => {
    if (c.start < x.end || wordsBetween(x.end, c.start) > 0 || !sameSentence(x.start, c.start)) return false;
    const k = sentenceOf(c.start);
    const bounds = sentences.breaks();
    return wordsBetween(c.end, k < bounds.length ? bounds[k]! : text.length) === 0;
  };
  /** The first of a list of things of x's concept that ends with x ("paypal o postepay", "wise or revolut"), each a word apart at most. */
  const listHead = (x: Cue): Cue => {
    let head = x;
    for (let n = 0; n < MAX_LIST; n++) {
      const h = head;
      const before = of(x.concept as Concept).find((y) => y.end <= h.start && sameClause(y, h) && wordsBetween(y.end, h.start) <= 1);
      if (!before) break;
      head = before;
    }
    return head;
  };
  const add = (label: ScanLabel, rule: string, score: number, spans: (Span & { flags?: number })[], normalized: string) => {
    const copies: RuleFinding["spans"] = [];
    for (const s of spans) copies.push({ start: s.start, end: s.end, flags: s.flags ?? 0 });
    kit.out.push({ label, rule, score, spans: copies, normalized });
  };
  /** "the password of my Instagram", "my Instagram password": the account a secret belongs to, not a channel to move to. */
  // (For a rail, so are the digits staff may ask for (`card`): "银行卡的后4位", "the last 4 digits of your bank card" name
  // the card, not a rail to pay; "the last 4 digits on WhatsApp" still names a channel.)
  // ("支付宝绑定银行卡的后四位": the card a rail is linked to; "用支付宝付款后发后四位" pays first.)
  // ("номер картки скину в телеграмі", "card number I'll send on Telegram": a contact verb between them sends the secret there.)
  const paidBetween = (from: number, to: number) => ofId(CONCEPT_ID.pay_verb).some((v) => v.start >= from && v.end <= to);
  const verbBetween = (from: number, to: number) => ofId(CONCEPT_ID.contact_verb).some((v) => v.start >= from && v.end <= to);
  const secretOf = (m: Span, card = false) => {
    for (const id of card ? SECRET_OWNERS : SECRETS) {
      const list = ofId(id);
      for (let k = 0; k < list.length; k++) {
        const c = list[k]!;
        if (!overlap(c, m) && sameClause(c, m) && (c.end <= m.start ? wordsBetween(c.end, m.start) <= 2 && !verbBetween(c.end, m.start) : wordsBetween(m.end, c.start) <= (id === CONCEPT_ID.secret ? 1 : 3) && !paidBetween(m.end, c.start))) return true;
      }
    }
    return false;
  };

  /** Files the message's cues by concept; false when it has neither cues nor entities (then no rule can fire). */
  const load = (input: RuleInput): boolean => {
    for (let k = 0; k < filled.length; k++) byConcept[filled[k]!] = NO_CUES;
    filled.length = 0;
    for (const list of kinds) list.length = 0;
    kinds.length = 0;
    entitiesFiled = false;
    if (negatedAlone.size > 0) negatedAlone.clear(); // clear() makes a new table even when there is nothing in it
    staying = active = quoting = weakNegators = quotes = voted = undefined;
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
    const languages = (voted = hasNeutraliser(cues) ? messageLanguages(cues, languageMemo) : undefined);
    for (const c of cues) {
      const id = c.conceptId ?? conceptId(c.concept);
      if (id < 0) continue;
      // French "attention" or a Hindi "fraud" in an English lure would silence it: a rule quote, too, counts only in a
      // language the message is plausibly written in.
      if (id === ruleQuote && !languages!.main(c)) continue;
      // A feature word that starts inside a messenger's name is a piece of it: "app pe" in "w h a t s a p p pe".
      // (Cues come by end: the messenger ends first, so it is filed already.)
      if (id === FEATURE_WORD && startsInside(byConcept[MESSENGER]!, c)) continue;
      if (id === negation) {
        // "no" is a negation in English and Spanish but "in the" in Portuguese: a negator counts
        // only in a language the message is plausibly written in.
        if (!languages!.plausible(c)) continue;
        if (!languages!.main(c)) (weakNegators ??= new Set()).add(c);
      }
      const list = byConcept[id]!;
      if (list === NO_CUES) {
        byConcept[id] = [c];
        filled.push(id);
      } else if (list.length < MAX_CUES) list.push(c);
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
    of, ents, findAround, near, nearOther, together, inSentence, sentenceOf, clauseOf, sameClause, wordsBetween, wordStart, negators, negated, quoted, topicNear, asContent, asSample, inFrame, pastHabit, productDoes, inBrief, inQuotes, isQuestion, inside, staysHere, overlap, safe, feature, languages, add, secretOf, within, partOf, beside, questionAfter, bareAsk, blockedState,
  };
  return kit;
}

/** The concepts whose terms frame a deliverable's text. */
/** What a rail right beside it belongs to (`secretOf`): a secret, or the part of a card staff may ask for. */
const SECRET_OWNERS = [CONCEPT_ID.secret, CONCEPT_ID.partial_digits];
const SECRETS = [CONCEPT_ID.secret];
const FRAME_IDS = [CONCEPT_ID.content_frame, CONCEPT_ID.content_sample, CONCEPT_ID.content_quote, CONCEPT_ID.content_heading];
/** Question marks: Latin, full-width, Arabic. */
const QUESTION_MARKS = "?？؟";
const QUESTION_MARK = new RegExp(`[${QUESTION_MARKS}]`);
/** A colon right after a content frame ("should say:", "soll stehen:", "要写："). */
const COLON_AFTER = /^\s?[:：]/;
/** The colon ends its line: a heading over the lines below. */
const HEADING_COLON = /^\s?[:：][ \t]*\r?\n/;
const BLANK_LINE = /\n[ \t]*\r?\n/;
/** How far (characters) a heading's block reaches: a business card or a flyer's text. */
const BLOCK_REACH = 400;
/** How far a requirements list runs under its heading, and how much of the heading's line may follow its word ("requisitos del proyecto:"). */
const BRIEF_REACH = 800;
const BRIEF_HEADING_TAIL = 40;
const BRIEF_COLON = /[:：]\s*$/u;
const LEADING_BLANKS = /^\n(?:[ \t]*\n)+/u;
/** An end mark between two places (a CJK full stop needs no space after it: "アプリは完成しました。…教えてください"). */
const FULL_STOP_BETWEEN = /[.!?。！？]/u;

/** Reach of a negation, in words, before / after what it negates ("I won't pay through PayPal", "sūtīt nevajag"). */
const NEG_WORDS_BEFORE = 3;
const NEG_WORDS_AFTER = 2;
/** Most words of a question that is just the thing asked for ("tg?", "ok yalla whatsapp?", "teamviewer id?"). */
const SHORT_QUESTION_WORDS = 3;
/**
 * Most words from a negator to the question mark that makes it a negative question: the verb-final invitations
 * ("LINEで話しません？", "카톡으로 하지 않을래요?"). Further from the mark a negator still negates ("isn't it risky to install
 * anydesk?" is a victim's question); the invitations of other languages are phrases ("can't we", "wollen wir nicht",
 * "pourquoi pas sur"), listed as `negation_exception` or `contact_verb` terms.
 */
const NEGATIVE_QUESTION_WORDS = 1;
/** Most things in a list a have-question reaches through ("do you have paypal, wise or revolut?"). */
const MAX_LIST = 3;
