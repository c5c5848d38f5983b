import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { WEB_PATHS } from "../../src/web/routes.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { BODY_LIMIT_BYTES: "4096" } });
});
afterAll(() => t.close());

test("bodies above the limit are refused with 413 before any work is done", async () => {
  const token = await t.token("moderator");
  const res = await t.call("POST", "/v1/accounts", { token, body: { handle: "x", reason: "y".repeat(10_000) } });
  expect(res.status).toBe(413);
  expect(res.json.type).toBe("https://teammark.dev/problems/payload-too-large");
});

test("every response carries a request id; a caller's id is kept", async () => {
  const res = await t.app.request("/healthz", { headers: { "x-request-id": "trace-123" } });
  expect(res.headers.get("x-request-id")).toBe("trace-123");
  const own = await t.app.request("/healthz");
  expect(own.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
});

test("secure headers are set", async () => {
  const res = await t.app.request("/v1/accounts");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("strict-transport-security")).toContain("max-age");
  expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
});

test("the docs page keeps its own CSP: styles, no script", async () => {
  const res = await t.app.request("/docs");
  expect(res.headers.get("content-type")).toContain("text/html");
  expect(res.headers.get("content-security-policy")).toContain("style-src 'unsafe-inline'");
  expect(res.headers.get("content-security-policy")).not.toContain("script-src");
});

test("health and readiness", async () => {
  expect((await t.call("GET", "/healthz")).json).toEqual({ status: "ok" });
  expect((await t.call("GET", "/readyz")).status).toBe(200);
});

test("unknown routes are problem+json 404s", async () => {
  const res = await t.call("GET", "/v2/nothing");
  expect(res.status).toBe(404);
  expect(res.json.type).toBe("https://teammark.dev/problems/not-found");
});

test("/openapi.json describes every route the app serves, and /docs renders it", async () => {
  const doc = (await t.call("GET", "/openapi.json")).json;
  expect(doc.openapi).toBe("3.1.0");
  const ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, m]) => Object.keys(m).map((k) => `${k.toUpperCase()} ${p}`));
  for (const expected of ["GET /v1/accounts", "GET /v1/accounts/{handle}", "POST /v1/accounts", "PATCH /v1/accounts/{handle}", "DELETE /v1/accounts/{handle}", "GET /v1/channels", "POST /v1/channels", "GET /v1/audit", "GET /v1/audit/verify", "GET /healthz", "GET /readyz"]) {
    expect(ops).toContain(expected);
  }
  // Routes registered on the app but not in the document would be invisible to clients.
  const served = t.app.routes
    .filter((r) => r.method !== "ALL" && !["/openapi.json", "/docs", ...WEB_PATHS].includes(r.path) && !r.path.startsWith("/static") )
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
  const undocumented = [...new Set(served)].filter((s) => !ops.includes(s));
  expect(undocumented).toEqual([]);
  const docs = await t.app.request("/docs");
  const html = await docs.text();
  expect(html).toContain("/v1/accounts/{handle}");
  expect(html).toContain("https://teammark.dev/problems/precondition-failed");
});
