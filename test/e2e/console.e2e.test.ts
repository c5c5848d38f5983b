// The moderator console in a real browser: sign in with a token, edit an
// account, see the audit entry; a stale edit gets the "someone else changed
// this record" message; the token never reaches the URL or the server log.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "./support/browser.ts";
import { startServer, type E2eServer } from "./support/server.ts";

let server: E2eServer;
let launched: Awaited<ReturnType<typeof launchBrowser>>;
let browser: BrowserContext;
let page: Page;
let token: string;
const requestedUrls: string[] = [];

beforeAll(async () => {
  server = await startServer();
  launched = await launchBrowser();
  browser = launched.browser;
  browser.on("request", (r) => requestedUrls.push(r.url()));
  token = await server.token("moderator", "e2e-alice");
});
// A new tab per test: each starts with an empty sessionStorage, i.e. signed out.
beforeEach(async () => {
  page = await browser.newPage();
});
afterEach(async () => {
  await page.close();
});
afterAll(async () => {
  await launched?.close();
  await server?.close();
});

async function signIn() {
  await page.goto(`${server.url}/console`);
  await page.getByLabel("Moderator token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForSelector("#whoami");
}

async function openEditor(handle: string) {
  await page.getByRole("button", { name: `Edit ${handle}` }).click();
  await page.waitForSelector(`form[aria-label="Edit ${handle}"]`);
  return page.locator(`form[aria-label="Edit ${handle}"]`);
}

test("a moderator edits an account and sees the change in the audit log", async () => {
  await signIn();
  expect(await page.textContent("#whoami")).toBe("e2e-alice");
  await page.getByLabel("Search").first().fill("care");
  await expect.poll(() => page.locator("tbody tr[data-handle]").count()).toBe(1);
  const form = await openEditor("Fiverr-Care");
  await form.getByLabel("Team").fill("Customer Relations EMEA");
  await form.getByLabel("Reason").fill("team split (e2e)");
  await form.getByRole("button", { name: "Save" }).click();
  await page.getByText("Saved Fiverr-Care (version 2).").waitFor();

  const api = await (await fetch(`${server.url}/v1/accounts/Fiverr-Care`)).json();
  expect(api.team).toBe("Customer Relations EMEA");

  await page.getByRole("tab", { name: "Audit log" }).click();
  const entry = page.locator("#audit-table tbody tr").first();
  await entry.waitFor();
  expect(await entry.textContent()).toContain("team split (e2e)");
  expect(await entry.textContent()).toContain("e2e-alice");
  expect(await entry.textContent()).toContain("team: Customer Relations → Customer Relations EMEA");
  await expect.poll(() => page.textContent("#chain-status")).toMatch(/Chain intact/);
});

test("an edit of a record someone else changed meanwhile is refused with a clear message", async () => {
  await signIn();
  const form = await openEditor("Fiverr-Social");
  // Another moderator changes the record after this editor read it.
  const current = await fetch(`${server.url}/v1/accounts/Fiverr-Social`);
  const other = await fetch(`${server.url}/v1/accounts/Fiverr-Social`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${await server.token("moderator", "bob")}`, "content-type": "application/json", "if-match": current.headers.get("etag")! },
    body: JSON.stringify({ team: "Social Media", reason: "bob renames" }),
  });
  expect(other.status).toBe(200);
  await form.getByLabel("Team").fill("Social & Community");
  await form.getByLabel("Reason").fill("alice renames");
  await form.getByRole("button", { name: "Save" }).click();
  await page.getByRole("alert").getByText(/Someone else changed this record/).waitFor();
  await page.getByRole("button", { name: /Reload record/ }).click();
  const reloaded = page.locator('form[aria-label="Edit Fiverr-Social"]');
  await expect.poll(() => reloaded.getByLabel("Team").inputValue()).toBe("Social Media");
});

test("a moderator suspends an account with a reason; the public list drops it", async () => {
  await signIn();
  const form = await openEditor("frmarcom");
  await form.getByLabel("Status").selectOption("suspended");
  await form.getByLabel("Reason").fill("compromised password");
  await form.getByRole("button", { name: "Save" }).click();
  await page.getByText("Saved frmarcom").waitFor();
  const publicPage = await (await fetch(`${server.url}/?lang=en`)).text();
  expect(publicPage).not.toContain(">frmarcom<");
});

test("the token stays out of URLs, storage other than this tab's session, and the server log", async () => {
  await signIn();
  expect(requestedUrls.some((u) => u.includes(token))).toBe(false);
  expect(await page.evaluate(() => Object.keys(localStorage).length)).toBe(0);
  expect(await page.evaluate(() => document.cookie)).not.toContain(token.slice(0, 20));
  expect(JSON.stringify(server.logger.records)).not.toContain(token.slice(-30));
  expect(server.logger.records.some((r) => r.actor === "e2e-alice")).toBe(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});

test("a bad token is refused on the sign-in form", async () => {
  await page.goto(`${server.url}/console`);
  await page.getByLabel("Moderator token").fill("eyJhbGciOiJub25lIn0.eyJzdWIiOiJldmUiLCJyb2xlcyI6WyJhZG1pbiJdfQ.");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("alert").getByText(/token was not accepted/).waitFor();
  expect(await page.isVisible("#app")).toBe(false);
});

test("an admin rotates the badge signing key; moderators do not see the keys tab", async () => {
  await signIn();
  expect(await page.getByRole("tab", { name: "Badge keys" }).count()).toBe(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  token = await server.token("admin", "e2e-root");
  await signIn();
  await page.getByRole("tab", { name: "Badge keys" }).click();
  await expect.poll(() => page.locator("#keys-table tbody tr").count()).toBe(1);
  await page.locator('form[aria-label="Rotate the signing key"]').getByLabel("Reason").fill("e2e rotation");
  await page.getByRole("button", { name: "Rotate signing key" }).click();
  await page.getByText(/Added key .*: published now/).waitFor();
  await expect.poll(() => page.locator('#keys-table tbody tr[data-phase="next"]').count()).toBe(1);
  // The running server picks the rotated key file up within a second.
  await expect.poll(async () => (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()).keys.length, { timeout: 5000 }).toBe(2);
});

test("a moderator registers a channel and later retires it; the public page follows", async () => {
  await signIn();
  await page.getByRole("tab", { name: "Channels" }).click();
  await page.getByRole("button", { name: "New channel" }).click();
  const create = page.locator('form[aria-label="New channel"]');
  await create.getByLabel("Kind").selectOption("email");
  await create.getByLabel("Address").fill("trust@fiverr.com");
  await create.getByLabel("Purpose (en)").fill("Trust & Safety reports");
  await create.getByLabel("Reason").fill("new T&S address");
  await create.getByRole("button", { name: "Create" }).click();
  await page.getByText("Channel created.").waitFor();
  expect(await (await fetch(`${server.url}/?lang=en`)).text()).toContain("trust@fiverr.com");

  await page.getByRole("button", { name: "Edit trust@fiverr.com" }).click();
  const edit = page.locator('form[aria-label="Edit trust@fiverr.com"]');
  await edit.getByLabel("Status").selectOption("retired");
  await edit.getByLabel("Reason").fill("address closed");
  await edit.getByRole("button", { name: "Save" }).click();
  await page.getByText("Saved email channel.").waitFor();
  expect(await (await fetch(`${server.url}/?lang=en`)).text()).not.toContain("trust@fiverr.com");
});

test("every form control in the console has a label", async () => {
  token = await server.token("admin", "e2e-root");
  await signIn();
  for (const tab of ["Accounts", "Channels", "Audit log", "Badge keys"]) {
    await page.getByRole("tab", { name: tab }).click();
    if (tab === "Accounts") await page.getByRole("button", { name: "Edit Fiverr-Care" }).click();
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>("input:not([type=hidden]), select, textarea")].filter((el) => el.offsetParent !== null && !el.labels?.length && !el.getAttribute("aria-label")).map((el) => el.name || el.id),
    );
    expect(unlabelled, tab).toEqual([]);
  }
});

test("a moderator registers a new official account; the checker then confirms it", async () => {
  await signIn();
  await page.getByRole("button", { name: "New account" }).click();
  const form = page.locator('form[aria-label="New account"]');
  await form.getByLabel("Handle").fill("Fiverr-Trust");
  await form.getByLabel("Platform user id").fill("7100099");
  await form.getByLabel("Team").fill("Trust & Safety");
  await form.getByLabel("Purpose (en)").fill("Official Trust & Safety team.");
  await form.getByLabel("Reason").fill("new team account");
  await form.getByRole("button", { name: "Create" }).click();
  await page.getByText("Created Fiverr-Trust.").waitFor();
  const checker = await (await fetch(`${server.url}/?lang=en&q=fiverr-trust`)).text();
  expect(checker).toContain('data-verdict="official"');
  expect(checker).toContain("Trust &amp; Safety");
});
