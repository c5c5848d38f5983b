// Behaviour of the rules around context: who sends, negation, quotes, reports, partial digits,
// and what a finding carries. Examples are written for this test.
import { describe, expect, it } from "vitest";
import { createScanner } from "../../src/scan/scanner.ts";
import { lexiconFiles } from "../../src/scan/lexicons/index.ts";

const scanner = createScanner();
const labels = (text: string, ctx = {}) => scanner.scan(text, ctx).labels;

describe("context", () => {
  it("a registered staff sender may say who they are, but still may not ask for a password", () => {
    const claim = "Hello from the Fiverr Trust & Safety team: your account will be suspended within 24 hours.";
    expect(labels(claim)).toContain("impersonation");
    expect(labels(claim, { senderOfficial: true })).not.toContain("impersonation");
    expect(labels("Fiverr Support here, please send me your password to verify the account", { senderOfficial: true })).toEqual(["personal_data"]);
  });

  it("staff may ask for the last 4 digits of a card, not for the full number", () => {
    expect(labels("Please confirm the last 4 digits of the card number you paid with.", { senderOfficial: true })).toEqual([]);
    expect(labels("Please send the full card number and the CVV.", { senderOfficial: true })).toEqual(["personal_data"]);
  });

  it("negations, rule quotes and reports of someone else's scam do not alarm", () => {
    expect(labels("send me your password")).toEqual(["personal_data"]);
    expect(labels("please don't send me your password, just invite me as an editor")).toEqual([]);
    expect(labels("Remember: never share your password or 2FA codes with anyone.")).toEqual([]);
    expect(labels("Someone asked me to pay a deposit via Western Union, I ignored and reported it.")).toEqual([]);
    expect(labels("I won't pay through PayPal; send me a custom offer here on Fiverr.")).toEqual([]);
  });

  it("a report of someone else's scam covers what it tells about, not a lure further down a long message", () => {
    const filler = "The layout is almost done, the colours work well and the icons are consistent across the set. ".repeat(3);
    expect(labels(`Someone sent me a fake link yesterday, I ignored it. ${filler}Anyway, to finish the setup please send me your password here.`)).toEqual(["personal_data"]);
    expect(labels("Someone asked me for my password yesterday, I ignored and reported it.")).toEqual([]);
  });

  it("a topic or a rule quote early in a long run-on sentence does not cover a request far later in it", () => {
    const text = "so in my gig I design templates for restaurants, usually with a menu, a hero image, a gallery, opening hours, a map, a booking form and a contact section, and for this one we also add a wine list and a small shop page, and for the payment just send it by PayPal to me directly";
    expect(labels(text)).toContain("payment_request");
  });

  it("what a secret belongs to is not a channel or a payment rail, and a refusal takes no verb from the next sentence", () => {
    expect(labels("I won't give you the password of my Instagram. Add me as a collaborator instead.")).toEqual([]);
    expect(labels("请把你的银行卡号发给我")).toEqual(["personal_data"]);
    expect(labels("请用银行卡转账给我")).toEqual(["payment_request"]);
    expect(labels("I'm not comfortable sharing my password. Please send an access request.")).toEqual([]);
    expect(labels("I'm on it. Please send your password.")).toEqual(["personal_data"]);
  });

  it("the speaker telling what they installed is no request, a request beside it still is", () => {
    expect(labels("I've installed AnyDesk on my own laptop to reach my office PC.")).toEqual([]);
    expect(labels("I installed AnyDesk already, now you install it too.")).toEqual(["remote_access"]);
  });

  it("the platform's own inbox, order numbers, dates and prices stay quiet", () => {
    expect(labels("I'll start the Zoom call from the Fiverr inbox at 15:00.")).toEqual([]);
    expect(labels("Order FO1234 5678 9012 is due 14.06.2025, total $149.00, size 3000x3000.")).toEqual([]);
    expect(labels("I build WhatsApp chatbots and Telegram mini apps; everything runs through this order.")).toEqual([]);
  });
});

describe("findings", () => {
  it("point at the original text, with the normalised form and the transforms that revealed it", () => {
    const text = "ok add me on Теlеgrаm, my handle is @pixel_anna";
    const r = scanner.scan(text);
    expect(r.labels).toEqual(["off_platform"]);
    for (const f of r.findings) {
      expect(text.slice(f.start, f.end)).toBe(f.matched);
      expect(f.score).toBeGreaterThan(0);
      expect(f.rule).toMatch(/^[a-z_]+$/);
    }
    expect(r.findings.some((f) => f.transforms.includes("confusables"))).toBe(true);
  });

  it("risk follows the labels, and the warning is in the reader's language (English when there is none)", () => {
    expect(scanner.scan("thanks, looks great").risk).toBe("none");
    expect(scanner.scan("thanks, looks great").warning).toBeNull();
    const lure = "Fiverr Support: verify your account at fiverr-verify.co/login";
    expect(scanner.scan(lure).risk).toBe("high");
    for (const lang of ["en", "de", "lv", "ar", "he", "ru", "es", "hi", "zh", "ja", "id", "vi"]) expect(scanner.scan(lure, { readerLang: lang }).warning?.lang).toBe(lang);
    // Each language's warning is its own text, not another language's copied over.
    const texts = ["en", "de", "hi", "zh", "ja", "id", "vi"].map((lang) => scanner.scan(lure, { readerLang: lang }).warning?.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(scanner.scan(lure, { readerLang: "zh-Hans" }).warning?.lang).toBe("zh");
    expect(scanner.scan(lure, { readerLang: "sw" }).warning?.lang).toBe("en");
    expect(scanner.scan(lure, { readerLang: "pt-BR" }).warning?.lang).toBe("pt");
  });
});

describe("another platform", () => {
  it("takes its brand words and domains from the profile it is built with", () => {
    const acme = createScanner({ lexicons: lexiconFiles, platform: { brandWords: ["acmework"], domains: ["acmework.com"] } });
    expect(acme.scan("Acmework Support here: your account will be suspended").labels).toContain("impersonation");
    expect(acme.scan("details at acmework-billing.help/login").labels).toEqual(["suspicious_link"]);
    expect(acme.scan("details at https://acmework.com/help").labels).toEqual([]);
  });
});

describe("sender handle", () => {
  it("a staff claim that names no brand counts as impersonation from a handle named after the platform", () => {
    const text = "Hello, this is the support team. Please reply to confirm your details.";
    expect(labels(text, { senderHandle: "random_buyer" })).toEqual([]);
    expect(labels(text, { senderHandle: "Fiverr_Helpdesk" })).toEqual(["impersonation"]);
    expect(labels(text, { senderHandle: "Fіverr-Care" })).toEqual(["impersonation"]); // Cyrillic і
    expect(labels(text, { senderHandle: "Fiverr_Helpdesk", senderOfficial: true })).toEqual([]);
  });
});
