import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { decodePart, serverBadgeKey, signRaw, verifierFor } from "./support.ts";
import { sha256Hex } from "../../src/badges/client.ts";
import seed from "../../src/data/official-registry.json" with { type: "json" };

let t: TestApp;
let messaging: string;
beforeAll(async () => {
  t = await createTestApp();
  messaging = await t.token("messaging", "messaging-backend");
});
afterAll(() => t.close());

const care = seed.accounts.find((a) => a.handle === "Fiverr-Care")!.platformUserId;
const message = { senderId: care, conversationId: "conv_1", messageId: "msg_7", text: "Hi! Thanks for the feedback on your order. — Fiverr Care" };

async function attest(body: unknown = message) {
  return t.call("POST", "/v1/attestations", { token: messaging, body });
}

describe("message attestations", () => {
  test("an official sender's message is signed over sub, conversation, message and text hash; client and server verify it", async () => {
    const res = await attest();
    expect(res.status).toBe(201);
    expect(res.json.textSha256).toBe(await sha256Hex(message.text));
    expect(decodePart(res.json.attestation, 0)).toMatchObject({ typ: "team-attestation+jwt", alg: "EdDSA" });
    expect(decodePart(res.json.attestation, 1)).toMatchObject({ sub: care, conversationId: "conv_1", messageId: "msg_7", textSha256: res.json.textSha256 });
    const { verifier } = verifierFor(t);
    expect((await verifier.verifyAttestation(res.json.attestation, message)).valid).toBe(true);
    const server = await t.call("POST", "/v1/attestations/verify", { body: { attestation: res.json.attestation, ...message } });
    expect(server.json).toMatchObject({ valid: true, reason: null, account: { handle: "Fiverr-Care" } });
  });

  test("an edited text, another message, another conversation or another sender is refused", async () => {
    const { attestation } = (await attest()).json;
    const { verifier } = verifierFor(t);
    const cases: [Partial<typeof message>, string][] = [
      [{ text: message.text.replace("feedback", "payment") }, "text_mismatch"],
      [{ text: `${message.text} ` }, "text_mismatch"],
      [{ messageId: "msg_8" }, "wrong_message"],
      [{ conversationId: "conv_2" }, "wrong_conversation"],
      [{ senderId: "9999999" }, "wrong_sender"],
    ];
    for (const [change, reason] of cases) {
      expect(await verifier.verifyAttestation(attestation, { ...message, ...change }), reason).toEqual({ valid: false, reason });
      const server = await t.call("POST", "/v1/attestations/verify", { body: { attestation, ...message, ...change } });
      expect(server.json, reason).toEqual({ valid: false, reason });
    }
  });

  test("an attestation is not a badge and a badge is not an attestation", async () => {
    const { attestation } = (await attest()).json;
    const { verifier } = verifierFor(t);
    expect(await verifier.verify(attestation, care)).toEqual({ valid: false, reason: "wrong_typ" });
    const badge = (await t.call("GET", "/v1/badges/Fiverr-Care")).json.assertion;
    expect(await verifier.verifyAttestation(badge, message)).toEqual({ valid: false, reason: "wrong_typ" });
  });

  test("a forged text hash signed with another key is refused", async () => {
    const { attestation } = (await attest()).json;
    const other = await crypto.subtle.generateKey("Ed25519", false, ["sign", "verify"]);
    const payload = { ...decodePart(attestation, 1), textSha256: await sha256Hex("Send your password to fiverr-care.help") };
    const forged = await signRaw(decodePart(attestation, 0), payload, (other as CryptoKeyPair).privateKey);
    expect(await verifierFor(t).verifier.verifyAttestation(forged, { ...message, text: "Send your password to fiverr-care.help" })).toEqual({ valid: false, reason: "bad_signature" });
    // With the real key the same payload would pass: the signature is the only thing refusing it.
    const real = await signRaw(decodePart(attestation, 0), payload, (await serverBadgeKey(t)).key);
    expect((await verifierFor(t).verifier.verifyAttestation(real, { ...message, text: "Send your password to fiverr-care.help" })).valid).toBe(true);
  });

  test("a retired sender's attestation is revoked at the server, and it gets no new one", async () => {
    const sender = seed.accounts.find((a) => a.handle === "editors_picks")!.platformUserId;
    const msg = { ...message, senderId: sender };
    const { attestation } = (await attest(msg)).json;
    const moderator = await t.token("moderator");
    const etag = (await t.call("GET", "/v1/accounts/editors_picks")).headers.get("etag")!;
    expect((await t.call("DELETE", "/v1/accounts/editors_picks", { token: moderator, headers: { "if-match": etag }, body: { reason: "left the team" } })).status).toBe(200);
    expect((await t.call("POST", "/v1/attestations/verify", { body: { attestation, ...msg } })).json).toEqual({ valid: false, reason: "revoked" });
    expect((await attest(msg)).status).toBe(422);
  });

  test("only for active official senders, only with the messaging role", async () => {
    const res = await attest({ ...message, senderId: "12345678" });
    expect(res.status).toBe(422);
    expect(res.json.type).toBe("https://teammark.dev/problems/not-official");
    expect((await t.call("POST", "/v1/attestations", { body: message })).status).toBe(401);
    expect((await t.call("POST", "/v1/attestations", { body: message, token: await t.token("admin") })).status).toBe(403);
  });
});
