// The public checker in a real browser: answers for an official handle, a
// Cyrillic lookalike and an unknown handle; the Arabic page is right-to-left;
// the form works by keyboard alone.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "./support/browser.ts";
import { startServer, type E2eServer } from "./support/server.ts";

let server: E2eServer;
let launched: Awaited<ReturnType<typeof launchBrowser>>;
let browser: BrowserContext;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
  server = await startServer();
  launched = await launchBrowser();
  browser = launched.browser;
  page = await browser.newPage();
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
});
afterAll(async () => {
  await launched?.close();
  await server?.close();
});

async function check(value: string) {
  await page.goto(`${server.url}/?lang=en`);
  await page.getByLabel("Username, e-mail address, phone number or link").fill(value);
  await page.keyboard.press("Enter");
  await page.waitForSelector("section.result");
  return { verdict: await page.getAttribute("section.result", "data-verdict"), text: await page.textContent("section.result") };
}

test("an official handle is confirmed with its team, by a page that runs no script at all", async () => {
  const r = await check("Fiverr-Care");
  expect(await page.locator("script").count()).toBe(0);
  expect(r.verdict).toBe("official");
  expect(r.text).toContain("Customer Relations");
  expect(new URL(page.url()).searchParams.get("q")).toBe("Fiverr-Care");
});

test("a Cyrillic lookalike is named as an imitation, with the Cyrillic letter", async () => {
  const r = await check("Fivеrr-Care");
  expect(r.verdict).toBe("lookalike");
  expect(r.text).toContain("It imitates Fiverr-Care");
  expect(r.text).toMatch(/The “е” \(U\+0435\) is Cyrillic/);
});

test("an unknown handle is not official", async () => {
  const r = await check("maria_designs");
  expect(r.verdict).toBe("clean");
  expect(r.text).toContain("Not an official account");
});

test("the Arabic page renders right-to-left, and the choice is remembered", async () => {
  await page.goto(`${server.url}/?lang=ar`);
  expect(await page.getAttribute("html", "dir")).toBe("rtl");
  expect(await page.getAttribute("html", "lang")).toBe("ar");
  expect(await page.evaluate(() => getComputedStyle(document.querySelector("main h1")!).direction)).toBe("rtl");
  // Right-to-left layout: the heading starts at the right edge of the main column.
  const box = await page.evaluate(() => {
    const main = document.querySelector("main")!.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(document.querySelector("main h1")!);
    const text = range.getBoundingClientRect();
    return { mainRight: main.right, textRight: text.right, textLeft: text.left, mainLeft: main.left };
  });
  expect(box.mainRight - box.textRight).toBeLessThan(box.textLeft - box.mainLeft);
  await page.goto(`${server.url}/`);
  expect(await page.getAttribute("html", "lang")).toBe("ar");
  await page.goto(`${server.url}/?lang=en`);
});

test("the check works by keyboard alone, and the page raised no CSP violation", async () => {
  await page.goto(`${server.url}/?lang=en`);
  // Tab order: skip link, then the navigation, the language links, then the field.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip");
  await page.keyboard.press("Enter");
  await page.focus("#q");
  await page.keyboard.type("FiverrSupport");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BUTTON");
  await page.keyboard.press("Enter");
  await page.waitForSelector("section.result");
  expect(await page.getAttribute("section.result", "data-verdict")).toBe("brand_impersonation");
  expect(cspViolations).toEqual([]);
});

test("every control on the checker has a label and the page declares its language", async () => {
  for (const lang of ["en", "de", "lv", "ar", "he"]) {
    await page.goto(`${server.url}/?lang=${lang}&q=Fiverr_Care`);
    expect(await page.getAttribute("html", "lang")).toBe(lang);
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>("input:not([type=hidden]), button")].filter((el) => !(el.labels?.length || el.textContent?.trim())).length);
    expect(unlabelled, lang).toBe(0);
    expect(await page.getAttribute("section.result", "data-verdict")).toBe("lookalike");
  }
});
