// The public checker at / without JavaScript: the GET form's answers, the
// official list, language choice and direction.
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestApp, TEST_CLIENT_HEADER, type TestApp } from "../support/test-app.ts";
import { memoryRateLimits } from "../../src/ratelimit/from-config.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const page = async (url: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(url, { headers });
  return { res, html: await res.text() };
};
const verdictOf = (html: string) => /data-verdict="([a-z_]+)"/.exec(html)?.[1];

test("an official handle is answered as official, with its team", async () => {
  const { res, html } = await page(`/?q=${encodeURIComponent("fiverr-care")}`);
  expect(res.status).toBe(200);
  expect(verdictOf(html)).toBe("official");
  expect(html).toContain("Customer Relations");
});

test("a Cyrillic lookalike names what it imitates and which letter is Cyrillic", async () => {
  const { html } = await page(`/?q=${encodeURIComponent("Fivеrr-Care")}`);
  expect(verdictOf(html)).toBe("lookalike");
  expect(html).toMatch(/It imitates <bdi class="literal">Fiverr-Care<\/bdi>/);
  expect(html).toContain("U+0435");
  expect(html).toMatch(/is Cyrillic, not the Latin/);
});

test("brand impersonation, an unknown handle and an official e-mail channel", async () => {
  expect(verdictOf((await page("/?q=FiverrSupport")).html)).toBe("brand_impersonation");
  expect(verdictOf((await page("/?q=maria_designs")).html)).toBe("clean");
  const email = (await page("/?q=support%40fiverr.com")).html;
  expect(verdictOf(email)).toBe("official");
  expect(email).toContain("Support requests by e-mail");
});

test("without a question the page shows no verdict; too long a question is refused on the page", async () => {
  expect(verdictOf((await page("/")).html)).toBeUndefined();
  const { res, html } = await page(`/?q=${"a".repeat(3000)}`);
  expect(res.status).toBe(400);
  expect(html).toContain('role="alert"');
});

test("what the reader typed is shown as text, never as markup", async () => {
  const { html } = await page(`/?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
  expect(html).not.toContain("<script>alert(1)");
  expect(html).toContain("&lt;script&gt;alert(1)");
});

test("the list shows the active official accounts and channels, not suspended ones", async () => {
  const accounts = (await t.call("GET", "/v1/accounts?status=active")).json.items as { handle: string }[];
  const channels = (await t.call("GET", "/v1/channels")).json.items as { value: string }[];
  const { html } = await page("/");
  for (const a of accounts) expect(html).toContain(`<bdi class="literal">${a.handle}</bdi>`);
  for (const c of channels) expect(html).toContain(c.value);

  const current = await t.call("GET", "/v1/accounts/frmarcom");
  const suspended = await t.call("PATCH", "/v1/accounts/frmarcom", { token: await t.token("moderator"), headers: { "if-match": current.headers.get("etag")! }, body: { status: "suspended", reason: "checker list test" } });
  expect(suspended.status).toBe(200);
  expect((await page("/")).html).not.toContain(`<bdi class="literal">frmarcom</bdi>`);
});

test("the language comes from Accept-Language; Arabic and Hebrew are right-to-left", async () => {
  expect((await page("/", { "accept-language": "fr-CH, de;q=0.8, en;q=0.5" })).html).toContain('<html lang="de" dir="ltr">');
  const ar = await page("/?q=Fiverr-Care", { "accept-language": "ar-EG" });
  expect(ar.html).toContain('<html lang="ar" dir="rtl">');
  expect(ar.res.headers.get("content-language")).toBe("ar");
  expect(ar.html).toContain("هل هذا الحساب رسمي؟");
  // A purpose without a Hebrew text falls back to English, marked as English.
  const he = await page("/", { "accept-language": "he" });
  expect(he.html).toContain('<html lang="he" dir="rtl">');
  expect(he.html).toMatch(/<span lang="en" dir="auto">Official customer relations team/);
  expect((await page("/", { "accept-language": "xx, *" })).html).toContain('<html lang="en" dir="ltr">');
});

test("?lang= wins over Accept-Language and is remembered in a cookie", async () => {
  const chosen = await page("/?lang=lv", { "accept-language": "de" });
  expect(chosen.html).toContain('<html lang="lv" dir="ltr">');
  const cookie = chosen.res.headers.get("set-cookie")!;
  expect(cookie).toMatch(/teammark_lang=lv/);
  expect(cookie).toMatch(/HttpOnly/);
  const later = await page("/", { "accept-language": "de", cookie: cookie.split(";")[0]! });
  expect(later.html).toContain('<html lang="lv"');
  // An unknown ?lang= (or cookie) is ignored rather than stored, object keys included.
  for (const bogus of ["zz", "constructor", "__proto__", "toString"]) {
    const unknown = await page(`/?lang=${bogus}`, { "accept-language": "he", cookie: `teammark_lang=${bogus}` });
    expect(unknown.html).toContain('<html lang="he"');
    expect(unknown.res.headers.get("set-cookie")).toBeNull();
  }
});

test("the language switcher keeps the question", async () => {
  const { html } = await page(`/?q=Fiverr_Care`);
  expect(html).toContain('href="/?lang=ar&amp;q=Fiverr_Care"');
});

test("checks count against the client's public rate limit; past it the page says when to try again", async () => {
  const limited = await createTestApp({ rateLimits: (clock) => memoryRateLimits({ publicPerMinute: 2, authFailuresPerMinute: 10, exempt: [] }, clock) });
  try {
    const ask = (client: string) => limited.app.request("/?q=Fiverr_Care&lang=de", { headers: { [TEST_CLIENT_HEADER]: client } });
    for (let i = 0; i < 2; i++) expect((await ask("10.0.0.1")).status).toBe(200);
    const refused = await ask("10.0.0.1");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const html = await refused.text();
    expect(html).toContain('<html lang="de"');
    expect(html).toMatch(/Zu viele Prüfungen.*Sekunden/);
    expect(html).not.toContain("data-verdict=");
    // The list itself is not limited, and other clients are unaffected.
    expect((await limited.app.request("/", { headers: { [TEST_CLIENT_HEADER]: "10.0.0.1" } })).status).toBe(200);
    expect((await ask("10.0.0.2")).status).toBe(200);
  } finally {
    limited.close();
  }
});

test("channel reasons read as whole sentences in every language (no empty placeholders)", async () => {
  for (const value of ["+97236317883", "support@fiverr.com.evil.io", "https://fiverr-help.com", "jobs@fiverr.com", "https://fіverr.com/login", "https://www.instagram.com/fiverr_official/"]) {
    for (const lang of ["en", "de", "lv", "ar", "he"]) {
      const html = (await page(`/?lang=${lang}&q=${encodeURIComponent(value)}`)).html;
      const reasons = /<ul class="reasons">(.*?)<\/ul>/s.exec(html)?.[1] ?? "";
      expect(reasons, `${lang} ${value}`).not.toMatch(/\{\w+\}|: \.|by  |um  |<li><\/li>/);
      if (lang !== "en") expect(reasons, `${lang} ${value}`).not.toContain('lang="en"');
    }
  }
});
