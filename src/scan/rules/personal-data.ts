// personal_data: secrets, codes, cards and ID numbers asked for or disclosed.
import { REACH, type RuleKit, type Span, WINDOW, gap } from "./kit.ts";
import { credentialAfter, isAmount, passwordAfterLogin } from "./text.ts";
import type { Cue } from "./types.ts";
import type { Concept } from "./concepts.ts";

/**
 * Terms of the speaker's own doing that hold an ask verb: "we'll send you a code" (code_source) is no "send me"; nor
 * are the compounds of an `ask_exception` ("screen-share", "screen sharing") a request to share.
 */
const SPEAKER_ACTS: Concept[] = ["code_source", "ask_exception"];

/** One digit repeated ("000000-00000", "111-11-1111"): a placeholder, no one's number. */
const PLACEHOLDER_DIGITS = /^(\d)\1*$/;

/** Nothing but the clause's end after a verb ("…verification chahiye, SMS se…", "…が必要です。"). */
/** The owner of a secret after it: one Arabic word with the article, or "של"/"حق"/"بتاع"… and a word ("of WordPress"). */
const OWNER_BETWEEN = /^\s+(?:ال[\u0600-\u06ff]+|(?:של|حق|حقت|بتاع|بتاعة|بتاعت|تبع|تاع|ديال)\s+[\p{L}\p{N}]+)\s+$/u;
const VERB_LAST = /^[\s\p{M}]*(?:[,.;:!?،。、！？\n)]|$)/u;

export function personalDataRules(k: RuleKit): void {
  const { text, entities, of, ents, findAround, productDoes, near, nearOther, together, sentenceOf, sameClause, wordsBetween, negators, negated, quoted, asContent, asSample, inQuotes, overlap, safe, feature, out, add, beside, partOf, bareAsk } = k;
  /** A staff claim or an account threat in the message: the setting of most credential lures. */
  const pressure = of("account_threat").length > 0 || of("brand").some((b) => of("staff_role").some((r) => gap(r, b) <= 20));
  const partial = (x: Span) => near(x, "partial_digits", 40) && !near(x, "full_number", 60);
  // A full, valid card number written out is disclosed whatever the sentence says around it ("it doesn't go through: 4242…"),
  // unless it is framed as a sample: "use the test card 4242 4242 4242 4242 in the sandbox" is the gateway's public number.
  for (const e of ents("card")) if (!quoted(e) && !partial(e) && !asSample(e)) add("personal_data", "card_number", 0.9, [e], e.value);
  // "admin@shop.com / Tr33house!": a login and its password, handed over.
  for (const e of ents("email")) {
    const pw = passwordAfterLogin(text, e.end);
    if (pw && !asContent(pw) && !negated(e)) add("personal_data", "login_disclosure", 0.85, [e, pw], text.slice(e.start, pw.end));
  }
  for (const e of ents("gov_id")) {
    // A bare 9-digit Israeli ID, an 11-digit CPF or a 000-00-0000 SSN is one only next to a word for one (ת.ז, ID number,
    // CPF, SSN): "ticket 123-45-6789" is a reference;
    // the formatted 000.000.000-00 speaks for itself.
    if (e.needsIdWord && !near(e, "secret", 40)) continue;
    // "000000-00000 kā paraugu": one digit over and over, or a number framed as a sample, is a template's placeholder.
    if (!negated(e) && !asSample(e) && !PLACEHOLDER_DIGITS.test(e.value.replace(/\D/g, ""))) add("personal_data", e.detail ?? "gov_id", 0.85, [e], e.value);
  }
  /**
   * "your security code please", "ur password pls", "מה הסיסמה": a please-word or question word right beside a
   * secret asks for it without a verb (same clause; a question word only before it, at most one word between).
   */
  // ("please change the admin password" is advice: a please-word must touch the secret.)
  // A question ending after it asks for its value too ("密码是多少", "mật khẩu là gì"); beside a tool or a channel it asks what the thing is.
  // ("كلمة سر الووردبريس لو سمحت", "סיסמה של וורדפרס בבקשה": an Arabic or Hebrew owner of the secret may stand between.)
  const askMarker = (x: Span) =>
    of("ask_marker").find((c) => beside(c, x, 0) || (c.start >= x.end && sameClause(c, x) && OWNER_BETWEEN.test(text.slice(x.end, c.start)))) ?? of("ask_ending").find((c) => beside(c, x, 0)) ?? of("ask_question").find((c) => c.end <= x.start && beside(c, x, 1));
  /**
   * "ur password?", "tu contraseña?": the secret and its question mark, all of a sentence of a few words, not answered
   * by a negator in the next one ("Your password? Never share it") — a bare ask as for a tool or a rail.
   */
  const after = (x: Span) => (n: Span) => n.start >= x.end && n.start - x.end <= 40;
  const answered = (x: Span) => of("negation").some(after(x)) || of("rule_quote").some(after(x));
  const shortQuestion = (x: Cue) => {
    const mark = bareAsk(x);
    return mark && !("term" in mark) && /^\s*[?？؟]/u.test(text.slice(x.end, x.end + 2)) && !answered(x) ? mark : undefined;
  };
  /** A feature word right after an ask verb is its object: "I need the whole flow", "send me the screen". */
  // (Verb-final: "Login page me OTP verification chahiye", "X が必要": the feature word right before the verb is its object.)
  // (Only a verb that ends its clause: "…the integration send me the code you just got" asks for the code.)
  // (A product right after it is its object too: "Necesito un bot de Telegram que envíe códigos", "I need an app that sends the OTP".)
  const asksForFeature = (a: Span) =>
    of("feature_word").some(
      (c) => sameClause(c, a) && ((c.start >= a.end && wordsBetween(a.end, c.start) <= 2) || (c.end <= a.start && wordsBetween(c.end, a.start) === 0 && VERB_LAST.test(text.slice(a.end)))),
    ) || of("product_subject").some((c) => c.start >= a.end && sameClause(c, a) && wordsBetween(a.end, c.start) <= 1);
  // "you'll paste the token into the panel yourself": the owner keeps the secret.
  // ("a photo of yourself holding your passport": a word inside the secret's own term keeps nothing.)
  const selfService = (x: Span) => of("self_service").some((c) => sentenceOf(c.start) === sentenceOf(x.start) && !of("secret").some((t) => t.start <= c.start && c.end <= t.end));
  // (…and so does a verb of the owner's own in the next sentence: "SMS認証コードを実装しました。APIキーはご自身で入力していただきます":
  // the ask verb's clause says who does it. In the secret's own sentence the code's request stands: "type the SMS code here yourself".)
  const ownerDoes = (a: Span, x: Span) =>
    sentenceOf(a.start) !== sentenceOf(x.start) && of("self_service").some((c) => sameClause(c, a) && !of("secret").some((t) => t.start <= c.start && c.end <= t.end));
  for (const s of of("secret")) {
    // ("the chatbot's script says: 'Please enter the verification code…'": a request inside the deliverable's quoted text asks nobody.)
    // ("оплати на карту, номер карты скину", "kart numaramı atarım": a secret inside a rail's longer term is the payee's own account, offered.)
    if (!safe(s) || partial(s) || selfService(s) || feature(s) || (inQuotes(s) && asContent(s)) || partOf(s, ["pay_method"])) continue;
    // "I won't give you my password. Please send a collaborator request instead": a sentence that refuses the
    // secret takes no request verb from another sentence.
    const refused = negators().some((n) => n.end <= s.start && sentenceOf(n.start) === sentenceOf(s.start));
    const sameSentence = (c: Cue) => !refused || sentenceOf(c.start) === sentenceOf(s.start);
    // Under a staff claim or an account threat, "send" in any sense ("schick den Code") is the request.
    // An ask term may take the secret's first word with it ("ส่งรหัส|ผ่าน", "code please" over "security code"): it
    // still asks when it reaches beyond the secret.
    // "…2FA with a 6-digit SMS code. I need the Figma screens": a verb whose object (a feature word right after it) is
    // something else asks nothing of the secret.
    const askOf = (c: Cue) =>
      sameSentence(c) && together(s, c) && (!overlap(c, s) || c.start < s.start || c.end > s.end) && !partOf(c, SPEAKER_ACTS) && !asksForFeature(c) && !productDoes(c) && !ownerDoes(c, s);
    const ask = findAround("ask_verb", s.start - WINDOW - REACH, s.end + WINDOW, askOf) ?? (pressure ? nearOther(s, "pay_verb", WINDOW, sameSentence) : undefined);
    if (ask && safe(ask, s)) {
      add("personal_data", "secret_request", 0.85, [s, ask], `${ask.term} ${s.term}`);
      continue;
    }
    // (Not in a message about a product: "what's the safest password to choose? I'm building a sign-up form".)
    // ("ur password?", "el código?": the secret alone as a short question asks for it, as a tool's or a rail's does.)
    const marker = of("feature_word").length === 0 && of("topic_build").length === 0 ? (askMarker(s) ?? shortQuestion(s)) : undefined;
    if (marker && safe(marker, s) && !refused) {
      add("personal_data", "secret_request", 0.75, [s, marker], "term" in marker ? `${marker.term} ${s.term}` : s.term);
      continue;
    }
    const value = credentialAfter(text, s.end);
    // "the bottom line of the menu says 'Wi-Fi: CafeGuest / password: latte2024'": the deliverable's text.
    // ("v telegu, nik @sasha_art": a handle after the word, beside a messenger, is a contact, not a password.)
    if (value && !asContent(value) && !(near(s, "messenger", 40) && entities.some((e) => e.kind === "handle" && overlap(e, value)))) {
      add("personal_data", "secret_disclosure", 0.85, [s, value], s.term);
      continue;
    }
    const digits = entities.find((e) => e.kind === "digits" && e.start >= s.end && e.start - s.end <= 40 && sentenceOf(e.start) === sentenceOf(s.start) && !isAmount(text, e));
    // "the reset e-mail template should say 'Your code is 123456'": a sample code in the deliverable's text.
    if (digits && !asContent(digits)) add("personal_data", "code_disclosure", 0.8, [s, digits], `${s.term} ${digits.value}`);
  }
  // "blocked if you don't send your passport photo": a threat, a negated condition, a secret, in one sentence.
  for (const s of of("secret")) {
    const threat = of("account_threat").find((t) => sentenceOf(t.start) === sentenceOf(s.start));
    const condition = threat && of("negation").some((n) => sentenceOf(n.start) === sentenceOf(s.start) && n.start < s.start && n.start > Math.min(threat.start, s.start));
    if (threat && condition && !quoted(s) && !partial(s)) add("personal_data", "threat_demand", 0.8, [threat, s], `${threat.term} ${s.term}`);
  }
  for (const c of of("code_word")) {
    // The code a remote tool shows is part of the remote-access request, not a secret of its own.
    // ('Translate: "Enter the 6-digit code we sent you"': the deliverable's text asks nobody.)
    // ("カード番号の下4桁をご返信ください": the part of the number staff may ask for, as for a secret.)
    if (!safe(c) || near(c, "remote_tool", 80) || asContent(c) || partial(c)) continue;
    const source = near(c, "code_source", 60);
    // (A please-word may follow the code's source: "код из смс, пожалуйста", "the code from the SMS pls".)
    const ask = of("ask_verb").find((a) => together(c, a, 60) && !partOf(a, SPEAKER_ACTS) && !productDoes(a) && !ownerDoes(a, c)) ?? askMarker(c) ?? (source && source.end > c.end ? askMarker(source) : undefined);
    // "I build the feature that sends the OTP code by SMS": the code is part of the product; so is what an ask
    // verb asks for when a feature word is its object ("login with 2FA via SMS code, I need the whole flow designed").
    if (source && ask && safe(ask, c) && !feature(c) && !asksForFeature(ask)) {
      add("personal_data", "code_request", 0.8, [c, source, ask], `${ask.term} ${c.term} ${source.term}`);
      continue;
    }
    // "код из смс?", "the code from the SMS?": the code and its source alone as a short question ask for it.
    const question = !ask && source && of("feature_word").length === 0 && of("topic_build").length === 0 ? shortQuestion(source.end > c.end ? source : c) : undefined;
    if (source && question && safe(question, c) && !feature(c)) {
      add("personal_data", "code_request", 0.75, [c, source, question], `${c.term} ${source.term}`);
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
    if (digits && !asContent(digits) && (source || near(c, "secret", 120) || entities.some((e) => e.kind === "card"))) add("personal_data", "code_disclosure", 0.75, [c, digits], `${c.term} ${digits.value}`);
  }
}
