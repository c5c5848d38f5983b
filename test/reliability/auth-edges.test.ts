// Edges of moderator-token checking that the shared matrix (which only lists
// refusals) cannot express: the hand-signed tokens it uses are accepted when
// nothing is wrong with them, the clock tolerance is exactly what it claims,
// and a token anywhere but the Authorization header counts for nothing.
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { serverKeyToken } from "../support/auth-matrix.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const now = () => Math.floor(t.clock.now().getTime() / 1000);
const verify = (token: string) => t.call("GET", "/v1/audit/verify", { token });

test("a hand-signed token with nothing wrong is accepted (so the matrix's refusals are for the stated reason)", async () => {
  expect((await verify(await serverKeyToken(t))).status).toBe(200);
});

test("a token expired within the 30 s clock tolerance still works; one past it does not", async () => {
  expect((await verify(await serverKeyToken(t, { claims: { iat: now() - 600, exp: now() - 25 } }))).status).toBe(200);
  expect((await verify(await serverKeyToken(t, { claims: { iat: now() - 600, exp: now() - 35 } }))).status).toBe(401);
  expect((await verify(await serverKeyToken(t, { claims: { nbf: now() + 25 } }))).status).toBe(200);
  expect((await verify(await serverKeyToken(t, { claims: { nbf: now() + 35 } }))).status).toBe(401);
});

test("a valid token in the query string, a cookie or another header is ignored", async () => {
  const token = await serverKeyToken(t);
  for (const [url, headers] of [
    [`/v1/audit/verify?access_token=${token}`, {}],
    [`/v1/audit/verify?token=${token}`, {}],
    ["/v1/audit/verify", { cookie: `token=${token}; access_token=${token}` }],
    ["/v1/audit/verify", { "x-access-token": token }],
    ["/v1/audit/verify", { authorization: `Token ${token}` }],
    ["/v1/audit/verify", { authorization: token }],
  ] as const) {
    const res = await t.call("GET", url, { headers });
    expect(res.status, `${url} ${JSON.stringify(headers).slice(0, 40)}`).toBe(401);
  }
});

test("a second bearer token or trailing junk in the header is refused", async () => {
  const token = await serverKeyToken(t);
  for (const authorization of [`Bearer ${token} ${token}`, `Bearer ${token},${token}`, `Bearer ${token}.extra`, `Bearer  ${token.slice(0, -2)}`]) {
    const res = await t.app.request("/v1/audit/verify", { headers: { authorization } });
    expect(res.status, authorization.slice(-20)).toBe(401);
  }
});
