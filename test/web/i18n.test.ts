// Translation files stay complete and consistent, and language negotiation
// follows Accept-Language quality values.
import { expect, test } from "vitest";
import { acceptedLanguages, MESSAGES, negotiateLang, translator } from "../../src/web/i18n.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("every language has every message, with the same placeholders as English", () => {
  const en = MESSAGES.en!;
  expect(Object.keys(MESSAGES)).toEqual(expect.arrayContaining(["en", "de", "lv", "ar", "he"]));
  for (const [lang, messages] of Object.entries(MESSAGES)) {
    expect(Object.keys(messages).sort(), lang).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(messages)) {
      expect(text.trim(), `${lang} ${key}`).not.toBe("");
      expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
    }
  }
});

test("Accept-Language is read by quality, then order", () => {
  expect(acceptedLanguages("de;q=0.5, lv, ar-EG;q=0.9")).toEqual(["lv", "ar", "de"]);
  expect(acceptedLanguages("he;q=0, en")).toEqual(["en"]);
  expect(negotiateLang({ acceptLanguage: "fr, he-IL;q=0.7" })).toBe("he");
  expect(negotiateLang({ query: "de", cookie: "lv", acceptLanguage: "ar" })).toBe("de");
  expect(negotiateLang({ cookie: "nope", acceptLanguage: "" })).toBe("en");
});

test("placeholders are filled and text around them is escaped", async () => {
  const tr = translator("en");
  expect(tr.dir).toBe("ltr");
  expect(translator("ar").dir).toBe("rtl");
  expect(tr.text("result.heading", { value: "x" })).toBe("Result for x");
  expect(String(await tr.t("result.heading", { value: "<b>" }))).toBe("Result for &lt;b&gt;");
});
