// Server-side checks for backends that do not run jose: the same verification
// as the client, against this server's published keys, plus what only the
// server knows at once: whether the account is still active.
import { createLocalJWKSet } from "jose";
import { eq } from "drizzle-orm";
import { accounts } from "../db/schema.ts";
import type { AppContext } from "../app-context.ts";
import { toAccount, type Account } from "../registry/accounts.service.ts";
import { BADGE_ALGORITHMS, type AttestationRejection, type BadgeRejection } from "./client.ts";
import { verifyAttestation, verifyBadge, type AttestedMessage, type VerifyPolicy } from "./client.ts";

export type ServerVerdict<R> = { valid: true; reason: null; account: Account } | { valid: false; reason: R };

async function policyOf(ctx: AppContext): Promise<VerifyPolicy> {
  const now = ctx.deps.clock.now();
  const { config } = ctx.deps;
  return {
    keys: createLocalJWKSet(await ctx.deps.badgeKeys.jwks(now)),
    issuer: config.publicUrl,
    audience: config.badges.audience,
    algorithms: BADGE_ALGORITHMS,
    // Instances of this service sign with nearly the same clock; allow only a little skew.
    clockToleranceSec: 5,
    currentDate: now,
  };
}

/** Reads the account fresh (never from a cache): a suspension or retirement counts from the moment it is stored. */
async function activeAccount(ctx: AppContext, platformUserId: string): Promise<Account | undefined> {
  const [row] = await ctx.db.select().from(accounts).where(eq(accounts.platformUserId, platformUserId)).limit(1);
  return row && row.status === "active" ? toAccount(row) : undefined;
}

export async function verifyBadgeOnServer(ctx: AppContext, assertion: string, senderId: string): Promise<ServerVerdict<BadgeRejection>> {
  const r = await verifyBadge(assertion, senderId, await policyOf(ctx));
  if (!r.valid) return r;
  const account = await activeAccount(ctx, r.claims.sub);
  return account ? { valid: true, reason: null, account } : { valid: false, reason: "revoked" };
}

export async function verifyAttestationOnServer(ctx: AppContext, attestation: string, message: AttestedMessage): Promise<ServerVerdict<AttestationRejection>> {
  const r = await verifyAttestation(attestation, message, await policyOf(ctx));
  if (!r.valid) return r;
  const account = await activeAccount(ctx, r.claims.sub);
  return account ? { valid: true, reason: null, account } : { valid: false, reason: "revoked" };
}
