import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { MAX_SCAN_BATCH, MAX_SCAN_TEXT_BYTES } from "../../src/scan/limits.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const lure = "Hi, Fiverr Care here, your account is limited, send the 6-digit code to wa.me/447700900123";

describe("POST /v1/scan", () => {
  it("flags a fake staff lure from an ordinary sender, with a warning in the reader's language", async () => {
    const r = await t.call("POST", "/v1/scan", { body: { text: lure, sender: { handle: "random_seller_42" }, readerLang: "de" } });
    expect(r.status).toBe(200);
    expect(r.json.labels).toEqual(expect.arrayContaining(["impersonation", "personal_data", "off_platform"]));
    expect(r.json.risk).toBe("high");
    expect(r.json.sender).toEqual({ official: false, handle: "random_seller_42" });
    expect(r.json.warning.lang).toBe("de");
    for (const f of r.json.findings) expect(lure.slice(f.start, f.end)).toBe(f.matched);
  });

  it("takes the official status from the registry: a staff claim by a registered account is not impersonation", async () => {
    const text = "Hi, this is the Fiverr editorial team. We'd like to feature your gig; just reply here if you agree.";
    const byStaff = await t.call("POST", "/v1/scan", { body: { text, sender: { userId: "7100001" } } });
    expect(byStaff.json.sender.official).toBe(true);
    expect(byStaff.json.labels).not.toContain("impersonation");
    const byOther = await t.call("POST", "/v1/scan", { body: { text: "Fiverr Support here: your account will be suspended within 24 hours.", sender: { userId: "999" } } });
    expect(byOther.json.sender.official).toBe(false);
    expect(byOther.json.labels).toContain("impersonation");
  });

  it("an official sender asking for a password is still flagged", async () => {
    const r = await t.call("POST", "/v1/scan", { body: { text: "Fiverr Care: please send us your password so we can verify the account.", sender: { handle: "editorial_video" } } });
    expect(r.json.sender.official).toBe(true);
    expect(r.json.labels).toEqual(["personal_data"]);
  });

  it("answers 413 problem+json above the per-message limit and 400 without a sender", async () => {
    const big = await t.call("POST", "/v1/scan", { body: { text: "é".repeat(MAX_SCAN_TEXT_BYTES / 2 + 1), sender: { handle: "x" } } });
    expect(big.status).toBe(413);
    expect(big.headers.get("content-type")).toContain("application/problem+json");
    expect(big.json.type).toMatch(/payload-too-large$/);
    const exact = await t.call("POST", "/v1/scan", { body: { text: "a".repeat(MAX_SCAN_TEXT_BYTES), sender: { handle: "x" } } });
    expect(exact.status).toBe(200);
    const noSender = await t.call("POST", "/v1/scan", { body: { text: "hi", sender: {} } });
    expect(noSender.status).toBe(400);
  });
});

describe("POST /v1/scan/batch", () => {
  it("scans every message in order, each with its own sender", async () => {
    const r = await t.call("POST", "/v1/scan/batch", {
      body: {
        messages: [
          { id: "a", text: "Thanks, the logo looks great!", sender: { handle: "buyer_1" } },
          { id: "b", text: "add me on whatsapp +44 7700 900123", sender: { handle: "seller_2" } },
        ],
      },
    });
    expect(r.status).toBe(200);
    expect(r.json.results.map((x: { id: string; labels: string[] }) => [x.id, x.labels])).toEqual([
      ["a", []],
      ["b", ["off_platform"]],
    ]);
  });

  it(`refuses more than ${MAX_SCAN_BATCH} messages and names the oversized one`, async () => {
    const many = Array.from({ length: MAX_SCAN_BATCH + 1 }, () => ({ text: "hi", sender: { handle: "x" } }));
    expect((await t.call("POST", "/v1/scan/batch", { body: { messages: many } })).status).toBe(400);
    const r = await t.call("POST", "/v1/scan/batch", { body: { messages: [{ text: "ok", sender: { handle: "x" } }, { text: "x".repeat(MAX_SCAN_TEXT_BYTES + 1), sender: { handle: "x" } }] } });
    expect(r.status).toBe(413);
    expect(r.json.detail).toContain("messages[1]");
  });
});
