// off_platform: contact moved off the platform (messenger links and invitations, addresses, phone numbers, handles, meetings).
import { gap, REACH, type RuleKit, type Span } from "./kit.ts";
import { handleAfter, inFileName, namedAsChannel, passwordAfterLogin } from "./text.ts";
import type { Cue } from "./types.ts";

export function offPlatformRules(k: RuleKit): void {
  const { text, entities, links, channel, of, ents, findAround, near, nearOther, together, sameClause, negated, quoted, topicNear, asContent, inside, staysHere, overlap, safe, feature, add, secretOf, bareAsk, partOf } = k;
  for (const e of ents("url")) {
    const v = links.get(e);
    // A messenger's bare address names the service ("the t.me link in the bio goes to the client's channel"): with no
    // path to a person or a room, only an invitation beside it ("add me on zoom.us") makes it the channel.
    const bare = !/\/[^/\s]/.test(e.value.replace(/^[a-z]+:\/\//i, ""));
    if (v?.kind === "messenger" && (!bare || near(e, "contact_verb", 40) || near(e, "proposal", 40))) add("off_platform", "messenger_link", 0.9, [e], e.value);
  }
  for (const e of ents("email")) {
    if (e.detail === "official") continue; // the platform's own addresses
    // A login being handed over (e-mail + password, "admin@shop.com / Tr33house!") is personal data, not an invitation.
    const credential = near(e, "secret", 40);
    if ((credential && !near(e, "contact_verb")) || passwordAfterLogin(text, e.end)) continue;
    if (negated(e) || asContent(e)) continue;
    add("off_platform", "email_address", 0.8, [e], e.value);
    const method = near(e, "pay_method", 60);
    if (method) add("payment_request", "payment_address", 0.75, [method, e], `${method.term} ${e.value}`);
  }
  /** A plain-digit ID next to an ID word ("ID number 000000018", "CPF 52998224725") is that, not a phone number. */
  const idNumber = (x: Span) => entities.some((e) => e.kind === "gov_id" && e.needsIdWord && overlap(e, x) && near(e, "secret", 40));
  for (const e of ents("phone")) {
    if ((e.detail !== "strong" && idNumber(e)) || asContent(e)) continue;
    if (e.detail === "strong") {
      add("off_platform", "phone_number", 0.85, [e], e.value);
      continue;
    }
    // A number that is not a valid phone number needs a contact word right next to it. A short bare number
    // (8–9 digits) may be an order number beside "number": only a contact verb or a messenger will do.
    // Beside a payment rail, "my number" is the rail's account number ("Papara numaram 1234567890"): a payment, not contact.
    const railNumber = !!findAround("pay_method", e.start - 30 - REACH, e.start, (m) => m.end <= e.start && together(m, e, 30));
    // ("mój numer: 512 345 678", "mans tālrunis 29 123 456": a contact phrase right before a short number introduces it;
    // a bare "numurs" may be an order's: "Pasūtījuma numurs 26123456".)
    // (Only a national one: a long bare run read as international may be a reference, "my order number is 4477…".)
    const introduced = () => !e.value.startsWith("+") && of("contact_detail").find((c) => c.term.includes(" ") && c.end <= e.start && e.start - c.end <= 3 && /^[\s:：\-–]*$/u.test(text.slice(c.end, e.start)));
    const cue = e.detail === "short" ? (near(e, "contact_verb", 30) ?? near(e, "messenger", 40) ?? (railNumber ? undefined : introduced() || undefined)) : (near(e, "contact_verb", 30) ?? (railNumber ? undefined : near(e, "contact_detail", 30)) ?? near(e, "messenger"));
    if (cue && safe(cue)) add("off_platform", "phone_number", 0.75, [e], e.value);
  }
  for (const m of of("messenger")) {
    // "the code that comes by SMS" names a code's source, not a channel to move to.
    // "here on Fiverr it's too slow" after a comma is the reason to leave, not a promise to stay: same clause only.
    // A desk of the platform named as reached on a messenger's handle ("contact the Resolution Center on Telegram
    // @fiverr_disputes") is a fake desk outside it: its name keeps nothing here.
    const desk = (c: Cue) => of("staff_role").some((r) => overlap(r, c) || gap(r, c) <= 3) && (!!handleAfter(text, m.end, entities) || entities.some((e) => (e.kind === "handle" || e.kind === "phone") && e.start >= m.end && e.start - m.end <= 12));
    const staying = staysHere().some((c) => sameClause(c, m) && !negated(c) && !desk(c));
    // "final_v3_whatsapp_banner.png" names a file; "'Text us on WhatsApp: +44…' on the van" is the van's text.
    // ("用微信转给我", "pay me on WeChat": a messenger inside a pay-outside phrase is the rail, a payment, not a channel;
    // so is one inside a rail's own name: "微信支付转我800" pays, its "支付转我800" is no handle; inside a secret's term it
    // is what the secret unlocks: "the QR code from your WhatsApp Web".)
    if (!safe(m) || staying || of("code_source").some((c) => overlap(c, m)) || secretOf(m) || partOf(m, ["pay_outside", "pay_method", "secret"]) || inFileName(text, m) || asContent(m)) continue;
    const topic = topicNear(m);
    // "whatsapp me" is a messenger and an invitation in one; a verb inside the name is not.
    // (Of the verbs starting at one place, the longest: "話しませんか" rather than "話しません".)
    // ("여기서 얘기해요", "talk here": a verb inside or across a stays-here phrase keeps the talk here: "let's talk here".)
    // The first verb that is not itself negated: "ne m'écris pas, écris-moi sur WhatsApp" refuses one and asks the other.
    const verb = topic ? undefined : longestFirst(of("contact_verb"), (c) => together(m, c) && !(c.start >= m.start && c.end <= m.end) && !of("inside_platform").some((p) => overlap(p, c)) && safe(c, m));
    if (verb) {
      add("off_platform", "messenger_invite", 0.8, [m, verb], m.term);
      continue;
    }
    const handle = entities.find((e) => (e.kind === "handle" || e.kind === "phone") && e.start >= m.start - 12 && e.start - m.end <= 40);
    const token = handleAfter(text, m.end, entities);
    if (handle || token) {
      add("off_platform", "messenger_handle", 0.8, [m, handle ?? token!], handle?.value ?? token!.value);
      continue;
    }
    // "wir können auf WhatsApp schreiben", "podemos hablar por WhatsApp", "whatsapptan devam edelim": a proposal and a
    // verb of talking (one word may be both), with the messenger named as the channel ("on", "auf", "-tan"), move the
    // talk there. "let's post the reel on Instagram" talks of no talk; "a WhatsApp bot" names no channel.
    const proposal = of("proposal").find((p) => !overlap(p, m) && sameClause(p, m) && together(p, m) && safe(p, m));
    const talk = proposal && of("talk_verb").find((v) => !overlap(v, m) && sameClause(v, m) && together(v, m));
    if (proposal && talk && !topic && !feature(m) && namedAsChannel(text, m, channel)) {
      add("off_platform", "messenger_invite", 0.75, [m, proposal], m.term);
      continue;
    }
    // "not here, but on WhatsApp", "nicht hier, sondern auf WhatsApp": the place refused is this chat, and the
    // messenger is named as where to go instead (its negator is the phrase's own, not the invitation's).
    const elsewhere = near(m, "not_here");
    if (elsewhere && !topic && !quoted(m) && namedAsChannel(text, m, channel)) {
      add("off_platform", "messenger_outside", 0.7, [m, elsewhere], m.term);
      continue;
    }
    const outside = near(m, "outside");
    if (outside && !topic && safe(outside, m)) {
      add("off_platform", "messenger_outside", 0.7, [m, outside], m.term);
      continue;
    }
    // "tg pls", "skype?", "u on telegram?", "عندك واتساب؟": the channel asked for without a verb.
    const ask = !verb ? bareAsk(m) : undefined;
    if (ask && !topic && safe(m, ask)) add("off_platform", "messenger_ask", 0.7, [m, ask], m.term);
  }
  for (const v of of("contact_verb")) {
    const o = nearOther(v, "outside", 60);
    // "me passa teu e-mail e senha": the contact word names a login being handed over (personal data, below).
    // "install TeamViewer, I'll set it up directly on your computer, send me the ID": the remote-access request's own words.
    if (o && safe(v, o) && !inside(v) && !secretOf(o) && !secretOf(v) && !near(v, "remote_tool", 120)) add("off_platform", "contact_outside", 0.7, [v, o], `${v.term} ${o.term}`);
  }
  // "give me your number", "dame tu número": asking for the reader's own contact details.
  // "скинь номер карты" is a card number, not a phone number: a secret on or right after the request is personal data.
  for (const c of of("contact_request")) {
    if (safe(c) && !inside(c) && !topicNear(c) && !feature(c) && !secretOf(c) && !of("secret").some((x) => overlap(x, c))) add("off_platform", "contact_request", 0.7, [c], c.term);
  }
  for (const h of ents("handle")) {
    const v = near(h, "contact_verb", 40);
    if (v && safe(v) && !asContent(h)) add("off_platform", "handle_contact", 0.7, [h, v], h.value);
  }
  for (const m of of("meeting")) {
    if (of("inside_platform").some((c) => !negated(c)) || !safe(m)) continue;
    const link = entities.find((e) => e.kind === "url" && together(e, m) && links.get(e)?.kind !== "official");
    const verb = nearOther(m, "contact_verb");
    if (link || (verb && safe(verb, m))) add("off_platform", "meeting_outside", 0.65, [m, link ?? verb!], m.term);
  }
}

/** The first cue (by start) that passes the test, the longest of those starting at that place. */
function longestFirst(list: Cue[], test: (c: Cue) => boolean): Cue | undefined {
  let best: Cue | undefined;
  for (const c of list) {
    if (best && c.start > best.start) break;
    if (test(c) && (!best || c.end > best.end)) best = c;
  }
  return best;
}
