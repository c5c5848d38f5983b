// GET /v1/status-lists/{id}: the signed list, cached per app until a registry
// change or until half its lifetime is gone.
import type { AppContext } from "../app-context.ts";
import { statusListUri, noticeOtherWriters } from "./badges.service.ts";
import { signStatusList, statusBits } from "./status-list.ts";

/** Verifiers should fetch the list again after this many seconds (the `ttl` claim and the HTTP max-age). */
export const STATUS_LIST_TTL_SECONDS = 60;
/** The list token's own lifetime (`exp`): a verifier never relies on a copy older than this. */
export const STATUS_LIST_LIFETIME_SECONDS = 600;

export async function statusListToken(ctx: AppContext, listId: string): Promise<string | undefined> {
  const now = ctx.deps.clock.now();
  const nowSec = Math.floor(now.getTime() / 1000);
  await noticeOtherWriters(ctx);
  const signer = await ctx.deps.badgeKeys.signer(now);
  const hit = ctx.badges.statusLists.get(listId);
  if (hit && nowSec < hit.refreshAt && hit.kid === signer.kid) return hit.token;
  // Database unreachable: the last signed list is served until its own lifetime ends.
  if (hit && ctx.cache.degraded && nowSec < hit.refreshAt + STATUS_LIST_LIFETIME_SECONDS / 2) return hit.token;
  await ctx.cache.assertAvailable();
  const generation = ctx.badges.generation;
  const bits = await statusBits(ctx.db, Number(listId));
  if (!bits) return undefined;
  const token = await signStatusList(signer, {
    iss: ctx.deps.config.publicUrl,
    uri: statusListUri(ctx.deps.config, listId),
    bits,
    iat: nowSec,
    ttlSeconds: STATUS_LIST_TTL_SECONDS,
    lifetimeSeconds: STATUS_LIST_LIFETIME_SECONDS,
  });
  if (generation === ctx.badges.generation) ctx.badges.statusLists.set(listId, { token, refreshAt: nowSec + STATUS_LIST_LIFETIME_SECONDS / 2, kid: signer.kid });
  return token;
}
