import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const check = (value: string) => t.call("GET", `/v1/check?value=${encodeURIComponent(value)}`);

describe("GET /v1/check", () => {
  it("names an official handle and returns its account", async () => {
    const r = await check("fiverr-care");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ kind: "handle", verdict: "official", target: "Fiverr-Care" });
    expect(r.json.account.handle).toBe("Fiverr-Care");
    expect(r.json.account).not.toHaveProperty("handleKey");
  });

  it("reads a mention (@handle) as the handle", async () => {
    expect((await check("@Fiverr-Care")).json).toMatchObject({ kind: "handle", verdict: "official", target: "Fiverr-Care" });
  });

  it("explains a homoglyph lookalike with the imitated account and the confusable character", async () => {
    const r = await check("F\u0456verr-Care");
    expect(r.json).toMatchObject({ verdict: "lookalike", target: "Fiverr-Care" });
    expect(r.json.account.handle).toBe("Fiverr-Care");
    const chars = r.json.reasons.flatMap((x: { chars?: { codePoint: string; script: string; imitates: string }[] }) => x.chars ?? []);
    expect(chars).toContainEqual(expect.objectContaining({ codePoint: "U+0456", script: "Cyrillic", imitates: "i" }));
  });

  it("flags the brand with a staff word in another language", async () => {
    const r = await check("fiverr_поддержка");
    expect(r.json).toMatchObject({ verdict: "brand_impersonation", target: null, account: null });
    expect(r.json.reasons.map((x: { rule: string }) => x.rule)).toEqual(expect.arrayContaining(["brand_word", "role_word"]));
  });

  it("leaves an ordinary handle clean", async () => {
    expect((await check("video_editor_pro")).json).toMatchObject({ verdict: "clean", reasons: [] });
  });

  it("recognises the official support e-mail and phone (Arabic-Indic digits) as registered channels", async () => {
    const mail = await check("Support@Fiverr.com");
    expect(mail.json).toMatchObject({ kind: "email", verdict: "official" });
    expect(mail.json.channel.value).toBe("support@fiverr.com");
    const phone = await check("+\u0669\u0667\u0662 \u0663 \u0666\u0663\u0661 \u0667\u0668\u0668\u0662");
    expect(phone.json).toMatchObject({ kind: "phone", verdict: "official" });
    expect(phone.json.channel.normalizedValue).toBe("+97236317882");
  });

  it("calls a brand-in-subdomain URL and a look-alike e-mail domain lookalikes of the official ones", async () => {
    expect((await check("https://fiverr.com.secure-login.xyz/login")).json).toMatchObject({ kind: "url", verdict: "lookalike", target: "fiverr.com" });
    expect((await check("support@fiverr-help.com")).json).toMatchObject({ kind: "email", verdict: "lookalike", target: "support@fiverr.com" });
    expect((await check("https://www.fiverr.com/support/articles/1")).json).toMatchObject({ verdict: "official" });
    expect((await check("example.org")).json).toMatchObject({ kind: "domain", verdict: "unknown" });
  });

  it("answers a registry change: a newly registered account is official at once", async () => {
    const token = await t.token("moderator");
    const created = await t.call("POST", "/v1/accounts", { token, body: { handle: "Trust_Desk_Lena", platformUserId: "u-lena-1", team: "Trust", purpose: { en: "Trust desk" }, reason: "new team member" } });
    expect(created.status).toBe(201);
    expect((await check("trust_desk_lena")).json).toMatchObject({ verdict: "official", target: "Trust_Desk_Lena" });
    expect((await check("Trust_Desk_Lena_official")).json).toMatchObject({ verdict: "lookalike", target: "Trust_Desk_Lena" });
  });

  it("refuses a missing value with problem+json", async () => {
    const r = await t.call("GET", "/v1/check");
    expect(r.status).toBe(400);
    expect(r.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("POST /v1/handles/screen", () => {
  it("denies impostor handles with reasons and allows ordinary ones", async () => {
    const token = undefined;
    const deny = await t.call("POST", "/v1/handles/screen", { token, body: { handle: "FiverrSupport" } });
    expect(deny.status).toBe(200);
    expect(deny.json).toMatchObject({ decision: "deny", verdict: "brand_impersonation" });
    expect(deny.json.reasons.length).toBeGreaterThan(0);
    const look = await t.call("POST", "/v1/handles/screen", { token, body: { handle: "Fiverr_Care" } });
    expect(look.json).toMatchObject({ decision: "deny", verdict: "lookalike", target: "Fiverr-Care" });
    const allow = await t.call("POST", "/v1/handles/screen", { token, body: { handle: "social_media_sara" } });
    expect(allow.json).toMatchObject({ decision: "allow", verdict: "clean", reasons: [] });
  });

  it("denies invisible characters in a new handle even when it imitates nobody", async () => {
    const token = undefined;
    const r = await t.call("POST", "/v1/handles/screen", { token, body: { handle: "anna\u200B_smith" } });
    expect(r.json).toMatchObject({ decision: "deny", verdict: "clean" });
  });

  it("needs no token, and refuses a body without a handle", async () => {
    expect((await t.call("POST", "/v1/handles/screen", { body: { handle: "tom3d" } })).json).toMatchObject({ decision: "allow" });
    expect((await t.call("POST", "/v1/handles/screen", { body: {} })).status).toBe(400);
  });
});
