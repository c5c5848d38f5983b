// The demo inbox in a real browser: the official sender carries a verified
// badge, the Cyrillic impostor a warning and flagged messages with the
// evidence marked, the ordinary user nothing; all under the page's strict CSP.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser } from "./support/browser.ts";
import { startServer, type E2eServer } from "./support/server.ts";

let server: E2eServer;
let launched: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  server = await startServer();
  launched = await launchBrowser();
  page = await launched.browser.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`${server.url}/demo`);
  await page.waitForSelector("#inbox[aria-busy=false]");
});
afterAll(async () => {
  await launched?.close();
  await server?.close();
});

async function openConversation(id: string) {
  await page.locator(`[data-conversation=${id}]`).click();
  await page.waitForFunction(() => [...document.querySelectorAll(".thread teammark-badge")].every((b) => b.getAttribute("data-state") && b.getAttribute("data-state") !== "pending"));
  return page.locator(".thread");
}

const badgeState = (scope: string) => page.evaluate((s) => document.querySelector(`${s} teammark-badge`)?.getAttribute("data-state"), scope);

test("the official account shows the verified Team badge and no warnings", async () => {
  const thread = await openConversation("c-official");
  expect(await badgeState(".thread header")).toBe("valid");
  expect(await badgeState("[data-conversation=c-official]")).toBe("valid");
  expect(await thread.locator(".msg.flagged").count()).toBe(0);
});

test("the impostor gets a warning badge and flagged messages with the evidence highlighted", async () => {
  const thread = await openConversation("c-impostor");
  expect(await badgeState(".thread header")).toBe("warning");
  const warning = await page.evaluate(() => document.querySelector(".thread header teammark-badge")!.shadowRoot!.textContent);
  expect(warning).toContain("imitates Fiverr-Care");
  expect(await thread.locator(".msg.flagged").count()).toBe(2);
  const marks = await thread.locator("mark.evidence").allTextContents();
  expect(marks.some((m) => m.includes("https://fiverr-verify.help/login"))).toBe(true);
  expect(await thread.locator(".scan-warning").first().textContent()).toMatch(/high risk/);
});

test("the ordinary user has no badge at all", async () => {
  await openConversation("c-user");
  expect(await badgeState(".thread header")).toBe("invalid");
  expect(await page.evaluate(() => document.querySelector(".thread header teammark-badge")!.getBoundingClientRect().width)).toBe(0);
});


test("choosing the reader's language localises the warnings and the badge labels", async () => {
  await page.getByLabel("Reader language").selectOption("de");
  await page.waitForFunction(() => document.querySelector(".thread teammark-badge")?.getAttribute("lang") === "de");
  await openConversation("c-official");
  await page.waitForFunction(() => document.querySelector(".thread header teammark-badge")?.shadowRoot?.textContent?.includes("Fiverr-Team"));
  const thread = await openConversation("c-impostor");
  expect(await thread.locator(".scan-warning span[lang=de]").count()).toBeGreaterThan(0);
  await page.getByLabel("Reader language").selectOption("en");
});

test("the page ran without script errors or CSP violations", () => {
  expect(problems).toEqual([]);
});
