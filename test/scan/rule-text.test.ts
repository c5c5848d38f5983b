// Text helpers of the rules (src/scan/rules/text.ts) that decide what a word is part of: a file name, a quotation.
import { describe, expect, it } from "vitest";
import { amountsIn, inFileName, passwordAfterLogin, quotedSpans } from "../../src/scan/rules/text.ts";

/** The span of the first `word` in `text`. */
const spanOf = (text: string, word: string) => {
  const start = text.indexOf(word);
  return { start, end: start + word.length };
};

describe("inFileName", () => {
  it("finds a messenger name inside the name of a delivered file", () => {
    for (const [text, word] of [
      ["Please call the file final_v3_whatsapp_banner.png so I know which one it is.", "whatsapp"],
      ["Die Datei heißt telegram_header_final.png, bitte nicht umbenennen.", "telegram"],
      ["Назовите файл whatsapp_avatar_v2.png, пожалуйста.", "whatsapp"],
      ["文件名请用 wechat_banner_final.png。", "wechat"],
      ["The source is in instagram-story.PSD.", "instagram"],
    ]) expect(inFileName(text!, spanOf(text!, word!)), text).toBe(true);
  });

  it("leaves words that only stand next to a file, an executable's name and the extension itself alone", () => {
    for (const [text, word] of [
      ["Message me on WhatsApp, the file is banner.png", "WhatsApp"],
      ["My telegram is max_design88, I'll send banner.png there.", "telegram"],
      ["Run telegram_update.exe to fix it.", "telegram"], // an executable is judged by the executable rule
      ["The logo is in logo.png", "png"],
      ["whatsapp_me_now", "whatsapp"],
    ]) expect(inFileName(text!, spanOf(text!, word!)), text).toBe(false);
  });
});

describe("quotedSpans", () => {
  const quoted = (text: string) => quotedSpans(text).map((q) => text.slice(q.start, q.end));
  it("finds the quoted passages, with their marks, in Latin, Cyrillic and CJK punctuation", () => {
    expect(quoted("The logo should say 'Pagos con Bizum y PayPal aceptados' porque es para mi tienda.")).toEqual(["'Pagos con Bizum y PayPal aceptados'"]);
    expect(quoted("У шаблоні має бути «Оплата карткою», дякую.")).toEqual(["«Оплата карткою»"]);
    expect(quoted("レシートに「PayPayで支払い済み」と入れてください。")).toEqual(["「PayPayで支払い済み」"]);
    expect(quoted("菜单底部要写'支持微信支付和支付宝'。")).toEqual(["'支持微信支付和支付宝'"]);
    expect(quoted('Make it say "Call now: 1-800-555-0199" in yellow.')).toEqual(['"Call now: 1-800-555-0199"']);
  });
  it("takes no apostrophe inside a word for a quote, and no quote across a line", () => {
    expect(quoted("It's Stripe's test number, don't worry.")).toEqual([]);
    expect(quoted("I'll send it, pay me via PayPal, it's faster.")).toEqual([]);
    expect(quoted("the sign 'We accept\nPayPal' ok")).toEqual([]);
  });
});

describe("amountsIn", () => {
  it("finds the digit groups written as money in a range, not order numbers or counts", () => {
    const text = "order 48213, pay a deposit of $80 or 1 200 € to unlock 3 payouts";
    expect(amountsIn(text, 0, text.length).map((s) => text.slice(s.start, s.end))).toEqual(["80", "1 200"]);
    expect(amountsIn(text, 0, 20)).toEqual([]);
  });
});

describe("passwordAfterLogin", () => {
  const after = (text: string, login: string) => {
    const span = passwordAfterLogin(text, spanOf(text, login).end);
    return span && text.slice(span.start, span.end);
  };
  it("reads the password a slash puts after a login", () => {
    expect(after("my login is admin@shop.com / Tr33house!, dont change it", "admin@shop.com")).toBe("Tr33house!");
    expect(after("use sam.k@mail.com/Summer2024 to log in", "sam.k@mail.com")).toBe("Summer2024");
  });
  it("not the next contact of a list, a word or a year", () => {
    expect(after("anna@studio.com / anna_design88 on insta", "anna@studio.com")).toBeUndefined();
    expect(after("anna@studio.com | Tr33house!", "anna@studio.com")).toBeUndefined();
    expect(after("anna@studio.com / or call me", "anna@studio.com")).toBeUndefined();
    expect(after("anna@studio.com / 2024 portfolio", "anna@studio.com")).toBeUndefined();
  });
});
