// Message attestations: the messaging backend asks teammark to sign "this
// official sender sent this text as this message in this conversation". The
// UI checks the signature and recomputes the text hash, so an impostor can
// neither move an attestation to its own message nor edit the text it covers.
import { eq } from "drizzle-orm";
import { accounts } from "../db/schema.ts";
import type { AppContext } from "../app-context.ts";
import { ApiError } from "../http/problem.ts";
import { newId } from "../platform/ids.ts";
import { sha256Hex } from "./client.ts";
import { signAttestation } from "./sign.ts";

export type AttestationRequest = { senderId: string; conversationId: string; messageId: string; text: string };
export type Attestation = { attestation: string; textSha256: string; expiresAt: string };

export async function attest(ctx: AppContext, req: AttestationRequest): Promise<Attestation> {
  // Read fresh, not from the badge cache: a suspended account must not get one more signature.
  const [row] = await ctx.db.select().from(accounts).where(eq(accounts.platformUserId, req.senderId)).limit(1);
  if (!row || row.status !== "active") throw new ApiError("not-official", `sender '${req.senderId}' is not an active official account`);
  const now = ctx.deps.clock.now();
  const iat = Math.floor(now.getTime() / 1000);
  const { config } = ctx.deps;
  const ttl = config.badges.attestationTtlSeconds;
  const textSha256 = await sha256Hex(req.text);
  const attestation = await signAttestation(
    await ctx.deps.badgeKeys.signer(now),
    { iss: config.publicUrl, sub: row.platformUserId, aud: config.badges.audience, iat, ttlSeconds: ttl, jti: newId("att") },
    { conversationId: req.conversationId, messageId: req.messageId, textSha256 },
  );
  return { attestation, textSha256, expiresAt: new Date((iat + ttl) * 1000).toISOString() };
}
