// Per-app badge state (lives in the app context, one per createApp): answers
// already worked out, per sender reference, and each account's status list
// position. A registry write through this app clears the answers at once
// (invalidate); writes by other instances sharing the database move the
// registry version, which the registry cache (src/cache/) notices at most every
// REGISTRY_CACHE_CHECK_MS and passes on here.
import type { BadgeAnswer } from "./schemas.ts";
import type { WriteQueue } from "../platform/write-queue.ts";

export const MAX_CACHED_ANSWERS = 10_000;

export type CachedAnswer = {
  answer: BadgeAnswer;
  /** The answer serialised once: the hot path of a badge lookup sends these bytes as they are. */
  json: string;
  /** Unix seconds after which the answer is worked out (and signed) again. */
  refreshAt: number;
  /** Signing key of the assertion in the answer, if any: a key change re-signs. */
  kid?: string;
  /** Unix seconds when the assertion expires (official answers). */
  exp?: number;
};

export type BadgeCache = {
  /** Bumped by every invalidation; an answer computed under an older generation is not stored. */
  generation: number;
  answers: Map<string, CachedAnswer>;
  statusSeq: Map<string, number>;
  /** Signed status lists by list id, re-signed after a registry change or when half their lifetime is gone. */
  statusLists: Map<string, { token: string; refreshAt: number; kid: string }>;
  invalidate(): void;
  get(ref: string): CachedAnswer | undefined;
  set(ref: string, value: CachedAnswer, generation: number): void;
  /**
   * The app's write queue without the clearing: for the badges' own
   * bookkeeping (status list positions), which changes no answer.
   */
  bookkeepingWrites: WriteQueue;
};

export function createBadgeCache(writes: WriteQueue): BadgeCache {
  const cache: BadgeCache = {
    generation: 0,
    bookkeepingWrites: writes,
    answers: new Map(),
    statusSeq: new Map(),
    statusLists: new Map(),
    invalidate() {
      cache.generation++;
      cache.answers.clear();
      cache.statusLists.clear();
    },
    get: (ref) => cache.answers.get(ref),
    set(ref, value, generation) {
      if (generation !== cache.generation) return;
      // Bounded: the oldest answer goes first (a Map iterates in insertion order).
      if (cache.answers.size >= MAX_CACHED_ANSWERS) cache.answers.delete(cache.answers.keys().next().value!);
      cache.answers.set(ref, value);
    },
  };
  return cache;
}

/** The app's write queue, clearing cached badge answers after every write (whatever it changed). */
export function clearedByWrites(writes: WriteQueue, cache: BadgeCache): WriteQueue {
  return (work) => writes(work).finally(() => cache.invalidate());
}
