// Requests made without a verb (kit.bareAsk), negative questions, refusals that reach their infinitive clause,
// and verbs inside a longer term of another concept (kit.partOf): each case would fail without its mechanism.
import { describe, expect, it } from "vitest";
import { createScanner } from "../../src/scan/scanner.ts";

const scanner = createScanner();
const rules = (text: string, official = false) => scanner.scan(text, { senderOfficial: official }).findings.map((f) => f.rule);
const labels = (text: string, official = false) => scanner.scan(text, { senderOfficial: official }).labels;

describe("a request without a verb, beside the thing asked for", () => {
  it("a please-word touching a tool, a channel or a rail", () => {
    expect(rules("anydesk pls")).toContain("remote_tool_ask");
    expect(rules("AnyDeskお願いします")).toContain("remote_tool_ask");
    expect(rules("tg bitte")).toContain("messenger_ask");
    // one word between is no longer "beside": the please-word asks for the word next to it
    expect(labels("telegram notifications pls, for new orders")).toEqual([]);
  });
  it("a question whether the reader has it, before or after the thing", () => {
    expect(rules("u have paypal?")).toContain("pay_method_ask");
    expect(rules("do you have a paypal account?")).toContain("pay_method_ask");
    expect(rules("papara var mı?")).toContain("pay_method_ask");
    expect(rules("энидеск есть?")).toContain("remote_tool_ask");
    expect(rules("u on telegram?")).toContain("messenger_ask");
    // the question must end at the thing (or a word after it): "does anydesk have a chat?" asks about the tool
    expect(labels("есть ли в anydesk чат для клиентов?")).toEqual([]);
    expect(labels("do you have time tomorrow?")).toEqual([]);
  });
  it("the thing alone as a short question, unless the next sentence answers no", () => {
    expect(rules("tg?")).toContain("messenger_ask");
    expect(rules("teamviewer id?")).toContain("remote_tool_ask");
    expect(labels("skype? no, the fiverr video call works fine")).toEqual([]);
    expect(labels("can you build it for telegram?")).toEqual([]);
  });
  it("not in a message about a product, nor one that keeps things on the platform", () => {
    expect(labels("telegram integration pls")).toEqual([]);
    expect(labels("Do you accept crypto? Just kidding, I'll order through Fiverr.")).toEqual([]);
  });
  it("a please-word closing the sentence after a comma; after a tool, one word (its ID) between", () => {
    expect(rules("anydesk, lūdzu")).toContain("remote_tool_ask");
    expect(rules("teamviewer-ID bitte")).toContain("remote_tool_ask");
    // before the tool a please-word asks for the word it touches
    expect(labels("please uninstall anydesk, it is not safe")).toEqual([]);
    // a please-word after a comma that goes on asks for what follows
    expect(labels("I use teamviewer at work, please advise on the logo colours")).toEqual([]);
  });
  it("a have-question before a list reaches its last item", () => {
    expect(rules("hai paypal o postepay?")).toContain("pay_method_ask");
  });
  it("a contact verb inside a stays-here phrase invites nobody out", () => {
    expect(labels("카톡 봤어요, 여기서 얘기해요")).toEqual([]);
  });
  it("a question ending asks for a secret's value, not for a tool", () => {
    expect(labels("请问anydesk是什么软件？")).toEqual([]);
    expect(labels("密码是多少")).toContain("personal_data");
  });
});

describe("negation in questions and refusals", () => {
  it("a negator right before the question mark invites (verb-final negative questions)", () => {
    expect(labels("LINEで話しません？")).toContain("off_platform");
    expect(labels("카톡으로 하지 않을래요?")).toContain("off_platform");
    expect(labels("LINEでは話しませんでした。")).toEqual([]);
    // further from the mark the negator still negates: a victim's question, a run-on of two messages
    expect(labels("isn't it dangerous to install anydesk?")).toEqual([]);
    expect(labels("Asla şifreni kimseye söyleme Can you give me remote access to your computer for 10 min?")).not.toContain("personal_data");
    // the invitations of other languages are phrases (negation_exception / contact_verb terms)
    expect(labels("can't we just talk on whatsapp?")).toContain("off_platform");
    expect(labels("warum nicht auf Telegram?")).toContain("off_platform");
  });
  it("a refusal verb reaches the clause after its comma; a bare no does not", () => {
    expect(labels("ich weigere mich, AnyDesk zu installieren")).toEqual([]);
    expect(labels("je refuse, désolé, d'installer anydesk")).toEqual([]);
    expect(labels("Nein, installier AnyDesk")).toContain("remote_access");
  });
});

describe("a verb inside a longer term of another concept is that term's", () => {
  it("a topic, a notice subject, the speaker's own sending", () => {
    expect(labels("AnyDesk setup guide as a deliverable, PDF in 3 languages")).toEqual([]);
    expect(labels("Tu pago ha sido liberado, puedes retirarlo con PayPal desde tu panel.", true)).toEqual([]);
    expect(labels("Fiverr Security: we'll send a verification code to your email. Enter it on the site, never share it.", true)).toEqual([]);
    // an official sender asking for the card number is still flagged
    expect(labels("Para verificar, envíanos el número completo de tu tarjeta", true)).toContain("personal_data");
  });
});
