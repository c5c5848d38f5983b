// off_platform, after the payment rules: leaving the platform by name, unless the sentence is about paying.
import { REACH, type RuleKit, WINDOW, gap } from "./kit.ts";

export function outsidePlatformRules(k: RuleKit): void {
  const { of, findAround, near, sentenceOf, sameClause, negators, topicNear, inside, overlap, safe, out, add, secretOf } = k;
  // "let's continue outside Fiverr", "Continuiamo fuori da Fiverr": leaving the platform by name with a proposal
  // needs no contact verb (the verb is often part of the phrase). Weaker than a contact verb: any negator in its clause cancels it,
  // and paying outside is a payment request, not a move of the conversation ("pay outside Fiverr, here's my IBAN").
  for (const o of of("outside")) {
    const named = of("brand").some((b) => b.start >= o.start && b.end <= o.end);
    // A proposal ("let's", "we can", "continuiamo") makes it a move; "experience also outside Fiverr" is a CV.
    const proposed = !!findAround("proposal", o.start - WINDOW - REACH, o.end + WINDOW, (p) => sameClause(p, o) && gap(p, o) <= WINDOW);
    if (!named || !proposed || !safe(o) || inside(o) || topicNear(o) || secretOf(o) || negators().some((n) => sameClause(n, o))) continue;
    const aboutMoney = (["pay_verb", "pay_method", "pay_outside", "pay_timing"] as const).some((k) => !!near(o, k)) || out.some((f) => f.label === "payment_request" && f.spans.some((sp) => sentenceOf(sp.start) === sentenceOf(o.start)));
    if (!aboutMoney && !out.some((f) => f.label === "off_platform" && f.spans.some((sp) => overlap(sp, o)))) add("off_platform", "outside_platform", 0.65, [o], o.term);
  }
}
