// Hostile input over HTTP: every operation in /openapi.json (so routes added by
// later work are covered without touching this file) gets odd path params,
// query strings, malformed and random JSON, wrong content types, oversized and
// deeply nested bodies. Every answer must be a documented 2xx or a 4xx
// problem+json, never a 5xx, and never leak a stack trace or SQL.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { ODD_BODIES, ODD_CONTENT_TYPES, ODD_QUERIES, ODD_SEGMENTS, answerProblems, jsonBody, pathSegment, queryString, type Answer } from "./support/hostile.ts";

type Operation = { method: string; template: string; documented: Set<number>; takesBody: boolean; protectedBy?: string };

const BODY_LIMIT = 64 * 1024;
const RANDOM_RUNS_PER_OPERATION = 60;

let t: TestApp;
let ops: Operation[];
let adminToken: string;

beforeAll(async () => {
  t = await createTestApp({ env: { BODY_LIMIT_BYTES: String(BODY_LIMIT) } });
  // Staff roles are ranked but the messaging service role is separate: the fuzzer holds both, so it gets past every guard.
  const { config } = t.deps;
  adminToken = await t.issuer.mint({ sub: "fuzzer", roles: ["admin", "messaging"], issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 3600, now: t.clock.now() });
  const doc = (await t.call("GET", "/openapi.json")).json as {
    paths: Record<string, Record<string, { responses?: Record<string, unknown>; requestBody?: unknown; security?: Record<string, string[]>[] }>>;
  };
  ops = Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      template,
      documented: new Set(Object.keys(op.responses ?? {}).map(Number)),
      takesBody: op.requestBody !== undefined,
      ...(op.security?.[0]?.bearer?.[0] ? { protectedBy: op.security[0].bearer[0] } : {}),
    })),
  );
});
afterAll(() => t?.close());

const isJson = (s: string) => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};
const fill = (template: string, segment: string) => template.replace(/\{[^}]+\}/g, segment);

async function send(op: Operation, req: { url: string; body?: string; contentType?: string; token?: boolean; ifMatch?: string }): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (req.token !== false) headers.authorization = `Bearer ${adminToken}`;
  if (req.contentType !== undefined && req.contentType !== "") headers["content-type"] = req.contentType;
  if (req.ifMatch !== undefined) headers["if-match"] = req.ifMatch;
  const withBody = req.body !== undefined && op.method !== "GET";
  const res = await t.app.request(req.url, { method: op.method, headers, ...(withBody ? { body: req.body } : {}) });
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", text: await res.text() };
}

async function expectSound(op: Operation, req: Parameters<typeof send>[1]): Promise<Answer> {
  const answer = await send(op, req);
  const problems = answerProblems(answer, op.documented);
  expect(problems, `${op.method} ${req.url.slice(0, 120)} body=${String(req.body).slice(0, 60)} type=${req.contentType}`).toEqual([]);
  return answer;
}

describe("hostile requests to every documented operation", () => {
  test("the document lists operations to fuzz, including protected writes", () => {
    expect(ops.length).toBeGreaterThanOrEqual(10);
    expect(ops.some((o) => o.takesBody && o.protectedBy)).toBe(true);
  });

  test("odd path parameters", async () => {
    for (const op of ops.filter((o) => o.template.includes("{"))) {
      for (const segment of ODD_SEGMENTS) await expectSound(op, { url: fill(op.template, segment), body: '{"reason":"fuzzing path params"}', contentType: "application/json", ifMatch: "*" });
    }
  });

  test("odd query strings", async () => {
    for (const op of ops) {
      for (const q of ODD_QUERIES) await expectSound(op, { url: `${fill(op.template, "Fiverr-Care")}?${q}` });
    }
  });

  test("malformed, hostile and deeply nested JSON bodies", async () => {
    for (const op of ops.filter((o) => o.method !== "GET")) {
      for (const body of ODD_BODIES) {
        const answer = await expectSound(op, { url: fill(op.template, "Fiverr-Care"), body, contentType: "application/json", ifMatch: "*" });
        if (op.takesBody && !isJson(body)) expect(answer.status, `${op.method} ${op.template} accepted ${body.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
        // None of these is over the limit: they must be judged on content, not size.
        expect(answer.status, `${op.method} ${op.template} ${body.slice(0, 20)}`).not.toBe(413);
      }
    }
  });

  test("wrong content types are refused with 415 before any parsing", async () => {
    for (const op of ops.filter((o) => o.takesBody)) {
      for (const type of ODD_CONTENT_TYPES) {
        const answer = await expectSound(op, { url: fill(op.template, "Fiverr-Care"), body: "reason=form%20post", contentType: type, ifMatch: "*" });
        expect(answer.status).toBeGreaterThanOrEqual(400);
      }
      const form = await send(op, { url: fill(op.template, "Fiverr-Care"), body: "reason=x", contentType: "application/x-www-form-urlencoded" });
      expect(form.status, `${op.method} ${op.template}`).toBe(415);
    }
  });

  test("bodies over the limit are 413, whatever the route", async () => {
    const huge = JSON.stringify({ reason: "x".repeat(BODY_LIMIT * 2) });
    for (const op of ops.filter((o) => o.method !== "GET")) {
      const answer = await expectSound(op, { url: fill(op.template, "Fiverr-Care"), body: huge, contentType: "application/json", ifMatch: "*" });
      expect(answer.status, `${op.method} ${op.template}`).toBe(op.protectedBy || op.takesBody ? 413 : answer.status);
    }
  });

  test("methods a path does not declare are 4xx problems", async () => {
    for (const template of new Set(ops.map((o) => o.template))) {
      const op: Operation = { method: "PUT", template, documented: new Set(), takesBody: true };
      const answer = await expectSound(op, { url: fill(template, "Fiverr-Care"), body: "{}", contentType: "application/json" });
      expect(answer.status).toBeGreaterThanOrEqual(400);
    }
  });

  test("random combinations (fast-check)", async () => {
    for (const op of ops) {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            segment: pathSegment,
            query: fc.option(queryString, { nil: undefined }),
            body: fc.option(jsonBody, { nil: undefined }),
            contentType: fc.constantFrom("application/json", "application/json", "application/json", ...ODD_CONTENT_TYPES),
            token: fc.boolean(),
            ifMatch: fc.option(fc.oneof(fc.constant("*"), fc.string({ maxLength: 40 }).filter((s) => /^[\x20-\x7e]*$/.test(s))), { nil: undefined }),
          }),
          async (r) => {
            const url = fill(op.template, r.segment) + (r.query ? `?${r.query}` : "");
            const answer = await send(op, { url, ...(r.body !== undefined ? { body: r.body } : {}), contentType: r.contentType, token: r.token, ...(r.ifMatch !== undefined ? { ifMatch: r.ifMatch } : {}) });
            const problems = answerProblems(answer, op.documented);
            if (problems.length) throw new Error(`${op.method} ${url.slice(0, 120)}: ${problems.join("; ")}`);
          },
        ),
        { numRuns: RANDOM_RUNS_PER_OPERATION },
      );
    }
  });

  test("after all of it: no unhandled errors were logged and the audit chain verifies", async () => {
    expect(t.logger.records.filter((r) => r.level === "error").map((r) => String(r.error).slice(0, 300))).toEqual([]);
    const verify = await t.call("GET", "/v1/audit/verify", { token: adminToken });
    expect(verify.json.intact).toBe(true);
  });
});
