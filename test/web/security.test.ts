// Page security headers and the serving of assets: a fresh nonce per page in a
// strict CSP, no inline code, and only /badge.js usable from other origins.
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const nonceOf = (csp: string) => /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];

test.each(["/", "/console", "/demo"])("%s has a strict CSP whose nonce is on every script tag and new on every request", async (path) => {
  const first = await t.app.request(path);
  const csp = first.headers.get("content-security-policy")!;
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-inline");
  const nonce = nonceOf(csp)!;
  expect(nonce.length).toBeGreaterThanOrEqual(16);
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  for (const tag of scripts) {
    expect(tag).toContain(`nonce="${nonce}"`);
    expect(tag).toMatch(/ src="/);
  }
  // No inline handlers or inline styles anywhere in the markup.
  expect(html).not.toMatch(/\son[a-z]+=/i);
  expect(html).not.toMatch(/\sstyle=/i);
  expect(first.headers.get("cache-control")).toBe("no-store");
  const second = await t.app.request(path);
  expect(nonceOf(second.headers.get("content-security-policy")!)).not.toBe(nonce);
});

test("the console page loads its bundle and asks for the token in a password field", async () => {
  const html = await (await t.app.request("/console")).text();
  expect(html).toContain('src="/assets/console.js"');
  expect(html).toMatch(/<input id="token" name="token" type="password"/);
});

test("/badge.js is embeddable cross-origin; the page bundles are not", async () => {
  const badge = await t.app.request("/badge.js");
  expect(badge.status).toBe(200);
  expect(badge.headers.get("content-type")).toMatch(/^text\/javascript/);
  expect(badge.headers.get("access-control-allow-origin")).toBe("*");
  expect(badge.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
  const consoleJs = await t.app.request("/assets/console.js");
  expect(consoleJs.status).toBe(200);
  expect(consoleJs.headers.get("cross-origin-resource-policy")).toBe("same-origin");
  expect(consoleJs.headers.get("access-control-allow-origin")).toBeNull();
  const css = await t.app.request("/assets/teammark.css");
  expect(css.headers.get("content-type")).toMatch(/^text\/css/);
});

test("assets revalidate with their ETag; unknown assets are 404 problems", async () => {
  const first = await t.app.request("/assets/teammark.css");
  const etag = first.headers.get("etag")!;
  const again = await t.app.request("/assets/teammark.css", { headers: { "if-none-match": etag } });
  expect(again.status).toBe(304);
  const missing = await t.app.request("/assets/nothing.js");
  expect(missing.status).toBe(404);
  expect(missing.headers.get("content-type")).toMatch(/problem\+json/);
});

test("/badge.js carries this server's badge issuer and audience, and its ETag follows them", async () => {
  const body = await (await t.app.request("/badge.js")).text();
  expect(body).not.toContain("__TEAMMARK_BADGE_CONFIG__");
  expect(body).toContain(JSON.stringify(JSON.stringify({ issuer: t.deps.config.publicUrl, audience: t.deps.config.badges.audience })).slice(1, -3));
  const other = await createTestApp({ env: { PUBLIC_URL: "https://teammark.example" } });
  try {
    const a = (await t.app.request("/badge.js")).headers.get("etag");
    const b = (await other.app.request("/badge.js")).headers.get("etag");
    expect(a).not.toBe(b);
    expect(await (await other.app.request("/badge.js")).text()).toContain("https://teammark.example");
  } finally {
    other.close();
  }
});
