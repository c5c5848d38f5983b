// <teammark-badge check-status>: a badge whose account was suspended is
// refused at once through the signed revocation list, although its assertion
// has not expired; without check-status it stands until it expires.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser } from "./support/browser.ts";
import { freePort, startServer, type E2eServer } from "./support/server.ts";

let server: E2eServer;
let launched: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  // Status-list URLs are built from PUBLIC_URL, so it must name the real port.
  const port = await freePort();
  server = await startServer({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
  launched = await launchBrowser();
  page = await launched.browser.newPage();
  // The list is served with max-age = its ttl (revocation reaches browsers within it); this test looks past that cache.
  const cdp = await launched.browser.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
});
afterAll(async () => {
  await launched?.close();
  await server?.close();
});

async function render(assertion: string, senderId: string) {
  // A same-origin page (the server's own /demo) is only a place to put elements in.
  await page.goto(`${server.url}/demo`);
  await page.evaluate(
    ({ assertion, senderId }) => {
      for (const [id, checkStatus] of [["checked", true], ["offline", false]] as const) {
        const el = document.createElement("teammark-badge");
        el.id = id;
        el.setAttribute("sender-id", senderId);
        el.setAttribute("assertion", assertion);
        if (checkStatus) el.setAttribute("check-status", "");
        document.body.append(el);
      }
    },
    { assertion, senderId },
  );
  await page.waitForFunction(() => ["checked", "offline"].every((id) => ["valid", "invalid"].includes(document.getElementById(id)?.dataset.state ?? "")));
  return page.evaluate(() => ({
    checked: [document.getElementById("checked")!.dataset.state, document.getElementById("checked")!.dataset.reason ?? null],
    offline: [document.getElementById("offline")!.dataset.state, document.getElementById("offline")!.dataset.reason ?? null],
  }));
}

test("a suspended account's unexpired badge is revoked with check-status, and stands without it", async () => {
  const badge = await (await fetch(`${server.url}/v1/badges/Fiverr-Updates`)).json();
  const senderId = badge.account.platformUserId as string;
  expect(await render(badge.assertion, senderId)).toEqual({ checked: ["valid", null], offline: ["valid", null] });

  const current = await fetch(`${server.url}/v1/accounts/Fiverr-Updates`);
  const suspended = await fetch(`${server.url}/v1/accounts/Fiverr-Updates`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${await server.token("moderator")}`, "content-type": "application/json", "if-match": current.headers.get("etag")! },
    body: JSON.stringify({ status: "suspended", reason: "compromised (e2e)" }),
  });
  expect(suspended.status).toBe(200);
  expect(await render(badge.assertion, senderId)).toEqual({ checked: ["invalid", "revoked"], offline: ["valid", null] });
});
