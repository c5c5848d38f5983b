// The rules: concept hits (from the lexicons) and validated entities, combined within a
// sentence or a short window, become labelled findings. Negations, rule quotes, "it stays
// on the platform" phrases and reports of someone else's scam neutralise what they touch.
// Every rule id is stable (it appears in findings and in README.md).
import type { Entity } from "./detectors/entities.ts";
import type { LinkVerdict } from "./detectors/links.ts";
import type { ScanContext, ScanLabel } from "./types.ts";
import { boundaries, CLAUSE_END, credentialAfter, handleAfter, indexOf, isAmount, SENTENCE_END } from "./rules-text.ts";
import { messageLanguages, newLanguageMemo, type LanguageMemo } from "./rule-langs.ts";

/** A concept hit with its span in the original text. */
/** langs: every lexicon that lists the term ("global" and "platform" for language-neutral ones). */
export type Cue = { concept: string; langs: string[]; term: string; start: number; end: number; flags: number };

export type RuleFinding = {
  label: ScanLabel;
  rule: string;
  score: number;
  /** Spans in the original text that make up the evidence (the finding covers them all). */
  spans: { start: number; end: number; flags: number }[];
  normalized: string;
};

export type RuleInput = {
  text: string;
  cues: Cue[];
  entities: Entity[];
  links: Map<Entity, LinkVerdict>;
  context: ScanContext;
  /** The sender's handle carries the platform's name (FiverrSupport) though the sender is not official. */
  brandedHandle?: boolean;
  /** The scanner's memos (newRuleMemo()); without them the rules make their own. */
  memo?: RuleMemo;
};

/** Per-scanner memos and workspaces of the rules. */
export type RuleMemo = { languages: LanguageMemo };

export function newRuleMemo(): RuleMemo {
  return { languages: newLanguageMemo() };
}

/** Most hits of one concept the rules look at: the pairings are quadratic, chat messages have a few. */
const MAX_CUES = 64;
/** How far (characters) a topic, a rule quote or a "stays here" phrase reaches within its sentence. */
const TOPIC_REACH = 120;
/** How far (characters) a report of someone else's scam reaches: "someone asked me to pay a deposit in USDT… ignored". */
const REPORT_REACH = 160;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** Characters between two pieces of evidence that still make one request. */
const WINDOW = 80;
/** Reach of a negation, in words, before / after what it negates ("I won't pay through PayPal", "sūtīt nevajag"). */
const NEG_WORDS_BEFORE = 3;
const NEG_WORDS_AFTER = 2;

type Span = { start: number; end: number };
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

const gap = (a: Span, b: Span) => (a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0);

export function applyRules(input: RuleInput): RuleFinding[] {
  const { text, cues, entities, links, context, brandedHandle = false, memo } = input;
  // Every rule needs a cue or an entity.
  if (cues.length === 0 && entities.length === 0) return [];
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
  /** Longest cue (in characters) a window must reach back for. */
  const REACH = 160;
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

  // ---------- off_platform ----------
  for (const e of ents("url")) {
    const v = links.get(e);
    if (v?.kind === "messenger") add("off_platform", "messenger_link", 0.9, [e], e.value);
  }
  const contactish = (x: Span) => near(x, "contact_verb") ?? near(x, "messenger") ?? near(x, "contact_detail") ?? near(x, "outside");
  for (const e of ents("email")) {
    if (e.detail === "official") continue; // the platform's own addresses
    // A login being handed over (e-mail + password) is personal data, not an invitation.
    const credential = near(e, "secret", 40);
    if (credential && !near(e, "contact_verb")) continue;
    if (negated(e)) continue;
    add("off_platform", "email_address", 0.8, [e], e.value);
    const method = near(e, "pay_method", 60);
    if (method) add("payment_request", "payment_address", 0.75, [method, e], `${method.term} ${e.value}`);
  }
  /** A plain-digit ID next to an ID word ("ID number 000000018", "CPF 52998224725") is that, not a phone number. */
  const idNumber = (x: Span) => entities.some((e) => e.kind === "gov_id" && e.needsIdWord && overlap(e, x) && near(e, "secret", 40));
  for (const e of ents("phone")) {
    if (e.detail !== "strong" && idNumber(e)) continue;
    // A number that is not a valid phone number needs a contact word right next to it.
    const cue = e.detail === "strong" ? contactish(e) : (near(e, "contact_verb", 30) ?? near(e, "contact_detail", 30) ?? near(e, "messenger"));
    if (e.detail === "strong" || (cue && safe(cue))) add("off_platform", "phone_number", e.detail === "strong" ? 0.85 : 0.75, [e], e.value);
  }
  /** "the password of my Instagram", "my Instagram password": the account a secret belongs to, not a channel to move to. */
  const secretOf = (m: Span) =>
    of("secret").some((c) => !overlap(c, m) && sameClause(c, m) && (c.end <= m.start ? wordsBetween(c.end, m.start) <= 2 : wordsBetween(m.end, c.start) <= 1));
  for (const m of of("messenger")) {
    // "the code that comes by SMS" names a code's source, not a channel to move to.
    // "here on Fiverr it's too slow" after a comma is the reason to leave, not a promise to stay: same clause only.
    const staying = staysHere().some((c) => sameClause(c, m) && !negated(c));
    if (!safe(m) || staying || of("code_source").some((c) => overlap(c, m)) || secretOf(m)) continue;
    const topic = topicNear(m);
    // "whatsapp me" is a messenger and an invitation in one; a verb inside the name is not.
    const verb = of("contact_verb").find((c) => together(m, c) && !(c.start >= m.start && c.end <= m.end));
    if (verb && !topic && safe(verb, m)) {
      add("off_platform", "messenger_invite", 0.8, [m, verb], m.term);
      continue;
    }
    const handle = entities.find((e) => (e.kind === "handle" || e.kind === "phone") && e.start >= m.start - 12 && e.start - m.end <= 40);
    const token = handleAfter(text, m.end, entities);
    if (handle || token) {
      add("off_platform", "messenger_handle", 0.8, [m, handle ?? token!], handle?.value ?? token!.value);
      continue;
    }
    const outside = near(m, "outside");
    if (outside && !topic && safe(outside, m)) add("off_platform", "messenger_outside", 0.7, [m, outside], m.term);
  }
  for (const v of of("contact_verb")) {
    const o = nearOther(v, "outside", 60);
    // "me passa teu e-mail e senha": the contact word names a login being handed over (personal data, below).
    if (o && safe(v, o) && !inside(v) && !secretOf(o) && !secretOf(v)) add("off_platform", "contact_outside", 0.7, [v, o], `${v.term} ${o.term}`);
  }
  // "give me your number", "dame tu número": asking for the reader's own contact details.
  // "скинь номер карты" is a card number, not a phone number: a secret on or right after the request is personal data.
  for (const c of of("contact_request")) {
    if (safe(c) && !inside(c) && !topicNear(c) && !feature(c) && !secretOf(c) && !of("secret").some((x) => overlap(x, c))) add("off_platform", "contact_request", 0.7, [c], c.term);
  }
  for (const h of ents("handle")) {
    const v = near(h, "contact_verb", 40);
    if (v && safe(v)) add("off_platform", "handle_contact", 0.7, [h, v], h.value);
  }
  for (const m of of("meeting")) {
    if (of("inside_platform").some((c) => !negated(c)) || !safe(m)) continue;
    const link = entities.find((e) => e.kind === "url" && together(e, m) && links.get(e)?.kind !== "official");
    const verb = nearOther(m, "contact_verb");
    if (link || (verb && safe(verb, m))) add("off_platform", "meeting_outside", 0.65, [m, link ?? verb!], m.term);
  }

  // ---------- payment_request ----------
  for (const e of ents("iban")) if (!negated(e)) add("payment_request", "iban", 0.9, [e], e.value);
  for (const e of ents("crypto")) if (!negated(e)) add("payment_request", "crypto_address", 0.85, [e], e.value);
  for (const p of of("pay_outside")) if (safe(p)) add("payment_request", "pay_outside", 0.8, [p], p.term);
  // "pay me outside fiverr", "płać poza Fiverrem": a pay verb with a platform-naming outside term in its clause.
  for (const v of of("pay_verb")) {
    const o = nearOther(v, "outside", 40, (c) => sameClause(c, v) && of("brand").some((b) => b.start >= c.start && b.end <= c.end));
    if (o && safe(v, o) && !inside(v) && !of("pay_outside").some((p) => overlap(p, v) || overlap(p, o))) add("payment_request", "pay_outside_platform", 0.75, [v, o], `${v.term} ${o.term}`);
  }
  for (const m of of("pay_method")) {
    // "银行卡号", "card number": a rail named inside a secret's term is that secret (personal data, below).
    if (of("secret").some((c) => c.start <= m.start && c.end >= m.end && c.end - c.start > m.end - m.start)) continue;
    const timing = near(m, "pay_timing", 40);
    if (timing && safe(m, timing)) {
      add("payment_request", "pay_in_advance", 0.8, [m, timing], `${timing.term} ${m.term}`);
      continue;
    }
    const addr = entities.find((e) => (e.kind === "email" || e.kind === "phone" || e.kind === "handle" || e.kind === "payment_id") && together(e, m, 60));
    if (addr && safe(m) && !feature(m)) {
      add("payment_request", "pay_method_address", 0.75, [m, addr], `${m.term} ${addr.value}`);
      continue;
    }
    // A payment method named while inviting to a messenger or handing out an address: pay there.
    const invite = out.find((f) => f.label === "off_platform" && f.spans.some((sp) => sentenceOf(sp.start) === sentenceOf(m.start)));
    if (invite && safe(m)) {
      add("payment_request", "pay_method_off_platform", 0.65, [m, ...invite.spans], m.term);
      continue;
    }
    if ((inside(m) && !near(m, "pay_outside")) || feature(m)) continue;
    // The verb of its own clause first: "don't pay on the platform, transfer it to my PayPal" asks in the second clause.
    const verb = nearOther(m, "pay_verb", WINDOW, (c) => sameClause(c, m)) ?? nearOther(m, "pay_verb") ?? nearOther(m, "ask_verb", 50);
    // "your customers can pay by PayPal in the shop I build": the seller's product, unless paying around the fee.
    if (verb && !inside(verb) && safe(m, verb) && !topicNear(m)) add("payment_request", "pay_method", 0.75, [m, verb], `${verb.term} ${m.term}`);
  }

  // "let's continue outside Fiverr", "Continuiamo fuori da Fiverr": leaving the platform by name with a proposal
  // needs no contact verb (the verb is often part of the phrase). Weaker than a contact verb: any negator in its clause cancels it,
  // and paying outside is a payment request, not a move of the conversation ("pay outside Fiverr, here's my IBAN").
  for (const o of of("outside")) {
    const named = of("brand").some((b) => b.start >= o.start && b.end <= o.end);
    // A proposal ("let's", "we can", "continuiamo") makes it a move; "experience also outside Fiverr" is a CV.
    const proposed = !!findAround("proposal", o.start - WINDOW - REACH, o.end + WINDOW, (p) => sameClause(p, o) && gap(p, o) <= WINDOW);
    if (!named || !proposed || !safe(o) || inside(o) || topicNear(o) || secretOf(o) || negators().some((n) => sameClause(n, o))) continue;
    const aboutMoney = ["pay_verb", "pay_method", "pay_outside", "pay_timing"].some((k) => !!near(o, k)) || out.some((f) => f.label === "payment_request" && f.spans.some((sp) => sentenceOf(sp.start) === sentenceOf(o.start)));
    if (!aboutMoney && !out.some((f) => f.label === "off_platform" && f.spans.some((sp) => overlap(sp, o)))) add("off_platform", "outside_platform", 0.65, [o], o.term);
  }

  // ---------- personal_data ----------
  /** A staff claim or an account threat in the message: the setting of most credential lures. */
  const pressure = of("account_threat").length > 0 || of("brand").some((b) => of("staff_role").some((r) => gap(r, b) <= 20));
  const partial = (x: Span) => near(x, "partial_digits", 40) && !near(x, "full_number", 60);
  // A full, valid card number written out is disclosed whatever the sentence says around it ("it doesn't go through: 4242…").
  for (const e of ents("card")) if (!quoted(e) && !partial(e)) add("personal_data", "card_number", 0.9, [e], e.value);
  for (const e of ents("gov_id")) {
    // A bare 9-digit Israeli ID or an 11-digit CPF is one only next to a word for one (ת.ז, ID number, CPF);
    // the formatted 000.000.000-00 speaks for itself.
    if (e.needsIdWord && !near(e, "secret", 40)) continue;
    if (!negated(e)) add("personal_data", e.detail ?? "gov_id", 0.85, [e], e.value);
  }
  /**
   * "your security code please", "ur password pls", "מה הסיסמה": a please-word or question word right beside a
   * secret asks for it without a verb (same clause; a question word only before it, at most one word between).
   */
  const beside = (c: Span, x: Span, words: number) => !overlap(c, x) && sameClause(c, x) && (c.end <= x.start ? wordsBetween(c.end, x.start) <= words : wordsBetween(x.end, c.start) <= words);
  // ("please change the admin password" is advice: a please-word must touch the secret.)
  const askMarker = (x: Span) => of("ask_marker").find((c) => beside(c, x, 0)) ?? of("ask_question").find((c) => c.end <= x.start && beside(c, x, 1));
  // "you'll paste the token into the panel yourself": the owner keeps the secret.
  const selfService = (x: Span) => of("self_service").some((c) => sentenceOf(c.start) === sentenceOf(x.start));
  for (const s of of("secret")) {
    if (!safe(s) || partial(s) || selfService(s) || feature(s)) continue;
    // "I won't give you my password. Please send a collaborator request instead": a sentence that refuses the
    // secret takes no request verb from another sentence.
    const refused = negators().some((n) => n.end <= s.start && sentenceOf(n.start) === sentenceOf(s.start));
    const sameSentence = (c: Cue) => !refused || sentenceOf(c.start) === sentenceOf(s.start);
    // Under a staff claim or an account threat, "send" in any sense ("schick den Code") is the request.
    // An ask term may take the secret's first word with it ("ส่งรหัส|ผ่าน", "code please" over "security code"): it
    // still asks when it reaches beyond the secret.
    const askOf = (c: Cue) => sameSentence(c) && together(s, c) && (!overlap(c, s) || c.start < s.start || c.end > s.end);
    const ask = findAround("ask_verb", s.start - WINDOW - REACH, s.end + WINDOW, askOf) ?? (pressure ? nearOther(s, "pay_verb", WINDOW, sameSentence) : undefined);
    if (ask && safe(ask, s)) {
      add("personal_data", "secret_request", 0.85, [s, ask], `${ask.term} ${s.term}`);
      continue;
    }
    // (Not in a message about a product: "what's the safest password to choose? I'm building a sign-up form".)
    const marker = of("feature_word").length === 0 && of("topic_build").length === 0 ? askMarker(s) : undefined;
    if (marker && safe(marker, s) && !refused) {
      add("personal_data", "secret_request", 0.75, [s, marker], `${marker.term} ${s.term}`);
      continue;
    }
    const value = credentialAfter(text, s.end);
    if (value) {
      add("personal_data", "secret_disclosure", 0.85, [s, value], s.term);
      continue;
    }
    const digits = entities.find((e) => e.kind === "digits" && e.start >= s.end && e.start - s.end <= 40 && sentenceOf(e.start) === sentenceOf(s.start) && !isAmount(text, e));
    if (digits) add("personal_data", "code_disclosure", 0.8, [s, digits], `${s.term} ${digits.value}`);
  }
  // "blocked if you don't send your passport photo": a threat, a negated condition, a secret, in one sentence.
  for (const s of of("secret")) {
    const threat = of("account_threat").find((t) => sentenceOf(t.start) === sentenceOf(s.start));
    const condition = threat && of("negation").some((n) => sentenceOf(n.start) === sentenceOf(s.start) && n.start < s.start && n.start > Math.min(threat.start, s.start));
    if (threat && condition && !quoted(s) && !partial(s)) add("personal_data", "threat_demand", 0.8, [threat, s], `${threat.term} ${s.term}`);
  }
  for (const c of of("code_word")) {
    // The code a remote tool shows is part of the remote-access request, not a secret of its own.
    if (!safe(c) || near(c, "remote_tool", 80)) continue;
    const source = near(c, "code_source", 60);
    const ask = near(c, "ask_verb", 60) ?? askMarker(c);
    // "I build the feature that sends the OTP code by SMS": the code is part of the product.
    if (source && ask && safe(ask, c) && !feature(c)) {
      add("personal_data", "code_request", 0.8, [c, source, ask], `${ask.term} ${c.term} ${source.term}`);
      continue;
    }
    // "send the code" from someone who just claimed to be staff or threatened the account.
    const pushy = ask ?? (pressure ? nearOther(c, "pay_verb", 60) : undefined);
    if (!source && pushy && pressure && safe(pushy, c) && !feature(c)) {
      add("personal_data", "code_request", 0.75, [c, pushy], `${pushy.term} ${c.term}`);
      continue;
    }
    // "the code from the SMS: 482 913": a code with its source, then the digits, is the code itself.
    const digits = entities.find((e) => e.kind === "digits" && e.start >= c.end && e.start - c.end <= (source ? 40 : 12) && sentenceOf(e.start) === sentenceOf(c.start) && !isAmount(text, e));
    if (digits && (source || near(c, "secret", 120) || entities.some((e) => e.kind === "card"))) add("personal_data", "code_disclosure", 0.75, [c, digits], `${c.term} ${digits.value}`);
  }

  // ---------- remote_access ----------
  for (const r of of("remote_action")) if (safe(r)) add("remote_access", "remote_action", 0.85, [r], r.term);
  // A seller describing their own service ("I review how you use TeamViewer") names the tool after the topic.
  const topicBefore = (x: Span) => of("topic_build").some((c) => c.end <= x.start && x.start - c.end <= TOPIC_REACH && sentenceOf(c.start) === sentenceOf(x.start));
  // "j'ai installé AnyDesk", "I've installed TeamViewer": the speaker tells what they did, nobody is asked to.
  const asked = (verb: Span) => !of("self_report").some((c) => c.start <= verb.start && c.end >= verb.end);
  for (const t of [...of("remote_tool"), ...of("script_cmd")]) {
    const verb = nearOther(t, "install_verb", 100, asked) ?? (t.concept === "remote_tool" ? nearOther(t, "ask_verb", 60) : undefined);
    if (verb && safe(t, verb) && !topicBefore(t)) add("remote_access", t.concept === "remote_tool" ? "remote_tool" : "script_command", 0.85, [t, verb], `${verb.term} ${t.term}`);
  }
  for (const e of ents("executable")) {
    const verb = nearOther(e, "install_verb", 120, asked);
    if (verb && safe(e, verb)) add("remote_access", "executable", 0.8, [e, verb], e.value);
  }
  for (const x of of("executable_word")) {
    const verb = nearOther(x, "install_verb", 60, asked);
    if (verb && safe(x, verb) && !topicBefore(x)) add("remote_access", "run_program", 0.7, [x, verb], `${verb.term} ${x.term}`);
  }

  // ---------- suspicious_link ----------
  for (const e of ents("url")) {
    const v = links.get(e);
    if (!v) continue;
    if (v.kind === "lookalike" || v.kind === "userinfo") add("suspicious_link", `link_${v.kind}`, 0.9, [e], e.value);
    else if (v.kind === "brand_imitation") add("suspicious_link", "link_brand_imitation", 0.8, [e], e.value);
    else if (v.kind === "shortener") add("suspicious_link", "link_shortener", 0.7, [e], e.value);
  }

  // ---------- impersonation ----------
  if (!context.senderOfficial) {
    const threats = of("account_threat").filter((t) => safe(t));
    const firstBrand = of("brand")[0];
    for (const b of of("brand")) {
      const role = of("staff_role").find((r) => gap(r, b) <= 20);
      if (!role) continue;
      // "Fiverr support told me…", "contact Fiverr support": talking about staff, not claiming to be them.
      const claimSpan = { start: Math.min(b.start, role.start), end: Math.max(b.end, role.end) };
      if (of("staff_reference").some((c) => !overlap(c, claimSpan) && sameClause(c, claimSpan) && (c.end <= claimSpan.start ? wordsBetween(c.end, claimSpan.start) <= 1 : wordsBetween(claimSpan.end, c.start) <= 1))) continue;
      const claim = near(b, "staff_claim", 40);
      // A letterhead: the message opens with the name, set off like a signature ("Fiverr Trust & Safety: …").
      const opening = claimSpan.start < 40 && /^\s*(?:[:|\-–—,.!\n】\]()]|$)/u.test(text.slice(claimSpan.end, claimSpan.end + 4));
      const stakes = threats.length > 0 || out.some((f) => f.label === "personal_data" || f.label === "suspicious_link" || f.label === "payment_request");
      if ((claim || opening || stakes) && safe(role, b)) add("impersonation", "staff_claim", 0.85, [b, role], `${b.term} ${role.term}`);
    }
    // "This is the support team…" from a handle named after the platform: the name is the claim.
    if (brandedHandle) {
      for (const r of of("staff_role")) {
        const claim = nearOther(r, "staff_claim", 30);
        if (claim && safe(r, claim)) {
          add("impersonation", "branded_sender_claim", 0.8, [claim, r], `${claim.term} ${r.term}`);
          break;
        }
      }
    }
    for (const t of threats) {
      const official = firstBrand ?? of("staff_role")[0];
      add("impersonation", "platform_notice", official ? 0.8 : 0.7, [t], t.term);
    }
  }

  // Someone telling of a scam they received is not running one (unless hard evidence is in the message
  // itself). The report covers what it tells about: its own sentence and the next couple of lines, not a
  // lure further down a long message.
  if (reported) {
    const hard = new Set(["messenger_link", "email_address", "phone_number", "iban", "crypto_address", "card_number", "link_lookalike", "link_userinfo", "link_brand_imitation", "link_shortener"]);
    const told = of("reported_scam");
    const aboutReport = (f: RuleFinding) =>
      f.spans.every((sp) => told.some((r) => sentenceOf(sp.start) === sentenceOf(r.start) || (sp.start >= r.start - REPORT_REACH && sp.start - r.end <= REPORT_REACH)));
    return out.filter((f) => hard.has(f.rule) || !aboutReport(f));
  }
  return out;
}
