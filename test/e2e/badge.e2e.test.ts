// <teammark-badge> embedded on another origin under a strict CSP: it renders
// for a valid assertion, not for a tampered one nor for one presented next to
// another sender; with src it fetches the answer itself and warns about an
// impostor.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser } from "./support/browser.ts";
import { startServer, type E2eServer } from "./support/server.ts";

let server: E2eServer;
let embedder: Server;
let launched: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let assertion: string;
let officialId: string;
const consoleErrors: string[] = [];

/** Flips one character in the middle of the signature (the last one may only carry padding bits). */
function tamper(jws: string): string {
  const [h, p, s] = jws.split(".") as [string, string, string];
  const i = Math.floor(s.length / 2);
  return `${h}.${p}.${s.slice(0, i)}${s[i] === "A" ? "B" : "A"}${s.slice(i + 1)}`;
}

beforeAll(async () => {
  server = await startServer();
  const official = await (await fetch(`${server.url}/v1/badges/Fiverr-Care`)).json();
  expect(official.official).toBe(true);
  assertion = official.assertion;
  officialId = official.account.platformUserId;
  const other = (await (await fetch(`${server.url}/v1/accounts/Fiverr-Social`)).json()).platformUserId;

  launched = await launchBrowser();
  page = await launched.browser.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  // A page on another origin (another port), with a CSP that allows scripts from teammark only and no inline styles at all.
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>embedder</title>
<script src="${server.url}/badge.js"></script></head><body>
<p>valid <teammark-badge id="valid" sender-id="${officialId}" assertion="${assertion}"></teammark-badge></p>
<p>tampered <teammark-badge id="tampered" sender-id="${officialId}" assertion="${tamper(assertion)}"></teammark-badge></p>
<p>other sender <teammark-badge id="other" sender-id="${other}" assertion="${assertion}"></teammark-badge></p>
<p lang="de">src <teammark-badge id="src-de" sender-id="${officialId}" src="${server.url}/v1/badges/Fiverr-Care"></teammark-badge></p>
<p>impostor <teammark-badge id="impostor" sender-id="9300417" src="${server.url}/v1/badges/${encodeURIComponent("Fivеrr-Care")}"></teammark-badge></p>
<p>ordinary <teammark-badge id="ordinary" sender-id="8812345" src="${server.url}/v1/badges/maria_designs"></teammark-badge></p>
</body></html>`;
  embedder = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": `default-src 'none'; script-src ${server.url}; connect-src ${server.url}; style-src 'none'` });
    res.end(html);
  });
  await new Promise<void>((resolve) => embedder.listen(0, "127.0.0.1", resolve));
  const port = (embedder.address() as { port: number }).port;
  await page.goto(`http://127.0.0.1:${port}/inbox`);
  await page.waitForFunction(() => [...document.querySelectorAll("teammark-badge")].every((b) => b.getAttribute("data-state") && b.getAttribute("data-state") !== "pending"), null, { timeout: 20_000 });
});
afterAll(async () => {
  embedder?.close();
  await launched?.close();
  await server?.close();
});

const state = (id: string) => page.evaluate((id) => {
  const el = document.getElementById(id)!;
  const pill = el.shadowRoot!.querySelector(".badge") as HTMLElement | null;
  return { state: el.dataset.state, reason: el.dataset.reason ?? null, text: pill?.textContent ?? "", label: pill?.getAttribute("aria-label") ?? "", visible: el.getBoundingClientRect().width > 0 };
}, id);

test("a valid assertion renders the signed Team label, visibly, with an accessible name", async () => {
  const s = await state("valid");
  expect(s.state).toBe("valid");
  expect(s.text).toBe("✓Fiverr Team");
  expect(s.label).toContain("verified official account");
  expect(s.label).toContain("@Fiverr-Care");
  expect(s.visible).toBe(true);
});

test("a tampered assertion renders nothing", async () => {
  const s = await state("tampered");
  expect(s.state).toBe("invalid");
  expect(s.reason).toBe("bad_signature");
  expect(s.text).toBe("");
  expect(s.visible).toBe(false);
});

test("an assertion presented next to another sender renders nothing", async () => {
  const s = await state("other");
  expect(s.state).toBe("invalid");
  expect(s.reason).toBe("wrong_sender");
  expect(s.text).toBe("");
});

test("with src the badge fetches its answer, in the language of the surrounding text", async () => {
  const s = await state("src-de");
  expect(s.state).toBe("valid");
  expect(s.text).toBe("✓Fiverr-Team");
});

test("an impostor gets a warning naming the account it imitates; an ordinary user gets nothing", async () => {
  const impostor = await state("impostor");
  expect(impostor.state).toBe("warning");
  expect(impostor.text).toContain("imitates Fiverr-Care");
  const ordinary = await state("ordinary");
  expect(ordinary.state).toBe("invalid");
  expect(ordinary.text).toBe("");
});

test("the badge changes when its attributes change", async () => {
  await page.evaluate((a) => document.getElementById("tampered")!.setAttribute("assertion", a), assertion);
  await page.waitForFunction(() => document.getElementById("tampered")!.dataset.state === "valid");
  expect((await state("tampered")).text).toBe("✓Fiverr Team");
});

test("a shown badge disappears when its assertion expires", async () => {
  const later = await launched.browser.newPage();
  try {
    await later.clock.install();
    await later.goto(page.url());
    await later.waitForFunction(() => document.getElementById("valid")?.dataset.state === "valid");
    // Past the badge lifetime (BADGE_TTL_SECONDS, 600 s by default) and the verifier's clock tolerance.
    await later.clock.fastForward("12:00");
    await later.waitForFunction(() => document.getElementById("valid")?.dataset.state === "invalid");
    expect(await later.evaluate(() => document.getElementById("valid")!.dataset.reason)).toBe("expired");
  } finally {
    await later.close();
  }
});

test("the host page's strict CSP was not violated", () => {
  expect(consoleErrors.filter((e) => /Content Security Policy|CORS|Cross-Origin/i.test(e))).toEqual([]);
});
