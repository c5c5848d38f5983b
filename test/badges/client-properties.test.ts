// The verification client under arbitrary input: whatever string arrives as a
// badge, verify answers { valid: false, reason } from the documented set and
// never throws (only a JWKS that cannot be fetched may reject).
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { verifierFor } from "./support.ts";
import { BADGE_REJECTIONS } from "../../src/badges/schemas.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

test("arbitrary strings and mangled assertions are refused with a documented reason", async () => {
  const { verifier } = verifierFor(t);
  const real = (await t.call("GET", "/v1/badges/Fiverr-Care")).json.assertion as string;
  const b64 = fc.stringMatching(/^[A-Za-z0-9_-]{0,60}$/);
  const token = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.tuple(b64, b64, b64).map((p) => p.join(".")),
    // One character of the real assertion changed: never valid.
    fc.tuple(fc.nat({ max: real.length - 1 }), fc.constantFrom(..."AZaz09-_")).filter(([i, ch]) => real[i] !== ch).map(([i, ch]) => real.slice(0, i) + ch + real.slice(i + 1)),
  );
  await fc.assert(
    fc.asyncProperty(token, async (tok) => {
      const r = await verifier.verify(tok, "7100005");
      if (r.valid) {
        // Only a change in the signature's last character's padding bits can leave it valid.
        expect(tok.split(".").slice(0, 2).join(".")).toBe(real.split(".").slice(0, 2).join("."));
        return;
      }
      expect(BADGE_REJECTIONS).toContain(r.reason);
    }),
    { numRuns: 300 },
  );
});

test("the client module imports nothing but jose, so it runs in a browser as it is", () => {
  const source = readFileSync(new URL("../../src/badges/client.ts", import.meta.url), "utf8");
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm)].map((m) => m[1]);
  expect(specifiers.length).toBeGreaterThan(0);
  expect(new Set(specifiers)).toEqual(new Set(["jose"]));
  expect(source).not.toMatch(/\bimport\s*\(|require\(|node:|process\./);
});
