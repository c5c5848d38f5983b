// Badge answers: is this sender an active official account, and if so a
// freshly signed (or still fresh cached) assertion bound to its platform user
// id; if not, which official account its handle imitates, if any.
import { inArray, or } from "drizzle-orm";
import { accounts, type AccountRow } from "../db/schema.ts";
import type { AppContext } from "../app-context.ts";
import type { Config } from "../config.ts";
import { newId } from "../platform/ids.ts";
import { findAccount, handleKey, toAccount } from "../registry/accounts.service.ts";
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

export type BadgeLookup = { answer: BadgeAnswer; json: string; /** Seconds a browser or CDN may reuse the answer, well inside the assertion's lifetime. */ maxAge: number };

export function statusListUri(config: Config, listId: string): string {
  return `${config.publicUrl.replace(/\/+$/, "")}/v1/status-lists/${listId}`;
}

export async function lookupBadge(ctx: AppContext, ref: string): Promise<BadgeLookup> {
  const now = ctx.deps.clock.now();
  await noticeOtherWriters(ctx);
  const signer = await ctx.deps.badgeKeys.signer(now);
  return toLookup(await answerFor(ctx, ref, now, signer), now);
}

/** Answers for an inbox page ({"items":[{sender, ...answer}]}): each sender independently, each distinct sender worked out once. */
export async function lookupBadges(ctx: AppContext, refs: string[]): Promise<{ json: string; maxAge: number }> {
  const now = ctx.deps.clock.now();
  await noticeOtherWriters(ctx);
  const signer = await ctx.deps.badgeKeys.signer(now);
  const distinct = [...new Set(refs)];
  const answers = new Map<string, CachedAnswer>();
  const nowSec = Math.floor(now.getTime() / 1000);
  const misses = distinct.filter((ref) => !servable(ctx, ctx.badges.get(ref), nowSec, signer));
  // Database unreachable and a sender not answered before: 503 at once, not after a failed query.
  if (misses.length) await ctx.cache.assertAvailable();
  // The accounts of every sender not answered from cache, in one query rather than one each.
  const generation = ctx.badges.generation;
  const rows = misses.length ? await accountsFor(ctx, misses) : new Map<string, AccountRow | undefined>();
  for (const ref of distinct) answers.set(ref, await answerFor(ctx, ref, now, signer, rows.has(ref) ? { row: rows.get(ref), generation } : undefined));
  const lookups = distinct.map((ref) => toLookup(answers.get(ref)!, now));
  // Each entry's JSON is spliced from its cached serialisation: {"sender":…, then the answer's own members.
  const json = `{"items":[${refs.map((sender) => `{"sender":${JSON.stringify(sender)},${answers.get(sender)!.json.slice(1)}`).join(",")}]}`;
  return { json, maxAge: Math.min(...lookups.map((l) => l.maxAge)) };
}

function toLookup(entry: CachedAnswer, now: Date): BadgeLookup {
  const nowSec = Math.floor(now.getTime() / 1000);
  // A cached copy must expire long before the assertion inside it does.
  const maxAge = entry.exp !== undefined ? Math.floor((entry.exp - nowSec) / 4) : entry.refreshAt - nowSec;
  return { answer: entry.answer, json: entry.json, maxAge: Math.max(0, Math.min(MAX_HTTP_MAX_AGE, maxAge)) };
}

function current(hit: CachedAnswer, nowSec: number, signer: SigningKey): boolean {
  return nowSec < hit.refreshAt && (hit.kid === undefined || hit.kid === signer.kid);
}

/**
 * Fresh, or — while the database is unreachable — the answer this app last
 * gave, as long as its assertion is still valid (the HTTP layer marks it
 * stale). An official answer is never re-signed from a row nobody can confirm.
 */
function servable(ctx: AppContext, hit: CachedAnswer | undefined, nowSec: number, signer: SigningKey): hit is CachedAnswer {
  return hit !== undefined && (current(hit, nowSec, signer) || (ctx.cache.degraded && (hit.exp === undefined || nowSec < hit.exp)));
}

/** The account each ref names, with findAccount's rule: handle (any case), id or platform user id; the lowest handle wins a tie. */
async function accountsFor(ctx: AppContext, refs: string[]): Promise<Map<string, AccountRow | undefined>> {
  const keys = refs.map(handleKey);
  const rows = await ctx.db
    .select()
    .from(accounts)
    .where(or(inArray(accounts.handleKey, keys), inArray(accounts.id, refs), inArray(accounts.platformUserId, refs)));
  const found = new Map<string, AccountRow | undefined>();
  for (const ref of refs) {
    const key = handleKey(ref);
    const matches = rows.filter((r) => r.handleKey === key || r.id === ref || r.platformUserId === ref).sort((a, b) => (a.handleKey < b.handleKey ? -1 : 1));
    found.set(ref, matches[0]);
  }
  return found;
}

async function answerFor(ctx: AppContext, ref: string, now: Date, signer: SigningKey, known?: { row: AccountRow | undefined; generation: number }): Promise<CachedAnswer> {
  const cache = ctx.badges;
  const nowSec = Math.floor(now.getTime() / 1000);
  const hit = cache.get(ref);
  if (servable(ctx, hit, nowSec, signer)) return hit;
  await ctx.cache.assertAvailable();

  // The generation is taken before the read, so an answer read before a registry write is never cached after it.
  const generation = known ? known.generation : cache.generation;
  const row = known ? known.row : await findAccount(ctx.db, ref);
  let entry: CachedAnswer;
  if (row && row.status === "active") {
    const { config } = ctx.deps;
    let seq = cache.statusSeq.get(row.id);
    if (seq === undefined) {
      seq = await statusSeqFor({ db: ctx.db, writes: cache.bookkeepingWrites }, row.id, now.toISOString());
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
    const answer: BadgeAnswer = { official: true, account: toAccount(row), assertion, expiresAt: new Date(exp * 1000).toISOString() };
    entry = { answer, json: JSON.stringify(answer), refreshAt: nowSec + Math.floor(ttl / 2), kid: signer.kid, exp };
  } else {
    const resembles = await resemblesFor(ctx, row?.handle ?? ref);
    const answer: BadgeAnswer = resembles ? { official: false, resembles } : { official: false };
    entry = { answer, json: JSON.stringify(answer), refreshAt: nowSec + NO_BADGE_REUSE_SECONDS };
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
