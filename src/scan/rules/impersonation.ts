// impersonation: staff claims and fake platform notices from senders who are not official.
import { type RuleKit, gap } from "./kit.ts";

/** What follows a name used as a letterhead: a colon, a bar or a dash ("Fiverr: …", "Fiverr | …"). */
const LETTERHEAD_END = /^\s?[:|\-–—】\]]/u;
/** The rest of a link's sentence ends in a question mark ("… legit?", "…, is this real?"). */
const QUESTION_AFTER = /^[^.!\n]*\?/u;
/** Personal-data findings that ask for the secret (not a disclosure of the writer's own). */
const REQUESTS = new Set(["secret_request", "code_request", "threat_demand"]);
/** A signature's dash: at a line's start or after a sentence's end ("… within 24h. — Fiverr Trust & Safety Team"). */
const SIGNATURE_DASH = /(?:^|[.!?。！？:：)\]।؟]\s*|\n\s*)(?:[—–]{1,2}|--?)\s*([^.!?。！？।؟\n—–]{0,40})$/u;
/** What a signature may still carry after the name: a team word, a closing mark, at most a few characters. */
const SIGNATURE_END = /^[^.!?。！？।؟\n]{0,16}[.!。।]?\s*$/u;
/** A first-person possessive glued before a bare subject in Japanese or Chinese ("私の出金", "我的提现"): the writer's own. */
const OWN_BEFORE = /(?:私|僕|俺|わたし|自分|我|我们)(?:の|的)\s*$/u;
/** Off-platform findings that give a channel to reach someone (a handle, a number, an address, a messenger link). */
const CHANNELS = new Set(["messenger_handle", "handle_contact", "messenger_invite", "phone_number", "email_address", "messenger_link"]);

export function impersonationRules(k: RuleKit): void {
  const { text, context, brandedHandle, of, near, nearOther, sameClause, wordsBetween, overlap, safe, inside, blockedState, topicNear, asContent, out, add } = k;
  if (!context.senderOfficial) {
    // ("I'd like a voiceover for our app's notification: 'Your account has been suspended…'": the deliverable's text.)
    const threats = of("account_threat").filter((t) => safe(t) && !asContent(t));
    const firstBrand = of("brand")[0];
    for (const b of of("brand")) {
      const role = of("staff_role").find((r) => gap(r, b) <= 20);
      if (!role) continue;
      // The whole name: every role word touching it ("Fiverr atbalsta komanda" over "atbalsta" and "komanda").
      const claimSpan = { start: Math.min(b.start, role.start), end: Math.max(b.end, role.end) };
      for (const r of of("staff_role")) if (gap(r, claimSpan) <= 1 && gap(r, b) <= 20) { claimSpan.start = Math.min(claimSpan.start, r.start); claimSpan.end = Math.max(claimSpan.end, r.end); }
      // "Fiverr support told me…", "contact Fiverr support": talking about staff, not claiming to be them —
      // unless the reader is sent to that "staff" on a channel outside the platform ("contact the Fiverr
      // Resolution Center on Telegram @…", "escribe al soporte de Fiverr al +52…"): a fake help desk.
      const reference = of("staff_reference").find((c) => !overlap(c, claimSpan) && sameClause(c, claimSpan) && (c.end <= claimSpan.start ? wordsBetween(c.end, claimSpan.start) <= 1 : wordsBetween(claimSpan.end, c.start) <= 1));
      // (The channel may come first in verb-final languages: "Telegram @… üzerinden Fiverr Çözüm Merkezi ile iletişime geçin".)
      // "Fiverr support told me to add you on WhatsApp" reports what staff said: a channel after a reference that follows
      // the name is the reported words ("Telegram @… पर Fiverr रेज़ोल्यूशन सेंटर से संपर्क करें" names it first).
      const told = reference && reference.start >= claimSpan.end ? reference.end : Infinity;
      // "Ask Fiverr support or message me on WhatsApp": a contact verb of its own after the name invites to the speaker
      // (one right after it, "hỗ trợ Fiverr qua Zalo …", is the way to reach the name).
      const ownInvite = (f: { spans: { start: number; end: number }[] }) => f.spans.every((sp) => sp.start >= claimSpan.end) && of("contact_verb").some((c) => c.start >= claimSpan.end && wordsBetween(claimSpan.end, c.start) >= 1 && c.start <= Math.max(...f.spans.map((sp) => sp.start)) && !(reference && overlap(c, reference)));
      const channel = out.some((f) => (CHANNELS.has(f.rule) || f.label === "suspicious_link") && f.spans.some((sp) => sp.start < told && sameClause(sp, claimSpan)) && !ownInvite(f));
      if (channel && safe(role, b)) {
        add("impersonation", "staff_channel", 0.8, [b, role], `${b.term} ${role.term}`);
        continue;
      }
      if (reference) continue;
      // The claim speaks in the name's own clause ("soy Laura del equipo de facturación de Fiverr"); in another one it is
      // the writer's own story ("Soy vendedor nivel 2 y el soporte de Fiverr me ayudó", "Mi chiamo Luca, l'assistenza Fiverr…").
      // It introduces the name (at most a person's name between: "this is Sarah from Fiverr's billing team") or follows
      // it ("Fiverr Support here").
      const claim = of("staff_claim").find((c) => gap(c, b) <= 40 && sameClause(c, b) && sameClause(c, role) && (overlap(c, claimSpan) || (c.end <= claimSpan.start ? wordsBetween(c.end, claimSpan.start) <= 3 : wordsBetween(claimSpan.end, c.start) <= 2)));
      // A letterhead: the message opens with the name, set off like a signature ("Fiverr Trust & Safety: …").
      // "Hi Fiverr support, my order is late": a greeting right before the name addresses staff (no comma between;
      // "Hi, Fiverr Support here" is a claim).
      const addressed = of("greeting").some((g) => g.end <= claimSpan.start && /^\s*$/u.test(text.slice(g.end, claimSpan.start)));
      // (A hyphen glued to the name on both sides joins a compound, no letterhead: "im Fiverr Support-Forum", "Support-Artikel".)
      const opening = !addressed && claimSpan.start < 40 && /^(?:\s*[:|–—,.!\n】\]()]|\s*$|\s*-(?!\p{L}))|^\s+-/u.test(text.slice(claimSpan.end, claimSpan.end + 4));
      // A signature: the name after a dash that ends the message ("… Reply within 24h. — Fiverr Trust & Safety Team").
      const from = Math.max(0, claimSpan.start - 60);
      const dash = SIGNATURE_DASH.exec((from > 0 ? "x" : "") + text.slice(from, claimSpan.start));
      const signed = !addressed && dash !== null && SIGNATURE_END.test(text.slice(claimSpan.end));
      const stakes = signed || threats.length > 0 || out.some((f) => f.label === "personal_data" || f.label === "suspicious_link" || f.label === "payment_request");
      if ((claim || opening || stakes) && safe(role, b)) add("impersonation", "staff_claim", 0.85, [b, role], `${b.term} ${role.term}`);
    }
    // "Hallo von Fiverr!", "Fiverr adına yazıyorum", "on behalf of Fiverr": words that speak in the platform's own voice,
    // whether or not a role is named ("I got a message on behalf of Fiverr" reports one).
    if (!out.some((f) => f.label === "impersonation"))
      for (const v of of("platform_voice")) {
        const told = of("staff_reference").some((c) => c.end <= v.start && sameClause(c, v));
        if (!told && safe(v)) {
          add("impersonation", "platform_voice", 0.75, [v], v.term);
          break;
        }
      }
    // "Fiverr: your order was cancelled. Refund: https://fiverr-zwrot.pl/…": a message headed with the platform's
    // name alone, carrying a link that imitates it, speaks as the platform.
    const head = firstBrand && firstBrand.start < 12 && LETTERHEAD_END.test(text.slice(firstBrand.end, firstBrand.end + 3)) && /^[\s"'«„“]*$/u.test(text.slice(0, firstBrand.start));
    const imitation = out.find((f) => f.rule === "link_lookalike" || f.rule === "link_brand_imitation" || f.rule === "link_userinfo" || f.rule === "link_masked");
    if (head && imitation && !out.some((f) => f.label === "impersonation") && safe(firstBrand)) add("impersonation", "brand_letterhead", 0.8, [firstBrand], `${firstBrand.term}: ${imitation.normalized}`);
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
    // "Send a selfie holding your passport to verify your account", "envíame el código para confirmar que eres tú": a request
    // for a secret given the platform's own reason (checking the reader's account or identity) speaks as the platform,
    // though it names no one. The purpose alone is no notice: "I sent my ID to verify my account" asks nothing.
    if (!out.some((f) => f.label === "impersonation")) {
      const request = out.find((f) => f.label === "personal_data" && REQUESTS.has(f.rule));
      const purpose = request && of("verify_purpose").find((p) => safe(p) && !inside(p));
      if (request && purpose) add("impersonation", "verify_pretext", 0.7, [purpose], purpose.term);
    }
    // "Your withdrawal has been temporarily frozen", "su cuenta de Fiverr ha sido suspendida": the reader's account,
    // payment or gig in a blocked state, in one clause, is a notice however the sentence is built.
    for (const subject of of("notice_subject")) {
      if (out.some((f) => f.rule === "platform_notice" && f.spans.some((sp) => sameClause(sp, subject)))) continue;
      const state = blockedState(subject);
      const own = OWN_BEFORE.test(text.slice(Math.max(0, subject.start - 4), subject.start));
      if (state && !own && safe(subject, state) && !inside(subject) && !topicNear(subject) && !asContent(subject)) add("impersonation", "platform_notice", 0.7, [subject, state], `${subject.term} ${state.term}`);
    }
    // "Your order is on hold. Log in at fiverr.com.secure-login.xyz…", "cuenta suspendida! entra a fíverr.com-soporte.net":
    // a blocked state beside a link that imitates the platform itself is its fake notice, whatever the subject
    // ("your order" alone is seller talk; with a lookalike link it is not). Asking about the link ("my account got
    // suspended, is fiverr-support.help legit?") is a reader's question, not the notice.
    const platformCopy = out.find((f) => f.rule === "link_lookalike" || f.rule === "link_userinfo");
    const askedAbout = platformCopy && QUESTION_AFTER.test(text.slice(platformCopy.spans[0]!.end, platformCopy.spans[0]!.end + 60));
    if (platformCopy && !askedAbout && !out.some((f) => f.label === "impersonation")) {
      const state = of("notice_state").find((s) => safe(s) && !inside(s) && !topicNear(s));
      if (state) add("impersonation", "platform_notice", 0.7, [state], `${state.term}: ${platformCopy.normalized}`);
    }
  }
}
