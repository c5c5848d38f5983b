// The rules: concept hits (from the lexicons) and validated entities, combined within a
// sentence or a short window, become labelled findings. Negations, rule quotes, "it stays
// on the platform" phrases and reports of someone else's scam neutralise what they touch.
// Every rule id is stable (it appears in findings and in the lexicons' README). One file per label;
// kit.ts holds the tests they share.
import { newRuleKit, REPORT_REACH, type RuleKit } from "./kit.ts";
import { quotedSpans } from "./text.ts";
import { impersonationRules } from "./impersonation.ts";
import { linkRules, SUSPICIOUS_LINKS } from "./links.ts";
import { offPlatformRules } from "./off-platform.ts";
import { outsidePlatformRules } from "./outside-platform.ts";
import { paymentRules } from "./payment.ts";
import { personalDataRules } from "./personal-data.ts";
import { remoteAccessRules } from "./remote-access.ts";
import type { RuleFinding, RuleInput } from "./types.ts";

export { sortByStart } from "./kit.ts";
export { newRuleMemo, type Cue, type RuleFinding, type RuleInput, type RuleMemo } from "./types.ts";

export function applyRules(input: RuleInput): RuleFinding[] {
  // The scanner's kit, loaded with this message (a bare call makes its own).
  const k = input.memo ? (input.memo.kit ??= newRuleKit(input.memo.languages)) : newRuleKit();
  if (!k.load(input)) return [];
  // In this order: later rules read earlier findings (a payment method beside an invitation, an outside
  // phrase in a payment sentence, a staff claim with stakes).
  offPlatformRules(k);
  paymentRules(k);
  outsidePlatformRules(k);
  personalDataRules(k);
  remoteAccessRules(k);
  linkRules(k);
  impersonationRules(k);
  const out = k.reported ? withoutReported(k) : k.out;
  return k.of("reported_speech").length > 0 ? withoutRelayedQuotes(k, out) : out;
}

/** Hard evidence counts even inside a report of someone else's scam. */
const HARD = new Set(["messenger_link", "payment_link", "email_address", "phone_number", "iban", "crypto_address", "card_number", ...Object.values(SUSPICIOUS_LINKS).map((r) => r.rule)]);

/**
 * Someone telling of a scam they received is not running one (unless hard evidence is in the message
 * itself). The report covers what it tells about: its own sentence and the next couple of lines, not a
 * lure further down a long message.
 */
function withoutReported(k: RuleKit): RuleFinding[] {
  const told = k.of("reported_scam");
  const aboutReport = (f: RuleFinding) =>
    f.spans.every((sp) => told.some((r) => k.sentenceOf(sp.start) === k.sentenceOf(r.start) || (sp.start >= r.start - REPORT_REACH && sp.start - r.end <= REPORT_REACH)));
  return k.out.filter((f) => HARD.has(f.rule) || !aboutReport(f));
}

/** Between a reporting verb and its quote only spaces, a colon, a comma or a dash ('he told me: "…"', '「…」と言われた'). */
const BESIDE_QUOTE = /^[\s:,，：—–-]{0,3}$/;

/**
 * A quote the writer relays ('my last seller told me "add me on WhatsApp" and vanished', 'you wrote: "send me your
 * password" — no thanks') is someone else's words: what is found only inside it is not the writer's ask, unless it is
 * hard evidence (a number, an address, a link is in the message all the same).
 */
function withoutRelayedQuotes(k: RuleKit, findings: RuleFinding[]): RuleFinding[] {
  const verbs = k.of("reported_speech");
  const text = k.text;
  // The relayed stretch runs from the verb over its quote (a hit may cross the quote mark: "me 'add me on…").
  const relayed: { start: number; end: number }[] = [];
  for (const q of quotedSpans(text)) {
    for (const v of verbs) {
      if (v.end <= q.start && BESIDE_QUOTE.test(text.slice(v.end, q.start))) relayed.push({ start: v.start, end: q.end });
      else if (v.start >= q.end && BESIDE_QUOTE.test(text.slice(q.end, v.start))) relayed.push({ start: q.start, end: v.end });
    }
  }
  if (relayed.length === 0) return findings;
  const inRelayed = (sp: { start: number; end: number }) => relayed.some((q) => q.start <= sp.start && sp.end <= q.end);
  return findings.filter((f) => HARD.has(f.rule) || !f.spans.every(inRelayed));
}
