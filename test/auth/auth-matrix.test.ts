import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { badTokens, protectedOperations, roleBelow, type ProtectedOperation } from "../support/auth-matrix.ts";

let t: TestApp;
let ops: ProtectedOperation[];
let tokens: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  ops = await protectedOperations(t);
  tokens = await badTokens(t);
});
afterAll(() => t.close());

describe("every protected route refuses bad credentials", () => {
  test("the registry's write and audit routes are in the matrix", () => {
    const names = ops.map((o) => `${o.method} ${o.path}`);
    expect(names).toEqual(expect.arrayContaining(["POST /v1/accounts", "PATCH /v1/accounts/Fiverr-Care", "DELETE /v1/accounts/Fiverr-Care", "POST /v1/channels", "GET /v1/audit", "GET /v1/audit/verify", "POST /v1/attestations"]));
  });

  test("anonymous, malformed and forged tokens get 401 problem+json; nothing changes", async () => {
    for (const op of ops) {
      const body = op.method === "GET" ? undefined : {};
      const anon = await t.call(op.method, op.path, { body });
      expect(anon.status, `${op.method} ${op.path} anonymous`).toBe(401);
      expect(anon.headers.get("content-type")).toContain("application/problem+json");
      expect(anon.json.type).toBe("https://teammark.dev/problems/unauthenticated");
      const malformed = await t.call(op.method, op.path, { body, headers: { authorization: "Basic YWxpY2U6c2VjcmV0" } });
      expect(malformed.status, `${op.method} ${op.path} basic auth`).toBe(401);
      for (const [name, token] of Object.entries(tokens)) {
        const res = await t.call(op.method, op.path, { body, token });
        expect(res.status, `${op.method} ${op.path} with ${name}`).toBe(401);
      }
    }
  });

  test("a valid token with a lower role gets 403", async () => {
    for (const op of ops) {
      const below = roleBelow(op.role);
      if (!below) continue;
      const res = await t.call(op.method, op.path, { body: op.method === "GET" ? undefined : {}, token: await t.token(below) });
      expect(res.status, `${op.method} ${op.path} as ${below}`).toBe(403);
      expect(res.json.type).toBe("https://teammark.dev/problems/forbidden");
    }
  });

  test("tokens never appear in request logs", async () => {
    const token = await t.token("moderator", "log-check");
    await t.call("GET", "/v1/audit", { token });
    const lines = JSON.stringify(t.logger.records);
    expect(lines).not.toContain(token.split(".")[2]!);
    expect(t.logger.records.some((r) => r.actor === "log-check" && r.route === "/v1/audit")).toBe(true);
  });
});
