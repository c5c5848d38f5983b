/// <reference types="@cloudflare/vitest-plugin/types" />
// The web pages inside workerd: the bundled assets, the localised checker
// (Intl script names included) and /badge.js with the Worker's badge settings.
import { SELF } from "cloudflare:test";
import { expect, test } from "vitest";

const BASE = "https://teammark.test";

test("the checker answers in Arabic, right-to-left, with a nonce CSP", async () => {
  const res = await SELF.fetch(`${BASE}/?lang=ar&q=${encodeURIComponent("Fivеrr-Care")}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-security-policy")).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  const html = await res.text();
  expect(html).toContain('<html lang="ar" dir="rtl">');
  expect(html).toContain('data-verdict="lookalike"');
  expect(html).toContain("U+0435");
});

test("/badge.js and the page bundles are served, the badge with this Worker's issuer", async () => {
  const badge = await SELF.fetch(`${BASE}/badge.js`);
  expect(badge.status).toBe(200);
  expect(badge.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
  const body = await badge.text();
  expect(body).toContain('https://teammark.test');
  expect(body).not.toContain("__TEAMMARK_BADGE_CONFIG__");
  for (const asset of ["console.js", "demo.js", "teammark.css"]) expect((await SELF.fetch(`${BASE}/assets/${asset}`)).status).toBe(200);
  expect((await SELF.fetch(`${BASE}/console`)).status).toBe(200);
  expect((await SELF.fetch(`${BASE}/demo`)).status).toBe(200);
});
