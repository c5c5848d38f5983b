import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSecretKeyStore } from "../../src/badges/secret-keys.ts";
import { main } from "../../src/cli/main.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { decodePart, verifierFor } from "./support.ts";
import seed from "../../src/data/official-registry.json" with { type: "json" };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const care = seed.accounts.find((a) => a.handle === "Fiverr-Care")!.platformUserId;
const kidOf = (assertion: string) => decodePart(assertion, 0).kid as string;
const jwksKids = async () => ((await t.call("GET", "/.well-known/jwks.json")).json.keys as { kid: string }[]).map((k) => k.kid);
const badge = async () => (await t.call("GET", "/v1/badges/Fiverr-Care")).json.assertion as string;

async function cli(args: string[]) {
  let out = "";
  let err = "";
  const io = { stdin: (async function* () {})(), stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: { DATA_DIR: t.dir } };
  const code = await main(args, io);
  return { code, out, err };
}

describe("key rotation", () => {
  test("the next key is published before it signs; old-key badges verify until they expire; then the old key leaves the JWKS", async () => {
    const { verifier, fetches } = verifierFor(t);
    const first = await badge();
    const oldKid = kidOf(first);
    expect((await verifier.verify(first, care)).valid).toBe(true);

    const rotated = await cli(["keys", "rotate"]);
    expect(rotated.code, rotated.err).toBe(0);
    expect(rotated.out).toMatch(/published now, signs from/);
    const kids = await jwksKids();
    expect(kids).toHaveLength(2);
    const newKid = kids.find((k) => k !== oldKid)!;
    // Published, not yet signing.
    t.clock.advance(400_000);
    const beforeSwitch = await badge();
    expect(kidOf(beforeSwitch)).toBe(oldKid);
    expect((await cli(["keys", "rotate"])).err).toMatch(/already waiting/);

    t.clock.advance(t.deps.config.badges.publishDelaySeconds * 1000);
    const after = await badge();
    expect(kidOf(after)).toBe(newKid);
    // The verifier's cached JWKS predates the new key: an unknown kid makes it fetch again, once.
    const fetchesBefore = fetches();
    expect((await verifier.verify(after, care)).valid).toBe(true);
    expect(fetches()).toBe(fetchesBefore + 1);
    // The old key's badge is still good until its own exp, and the old key is still published.
    expect((await verifier.verify(beforeSwitch, care)).valid).toBe(true);
    expect(await jwksKids()).toEqual(expect.arrayContaining([oldKid, newKid]));
    t.clock.advance(600_000);
    expect(await verifier.verify(beforeSwitch, care)).toEqual({ valid: false, reason: "expired" });

    // Once everything the old key could have signed has expired, it is no longer published.
    t.clock.advance(t.deps.badgeKeys.retainSeconds * 1000);
    expect(await jwksKids()).toEqual([newKid]);
    // `keys list` reads the system clock, which the test clock has run ahead of: there the switch is still to come.
    const listed = await cli(["keys", "list"]);
    expect(listed.out).toMatch(new RegExp(`${oldKid}\\s+EdDSA\\s+active`));
    expect(listed.out).toMatch(new RegExp(`${newKid}\\s+EdDSA\\s+next`));
  });

  test("an unknown kid refetches at most once per cooldown", async () => {
    const { verifier, fetches } = verifierFor(t, { cooldownMs: 30_000 });
    const good = await badge();
    await verifier.verify(good, care);
    const n = fetches();
    const [, p, s] = good.split(".");
    const header = Buffer.from(JSON.stringify({ ...decodePart(good, 0), kid: "forged-kid" })).toString("base64url");
    t.clock.advance(31_000);
    expect(await verifier.verify(`${header}.${p}.${s}`, care)).toEqual({ valid: false, reason: "unknown_kid" });
    expect(await verifier.verify(`${header}.${p}.${s}`, care)).toEqual({ valid: false, reason: "unknown_kid" });
    expect(fetches()).toBe(n + 1);
  });

  test("keys rotate refuses a publish delay shorter than the JWKS max-age", async () => {
    const r = await cli(["keys", "rotate", "--delay", "10"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/max-age/);
  });

  test("--file works on a key set for the Workers secret: created, rotated, read by the secret store", async () => {
    const file = path.join(t.dir, "workers-keys.json");
    expect((await cli(["keys", "rotate", "--file", file, "--alg", "ES256"])).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const store = createSecretKeyStore(readFileSync(file, "utf8"), { retainSeconds: 3600 });
    const first = await store.signer(new Date());
    expect(first.alg).toBe("ES256");
    expect((await cli(["keys", "rotate", "--file", file])).code).toBe(0);
    const rotated = createSecretKeyStore(readFileSync(file, "utf8"), { retainSeconds: 3600 });
    expect((await rotated.jwks(new Date())).keys).toHaveLength(2);
    expect((await rotated.signer(new Date())).kid).toBe(first.kid);
  });

  test("a JWKS that cannot be refreshed: the keys fetched before stay in use; with none fetched yet, verify throws", async () => {
    let down = false;
    const { verifier } = verifierFor(t, {
      fetch: (async (url: string | URL | Request) => {
        if (down) throw new TypeError("fetch failed");
        return t.app.request(new URL(url instanceof Request ? url.url : url).pathname);
      }) as typeof fetch,
    });
    const good = await badge();
    expect((await verifier.verify(good, care)).valid).toBe(true);
    down = true;
    t.clock.advance(301_000);
    expect((await verifier.verify(await badge(), care)).valid).toBe(true);
    const { verifier: fresh } = verifierFor(t, { fetch: (async () => Promise.reject(new TypeError("fetch failed"))) as typeof fetch });
    await expect(fresh.verify(good, care)).rejects.toThrow(/fetch failed/);
  });
});
