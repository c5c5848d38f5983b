// payment_request: money moved around checkout (IBANs, wallets, pay-outside phrases, payment methods with a verb, an address or an invitation).
import { gap, type RuleKit, type Span, WINDOW } from "./kit.ts";
import { amountAfter, amountBefore, amountsIn, turnsBetween } from "./text.ts";
import { suspiciousLink } from "./links.ts";
import type { Cue } from "./types.ts";
import type { Concept } from "./concepts.ts";

/**
 * Noun phrases that hold a pay verb's word: "pago" in "tu pago ha sido liberado" (a notice's subject), a product topic,
 * a rail's own name ("Pay" in "Apple Pay", "Google Pay": no verb for the rail beside it), a feature's ("pago" in "página de pago").
 */
/** How far after a rail a test-mode phrase of its sentence still takes it in ("…, Stripe e Pix pelo Mercado Pago, tudo em modo de teste"). */
const TEST_MODE_REACH = 160;
const NOUN_PHRASES: Concept[] = ["notice_subject", "topic_build", "pay_method", "feature_word", "product_subject"];
/** Longer terms a payment method's name may sit inside without naming a rail to pay by: a secret ("card number"), a feature
 * ("wallet" in "the USDT wallet balance"), a product ("gift card design"). */
const RAIL_HOLDERS: Concept[] = ["secret", "feature_word"];
/** A comma (and spaces) right before a clause, and what may follow a clause that ends: a mark or the text's end. */
const AFTER_COMMA = /,\s*$/u;
const ENDS_CLAUSE = /^\s*(?:[.!?;,)…。！？]|$)/u;

/** What joins the rails of one list: a comma, a slash, "and"/"or" in the languages of the lexicons ("PayPal, Stripe and Apple Pay"). */
// (One item between may be a name that is no rail: "PayPal, Stripe and Apple Pay".)
const LIST_JOINER = /^[\s,/&+]*(?:[\p{L}\p{N}]+[\s,/&+]+)?(?:(?:and|or|und|oder|y|o|e|ou|et|ed|и|или|та|або|ve|veya|ya da|i|lub|albo|و|או|ו|和|或|と|や|dan|atau|và|hoặc|aur|ya|un|vai|of|en|și|sau|a|nebo|och|eller|και|ή|یا)[\s,]*)?$/iu;

export function paymentRules(k: RuleKit): void {
  const { text, links, entities, of, ents, near, nearOther, blockedState, together, sentenceOf, sameClause, wordsBetween, negated, topicNear, asContent, asSample, inFrame, pastHabit, productDoes, inBrief, inQuotes, isQuestion, negators, inside, overlap, safe, feature, out, add, partOf, bareAsk, beside, secretOf } = k;
  // "the sign should say 'Pagos con Bizum'", an IBAN on an invoice template "as an example": the deliverable's text,
  // unless the message avoids the fee or pays upfront, or the speaker's own pay or ask verb (neither quoted nor the frame's
  // word, as "invoice" in "invoice template") asks for a rail that is neither quoted nor a sample ("On the t-shirts:
  // pay me $50 via PayPal", "Print the invoice and pay it to IBAN …").
  const ownVerb = (x: Span) => [...of("pay_verb"), ...of("ask_verb")].some((v) => sentenceOf(v.start) === sentenceOf(x.start) && !inQuotes(v) && !inFrame(v));
  const content = (x: Span) => asContent(x) && of("pay_outside").length === 0 && of("pay_timing").length === 0 && (inQuotes(x) || asSample(x) || !ownVerb(x));
  for (const e of ents("iban")) if (!negated(e) && !content(e)) add("payment_request", "iban", 0.9, [e], e.value);
  for (const e of ents("crypto")) if (!negated(e) && !content(e)) add("payment_request", "crypto_address", 0.85, [e], e.value);
  // paypal.me/name, buy.stripe.com/…: a page that takes the money is the request itself.
  for (const e of ents("url")) if (links.get(e)?.kind === "payment" && !negated(e)) add("payment_request", "payment_link", 0.85, [e], e.value);
  for (const p of of("pay_outside")) if (safe(p)) add("payment_request", "pay_outside", 0.8, [p], p.term);
  // "wire me the rest directly, skip fiverr": an outside phrase that is a whole clause of its own, right after the pay
  // verb's clause, is that clause's afterthought (nothing of its own to say but where not to pay).
  const tailClause = (c: Cue, v: Cue) =>
    c.start > v.end && sentenceOf(c.start) === sentenceOf(v.start) && AFTER_COMMA.test(text.slice(Math.max(v.end, c.start - 3), c.start)) && ENDS_CLAUSE.test(text.slice(c.end, c.end + 3));
  // "pay me outside fiverr", "płać poza Fiverrem": a pay verb with a platform-naming outside term in its clause.
  for (const v of of("pay_verb")) {
    const o = nearOther(v, "outside", 40, (c) => (sameClause(c, v) || tailClause(c, v)) && of("brand").some((b) => b.start >= c.start && b.end <= c.end));
    if (o && safe(v, o) && !inside(v) && !of("pay_outside").some((p) => overlap(p, v) || overlap(p, o))) add("payment_request", "pay_outside_platform", 0.75, [v, o], `${v.term} ${o.term}`);
  }
  // "your account is on hold, pay $25 to release it", "ادفع ١٠$ لتفعيله": a sum demanded under a staff claim or a fake
  // notice is the fee the lure is after (the same pressure that makes "send the code" a request).
  // (A notice is pressure however it is built: a threat phrase, or the reader's account in a blocked state, "ваш аккаунт заморожен".)
  const pressure =
    of("account_threat").length > 0 || of("brand").some((b) => of("staff_role").some((r) => gap(r, b) <= 20)) || of("notice_subject").some((s) => !!blockedState(s));
  if (pressure && !k.context.senderOfficial && !out.some((f) => f.label === "payment_request"))
    for (const v of of("pay_verb")) {
      // (Verb-final languages name the sum first: "açmak için 20$ ödeyin".)
      const sum = amountAfter(text, v.end) ?? amountBefore(text, v.start);
      // ("should I pay $20 to unlock it?": the reader asking about a notice, not the notice asking.)
      // ("I can't pay $20": a negator touching the verb refuses, even where a threat makes negations conditions.)
      const refused = negators().some((n) => n.end <= v.start && wordsBetween(n.end, v.start) === 0);
      if (sum && safe(v) && !isQuestion(v) && !refused) {
        add("payment_request", "pressure_fee", 0.7, [v, sum], `${v.term} ${text.slice(sum.start, sum.end).trim()}`);
        break;
      }
    }
  // "To unlock your earnings you must pay a deposit of $80", "para liberar seus ganhos, pague R$ 150": a sum to pay (a pay
  // verb or a deposit word, and money in the sentence) so that the reader's earnings or payout are released is the fee
  // the lure is after. The purpose alone asks for no money ("aby odblokować wypłatę, podaj numer karty" asks for a card).
  if (!k.context.senderOfficial && !out.some((f) => f.label === "payment_request"))
    for (const p of of("fee_purpose")) {
      const inSentence = (c: Cue) => sentenceOf(c.start) === sentenceOf(p.start) && !overlap(c, p) && !pastHabit(c);
      const pay = [...of("pay_verb"), ...of("pay_timing")].find((c) => inSentence(c) && !inside(c) && !partOf(c, NOUN_PHRASES));
      if (!pay || !safe(p, pay) || isQuestion(p)) continue;
      const from = Math.max(0, Math.min(p.start, pay.start) - WINDOW);
      const sum = amountsIn(text, from, Math.max(p.end, pay.end) + WINDOW).find((d) => sentenceOf(d.start) === sentenceOf(p.start));
      if (sum) {
        add("payment_request", "unlock_fee", 0.75, [p, pay, sum], `${pay.term} ${text.slice(sum.start, sum.end)} ${p.term}`);
        break;
      }
    }
  const lureLink = () => ents("url").some((e) => suspiciousLink(links.get(e)?.kind) !== undefined);
  // "Kann ich bei Fiverr mit PayPal bezahlen?", "Does Fiverr accept PayPal?": a question about the platform's own checkout
  // (the platform named in the sentence, a `platform_question` in the rail's clause), unless the message leaves the
  // platform or avoids its fee, or a negator in the sentence turns it round ("can you pay via PayPal, not Fiverr?").
  const aboutCheckout = (m: Span) =>
    of("outside").length === 0 &&
    of("pay_outside").length === 0 &&
    isQuestion(m) &&
    of("platform_question").some((q) => sameClause(q, m) && together(q, m)) &&
    of("brand").some((b) => sentenceOf(b.start) === sentenceOf(m.start)) &&
    !negators().some((n) => sentenceOf(n.start) === sentenceOf(m.start));
  // A rail listed with one that is a feature is one too ("PayPal, Stripe and Apple Pay in the mobile app").
  const rails = of("pay_method");
  const listedFeature = (m: Span) => {
    if (feature(m)) return true;
    const at = rails.indexOf(m as Cue);
    for (let k = at + 1, prev: Span = m; k > 0 && k < rails.length; k++) {
      const n = rails[k]!;
      if (n.start < prev.end) continue; // (the same place in another language)
      if (!LIST_JOINER.test(text.slice(prev.end, n.start))) break;
      if (feature(n)) return true;
      prev = n;
    }
    for (let k = at - 1, next: Span = m; k >= 0; k--) {
      const n = rails[k]!;
      if (n.end > next.start) continue;
      if (!LIST_JOINER.test(text.slice(n.end, next.start))) break;
      if (feature(n)) return true;
      next = n;
    }
    return false;
  };
  /**
   * "pagamento com cartão pelo Stripe e Pix pelo Mercado Pago, tudo em modo de teste": the rails a sentence puts in test
   * mode after them are the product's checkout (no turn between: "pay me via PayPal, so the Stripe test mode…" still asks).
   */
  // (A checkout names its gateway or another method before the rail: "карта через ЮKassa и СБП", "Stripe, además de PayPal";
  // a rail named first is asked for: "Pay me via PayPal, the Stripe checkout is still in test mode".)
  const setUpBefore = (m: Span) =>
    [...rails, ...of("pay_gateway")].some((r) => !overlap(r, m) && r.end <= m.start && m.start - r.end <= TEST_MODE_REACH && sentenceOf(r.start) === sentenceOf(m.start));
  const inTestMode = (m: Span) =>
    setUpBefore(m) &&
    of("test_mode").some((t) => t.start >= m.end && t.start - m.end <= TEST_MODE_REACH && sentenceOf(t.start) === sentenceOf(m.start) && !turnsBetween(text, m.end, t.start));
  for (const m of of("pay_method")) {
    // "银行卡号", "card number": a rail named inside a secret's term is that secret (personal data, below).
    // ("the USDT wallet balance", "gift card design", "礼品卡设计": a rail inside a feature's or a product's name is that thing.)
    if (partOf(m, RAIL_HOLDERS)) continue;
    // "the GCash MPIN", "kod TAC Maybank2u", "your PayPal password": the rail owns the secret beside it, nobody pays there.
    if (secretOf(m, true)) continue;
    const timing = near(m, "pay_timing", 40);
    // ("deposit BTC/ETH/USDT buttons" on an exchange's dashboard: the rail is a feature being built.)
    if (timing && safe(m, timing) && !feature(m)) {
      add("payment_request", "pay_in_advance", 0.8, [m, timing], `${timing.term} ${m.term}`);
      continue;
    }
    // "the footer should say 'We accept PayPal'", "Pagos con Bizum" on a shop's sign: the deliverable's text.
    if (content(m) || aboutCheckout(m)) continue;
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
    // ("Anforderungen:\n- Zahlungsarten: PayPal, Klarna…": a rail in a requirements list is a feature to build.)
    if ((inside(m) && !near(m, "pay_outside")) || listedFeature(m) || inBrief(m) || (inTestMode(m) && !near(m, "pay_outside"))) continue;
    // The verb of its own clause first: "don't pay on the platform, transfer it to my PayPal" asks in the second clause.
    // (A verb inside a longer term of another concept is that term's: "pago" in "tu pago ha sido liberado"; "I used to pay
    // freelancers through PayPal": a past habit asks nothing; "the app should take PayPal": the product's doing.)
    const asks = (c: Cue) => !partOf(c, NOUN_PHRASES) && !pastHabit(c) && !productDoes(c);
    // (A verb phrase may hold the rail itself: "fammi un bonifico", "fais-moi un virement", "ibana at", "kartıma yükle".)
    const verb =
      nearOther(m, "pay_verb", WINDOW, (c) => sameClause(c, m) && asks(c)) ??
      nearOther(m, "pay_verb", WINDOW, asks) ??
      nearOther(m, "ask_verb", 50, asks) ??
      of("pay_verb").find((c) => c.start <= m.start && c.end >= m.end && c.end - c.start > m.end - m.start && asks(c));
    // "I need your recovery phrase to restore the wallet": a plain ask verb whose object, a secret, stands between it and
    // the rail asks for the secret (personal data, below), not for money.
    const asksSecret = (v: Cue) => v.concept === "ask_verb" && v.end <= m.start && of("secret").some((x) => x.start >= v.start && x.end <= m.start && sameClause(x, m));
    // "your customers can pay by PayPal in the shop I build": the seller's product, unless paying around the fee.
    if (verb && !inside(verb) && safe(m, verb) && !topicNear(m) && !asksSecret(verb)) {
      add("payment_request", "pay_method", 0.75, [m, verb], `${verb.term} ${m.term}`);
      continue;
    }
    // "bizum 40 eur y arranco", "p1x 50 reais": a rail with the sum right after it names where to send it, without a verb.
    // (Not beside a shortener or a lookalike link: "领取你的新人红包 ¥88 👉 t.co/…" offers money, a lure judged by its link.)
    // "u have paypal?", "tienes bizum?", "tem pix?", "有支付宝吗？": asking whether the reader has the rail.
    const ask = !verb ? bareAsk(m) : undefined;
    if (ask && safe(m, ask) && !topicNear(m)) {
      add("payment_request", "pay_method_ask", 0.7, [m, ask], m.term);
      continue;
    }
    // "USDT only", "nur PayPal", "רק ביט", "PayPalのみ": a rail named as the only way to pay says where the money goes.
    // (Not when its clause's pay verb is the product's or the past's: "the shop should accept PayPal only".)
    const sole = of("sole_word").find((c) => beside(c, m, 1));
    const notAsked = () => feature(m) || productDoes(m) || of("pay_verb").some((c) => sameClause(c, m) && !asks(c));
    if (sole && safe(m, sole) && !topicNear(m) && !lureLink() && !notAsked()) {
      add("payment_request", "pay_method_only", 0.7, [m, sole], `${m.term} ${sole.term}`);
      continue;
    }
    const sum = amountAfter(text, m.end);
    if (sum && safe(m) && !topicNear(m) && !lureLink()) {
      add("payment_request", "pay_method_amount", 0.7, [m, sum], `${m.term} ${text.slice(sum.start, sum.end).trim()}`);
      continue;
    }
    // "paypal geht auch, dann brauchen wir fiverr nicht", "Revolut, bez Fiverr": a rail offered in a sentence that names the
    // platform as what to leave out is where to pay, without a verb. Weaker than a verb: any negator in the sentence cancels
    // it ("هل من الآمن أن أدفع لك عبر PayPal خارج فايفر؟" doubts it; the "ohne" in the phrase is the phrase's own).
    const o = of("outside").find((c) => sentenceOf(c.start) === sentenceOf(m.start) && !overlap(c, m) && of("brand").some((b) => b.start >= c.start && b.end <= c.end));
    const doubted = () => negators().some((n) => sentenceOf(n.start) === sentenceOf(m.start) && !(o && overlap(n, o)));
    if (o && safe(m) && !pastHabit(m) && !topicNear(m) && !feature(m) && !lureLink() && !doubted()) add("payment_request", "pay_method_outside", 0.65, [m, o], `${m.term} ${o.term}`);
  }
}
