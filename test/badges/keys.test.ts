import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { calculateJwkThumbprint } from "jose";
import { badgeKeyFile, createNodeKeyStore } from "../../src/badges/node-key-file.ts";
import { generateBadgeKey, keyPhases, parseKeySet, serializeKeySet } from "../../src/badges/key-set.ts";
import { createSecretKeyStore } from "../../src/badges/secret-keys.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const freshDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), "teammark-keys-"));
  dirs.push(d);
  return d;
};

describe("badge signing keys", () => {
  test("Node: generated at first start, owner-only file, kid is the RFC 7638 thumbprint, kept across restarts", async () => {
    const dir = freshDir();
    const now = new Date("2026-12-01T12:00:00Z");
    const store = await createNodeKeyStore(dir, { alg: "EdDSA", retainSeconds: 3600, now });
    expect(statSync(badgeKeyFile(dir)).mode & 0o777).toBe(0o600);
    const signer = await store.signer(now);
    const { keys } = await store.jwks(now);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.kid).toBe(signer.kid);
    const { kid: _k, alg: _a, use: _u, ...members } = keys[0]!;
    expect(await calculateJwkThumbprint(members)).toBe(signer.kid);
    expect(JSON.stringify(keys)).not.toContain('"d"');
    const again = await createNodeKeyStore(dir, { alg: "EdDSA", retainSeconds: 3600, now });
    expect((await again.signer(now)).kid).toBe(signer.kid);
  });

  test("ES256 is selectable", async () => {
    const now = new Date();
    const store = await createNodeKeyStore(freshDir(), { alg: "ES256", retainSeconds: 3600, now });
    const [key] = (await store.jwks(now)).keys;
    expect(key).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(key).not.toHaveProperty("d");
  });

  test("Workers: the key set comes from a secret; a wrong kid or a missing secret is refused", async () => {
    const key = await generateBadgeKey("EdDSA", 0);
    const secret = JSON.stringify(serializeKeySet([key]));
    const store = createSecretKeyStore(secret, { retainSeconds: 3600 });
    expect((await store.signer(new Date())).kid).toBe(key.kid);
    const wrongKid = JSON.parse(secret);
    wrongKid.keys[0].kid = "chosen-by-hand";
    await expect(parseKeySet(wrongKid)).rejects.toThrow(/thumbprint/);
    await expect(createSecretKeyStore(undefined, { retainSeconds: 3600 }).signer(new Date())).rejects.toThrow(/BADGE_SIGNING_KEYS/);
    // A plain private JWK set from another tool (no alg, no kid) is accepted: alg follows from the curve, kid is computed.
    const { kty, crv, x, d } = key.privateJwk;
    const plain = createSecretKeyStore(JSON.stringify({ keys: [{ kty, crv, x, d }] }), { retainSeconds: 3600 });
    expect(await plain.signer(new Date())).toMatchObject({ kid: key.kid, alg: "EdDSA" });
    await expect(createSecretKeyStore("{not json", { retainSeconds: 3600 }).signer(new Date())).rejects.toThrow(/not a usable key set/);
  });

  test("rotation phases: next is published before it signs, the old key stays until what it signed expired", async () => {
    const old = await generateBadgeKey("EdDSA", 1000);
    const next = await generateBadgeKey("EdDSA", 2000);
    const phase = (now: number) => Object.fromEntries(keyPhases([old, next], now, 3600).map((k) => [k.kid === old.kid ? "old" : "next", k.phase]));
    expect(phase(1500)).toEqual({ old: "active", next: "next" });
    expect(phase(2000)).toEqual({ old: "retiring", next: "active" });
    expect(phase(2000 + 3600 + 60 - 1)).toEqual({ old: "retiring", next: "active" });
    expect(phase(2000 + 3600 + 60)).toEqual({ old: "expired", next: "active" });
  });
});
