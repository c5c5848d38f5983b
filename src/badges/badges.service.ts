// Badge answers: is this sender an active official account, and if so a
// freshly signed (or still fresh cached) assertion bound to its platform user
// id; if not, which official account its handle imitates, if any.
import type { AppContext } from "../app-context.ts";
import type { Config } from "../config.ts";
import { newId } from "../platform/ids.ts";
import { findAccount, toAccount } from "../registry/accounts.service.ts";
import { defaultPlatform } from "../registry/seed-data.ts";
import { resemblesFor } from "../lookalike/service.ts";
import type { SigningKey } from "./key-store.ts";
import { signBadge } from "./sign.ts";
import { positionOf, statusSeqFor } from "./status-index.ts";
import type { CachedAnswer } from "./badge-cache.ts";
import type { BadgeAnswer } from "./schemas.ts";

/** How long a "not official" answer is reused (a newly registered account shows its badge after at most this). */
const NO_BADGE_REUSE_SECONDS = 30;
/** Upper bound of the HTTP max-age of badge answers. */
const MAX_HTTP_MAX_AGE = 60;

export type BadgeLookup = { answer: BadgeAnswer; /** Seconds a browser or CDN may reuse the answer, well inside the assertion's lifetime. */ maxAge: number };

export function statusListUri(config: Config, listId: string): string {
  return `${config.publicUrl.replace(/\/+$/, "")}/v1/status-lists/${listId}`;
}

export async function lookupBadge(ctx: AppContext, ref: string): Promise<BadgeLookup> {
  const now = ctx.deps.clock.now();
  await noticeOtherWriters(ctx);
  const signer = await ctx.deps.badgeKeys.signer(now);
  return toLookup(await answerFor(ctx, ref, now, signer), now);
}

/** Answers for an inbox page: each sender independently, each distinct sender worked out once. */
export async function lookupBadges(ctx: AppContext, refs: string[]): Promise<{ items: ({ sender: string } & BadgeAnswer)[]; maxAge: number }> {
  const now = ctx.deps.clock.now();
  await noticeOtherWriters(ctx);
  const signer = await ctx.deps.badgeKeys.signer(now);
  const distinct = [...new Set(refs)];
  const answers = new Map<string, CachedAnswer>();
  for (const ref of distinct) answers.set(ref, await answerFor(ctx, ref, now, signer));
  const lookups = distinct.map((ref) => toLookup(answers.get(ref)!, now));
  return {
    items: refs.map((sender) => ({ sender, ...answers.get(sender)!.answer })),
    maxAge: Math.min(...lookups.map((l) => l.maxAge)),
  };
}

function toLookup(entry: CachedAnswer, now: Date): BadgeLookup {
  const nowSec = Math.floor(now.getTime() / 1000);
  // A cached copy must expire long before the assertion inside it does.
  const maxAge = entry.exp !== undefined ? Math.floor((entry.exp - nowSec) / 4) : entry.refreshAt - nowSec;
  return { answer: entry.answer, maxAge: Math.max(0, Math.min(MAX_HTTP_MAX_AGE, maxAge)) };
}

async function answerFor(ctx: AppContext, ref: string, now: Date, signer: SigningKey): Promise<CachedAnswer> {
  const cache = ctx.badges;
  const nowSec = Math.floor(now.getTime() / 1000);
  const hit = cache.get(ref);
  if (hit && nowSec < hit.refreshAt && (hit.kid === undefined || hit.kid === signer.kid)) return hit;
  // Database unreachable: the answer this app last gave keeps being served
  // (the HTTP layer marks it stale) while its assertion is still valid; an
  // official answer is never re-signed from a registry row nobody can confirm.
  if (hit && ctx.cache.degraded && (hit.exp === undefined || nowSec < hit.exp)) return hit;
  await ctx.cache.assertAvailable();

  const generation = cache.generation;
  const row = await findAccount(ctx.db, ref);
  let entry: CachedAnswer;
  if (row && row.status === "active") {
    const { config } = ctx.deps;
    let seq = cache.statusSeq.get(row.id);
    if (seq === undefined) {
      seq = await statusSeqFor(ctx, row.id, now.toISOString());
      cache.statusSeq.set(row.id, seq);
    }
    const { listId, idx } = positionOf(seq);
    const ttl = config.badges.ttlSeconds;
    const assertion = await signBadge(
      signer,
      { iss: config.publicUrl, sub: row.platformUserId, aud: config.badges.audience, iat: nowSec, ttlSeconds: ttl, jti: newId("bdg") },
      { handle: row.handle, team: row.team, purpose: row.purpose, label: defaultPlatform.badgeLabel, status: { status_list: { idx, uri: statusListUri(config, listId) } } },
    );
    const exp = nowSec + ttl;
    // Re-signed once half the lifetime is gone, so every copy handed out still has at least half of it left.
    entry = { answer: { official: true, account: toAccount(row), assertion, expiresAt: new Date(exp * 1000).toISOString() }, refreshAt: nowSec + Math.floor(ttl / 2), kid: signer.kid, exp };
  } else {
    const resembles = await resemblesFor(ctx, row?.handle ?? ref);
    entry = { answer: resembles ? { official: false, resembles } : { official: false }, refreshAt: nowSec + NO_BADGE_REUSE_SECONDS };
  }
  cache.set(ref, entry, generation);
  return entry;
}

/**
 * Another instance (or `teammark` on the same database) may have changed the
 * registry: the registry cache compares the registry version at most every
 * REGISTRY_CACHE_CHECK_MS and, when it moved, clears the badge answers too
 * (createApp subscribes them). Never throws for an unreachable database.
 */
export async function noticeOtherWriters(ctx: AppContext): Promise<void> {
  await ctx.cache.refresh();
}
