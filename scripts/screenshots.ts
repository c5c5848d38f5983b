// `npm run screenshots`: the README's pictures of the web pages, taken with the
// same headless Chromium as the browser tests, against a fresh local server.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../test/e2e/support/browser.ts";
import { startServer } from "../test/e2e/support/server.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "docs/screenshots");
mkdirSync(out, { recursive: true });

const server = await startServer({ LOG_REQUESTS: "false" });
const { browser, close } = await launchBrowser();
try {
  const page = await browser.newPage();
  const shot = async (name: string, fullPage = false) => {
    await page.screenshot({ path: path.join(out, name), fullPage });
    console.log(`wrote docs/screenshots/${name}`);
  };

  await page.goto(`${server.url}/?lang=en&q=${encodeURIComponent("Fivеrr-Care")}`);
  await shot("checker-en.png");
  await page.goto(`${server.url}/?lang=ar&q=${encodeURIComponent("Fiverr-Care")}`);
  await shot("checker-ar.png");

  // The console after an edit: the audit tab shows it.
  await page.goto(`${server.url}/console`);
  await page.getByLabel("Moderator token").fill(await server.token("admin", "alice"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Edit Fiverr-Care" }).click();
  const form = page.locator('form[aria-label="Edit Fiverr-Care"]');
  await form.getByLabel("Team").fill("Customer Relations EMEA");
  await form.getByLabel("Reason").fill("team split");
  await form.getByRole("button", { name: "Save" }).click();
  await page.getByText("Saved Fiverr-Care").waitFor();
  await page.getByRole("button", { name: "Edit Fiverr-Social" }).click();
  await page.locator('form[aria-label="Edit Fiverr-Social"]').getByLabel("Status").selectOption("suspended");
  await page.locator('form[aria-label="Edit Fiverr-Social"]').getByLabel("Reason").fill("campaign paused");
  await page.setViewportSize({ width: 1200, height: 1250 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot("console.png");
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.getByRole("tab", { name: "Audit log" }).click();
  await page.locator("#audit-table tbody tr").first().waitFor();
  await page.getByText(/Chain intact/).waitFor();
  await shot("console-audit.png");

  await page.goto(`${server.url}/demo`);
  await page.locator("[data-conversation=c-impostor]").click();
  await page.waitForFunction(() => [...document.querySelectorAll("teammark-badge")].every((b) => b.getAttribute("data-state") && b.getAttribute("data-state") !== "pending"));
  await shot("demo.png");
} finally {
  await close();
  await server.close();
}
