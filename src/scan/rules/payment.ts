// payment_request: money moved around checkout (IBANs, wallets, pay-outside phrases, payment methods with a verb, an address or an invitation).
import { type RuleKit, WINDOW } from "./kit.ts";
import { amountAfter } from "./text.ts";
import { suspiciousLink } from "./links.ts";

export function paymentRules(k: RuleKit): void {
  const { text, links, entities, of, ents, near, nearOther, together, sentenceOf, sameClause, negated, topicNear, inside, overlap, safe, feature, out, add } = k;
  for (const e of ents("iban")) if (!negated(e)) add("payment_request", "iban", 0.9, [e], e.value);
  for (const e of ents("crypto")) if (!negated(e)) add("payment_request", "crypto_address", 0.85, [e], e.value);
  // paypal.me/name, buy.stripe.com/…: a page that takes the money is the request itself.
  for (const e of ents("url")) if (links.get(e)?.kind === "payment" && !negated(e)) add("payment_request", "payment_link", 0.85, [e], e.value);
  for (const p of of("pay_outside")) if (safe(p)) add("payment_request", "pay_outside", 0.8, [p], p.term);
  // "pay me outside fiverr", "płać poza Fiverrem": a pay verb with a platform-naming outside term in its clause.
  for (const v of of("pay_verb")) {
    const o = nearOther(v, "outside", 40, (c) => sameClause(c, v) && of("brand").some((b) => b.start >= c.start && b.end <= c.end));
    if (o && safe(v, o) && !inside(v) && !of("pay_outside").some((p) => overlap(p, v) || overlap(p, o))) add("payment_request", "pay_outside_platform", 0.75, [v, o], `${v.term} ${o.term}`);
  }
  const lureLink = () => ents("url").some((e) => suspiciousLink(links.get(e)?.kind) !== undefined);
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
    if (verb && !inside(verb) && safe(m, verb) && !topicNear(m)) {
      add("payment_request", "pay_method", 0.75, [m, verb], `${verb.term} ${m.term}`);
      continue;
    }
    // "bizum 40 eur y arranco", "p1x 50 reais": a rail with the sum right after it names where to send it, without a verb.
    // (Not beside a shortener or a lookalike link: "领取你的新人红包 ¥88 👉 t.co/…" offers money, a lure judged by its link.)
    const sum = amountAfter(text, m.end);
    if (sum && safe(m) && !topicNear(m) && !lureLink()) add("payment_request", "pay_method_amount", 0.7, [m, sum], `${m.term} ${text.slice(sum.start, sum.end).trim()}`);
  }
}
