// In-isolate (in-process) cache of registry reads, keyed by the registry
// version. A reader checks the version at most once per `checkEveryMs`; when it
// moved, every cached answer is dropped. So a write made by another instance is
// visible to this one within checkEveryMs (plus the time of a request in
// flight); a write made through this instance is visible at once (invalidate).
//
// When the version check finds the database unreachable, the cache turns
// degraded: answers it holds keep being served (the HTTP layer marks them
// stale), misses and writes are refused with 503 at once instead of waiting on
// the database, and the next check after checkEveryMs tries again.
import type { Db } from "../db/client.ts";
import type { Clock } from "../platform/clock.ts";
import { ApiError } from "../http/problem.ts";
import { isDatabaseUnavailable } from "../http/error-handler.ts";
import { readRegistryVersion } from "./registry-version.ts";

export type RegistryCache = {
  /** The answer cached under the current registry version, or load() it and keep it. */
  read<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Checks the version if due (never throws for an unreachable database: that only sets `degraded`). */
  refresh(): Promise<void>;
  /** Before a write or an uncached read: refresh, then refuse (503) while the database is unreachable. */
  assertAvailable(): Promise<void>;
  /** After a local write committed: drop every answer and check the version on the next read. */
  invalidate(): void;
  /** Called whenever cached answers are dropped (version moved, or invalidate): for caches kept elsewhere (badges). */
  onChange(listener: () => void): void;
  /** True since a version check failed because the database was unreachable, until one succeeds. */
  readonly degraded: boolean;
  readonly checkEveryMs: number;
  readonly size: number;
};

export const DEFAULT_MAX_ENTRIES = 10_000;
/** A version check slower than this counts as "unreachable": a database that hangs must not hang every reader. */
export const DEFAULT_CHECK_TIMEOUT_MS = 2000;

export function createRegistryCache(opts: {
  db: Pick<Db, "select">;
  clock: Clock;
  checkEveryMs: number;
  maxEntries?: number;
  checkTimeoutMs?: number;
  readVersion?: () => Promise<number>;
}): RegistryCache {
  const checkTimeoutMs = opts.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const maxEntries = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const readVersion = opts.readVersion ?? (() => readRegistryVersion(opts.db));
  const entries = new Map<string, { value: unknown }>();
  let version: number | undefined;
  let checkedAt = -Infinity;
  let degraded = false;
  // Bumped whenever entries are dropped, so a load that started before a
  // change cannot store its (old) answer after it.
  let generation = 0;
  let checking: Promise<void> | undefined;
  const listeners: (() => void)[] = [];
  const retryAfter = String(Math.max(1, Math.ceil(opts.checkEveryMs / 1000)));
  const unavailable = () =>
    new ApiError("unavailable", "the registry database is unreachable; cached answers are served, this one is not cached", { headers: { "retry-after": retryAfter } });

  function drop() {
    entries.clear();
    generation++;
    for (const l of listeners) l();
  }

  async function check(): Promise<void> {
    const now = opts.clock.now().getTime();
    if (now - checkedAt < opts.checkEveryMs) return;
    // Concurrent readers share one version query.
    checking ??= (async () => {
      try {
        const v = await withTimeout(readVersion(), checkTimeoutMs);
        if (v !== version) {
          drop();
          version = v;
        }
        degraded = false;
      } catch (err) {
        if (!isDatabaseUnavailable(err)) throw err;
        degraded = true;
      } finally {
        checkedAt = opts.clock.now().getTime();
        checking = undefined;
      }
    })();
    await checking;
  }

  return {
    async read<T>(key: string, load: () => Promise<T>): Promise<T> {
      await check();
      const hit = entries.get(key);
      if (hit) return hit.value as T;
      if (degraded) throw unavailable();
      const started = generation;
      let value: T;
      try {
        value = await load();
      } catch (err) {
        // The database went away between two checks: later misses fail fast too.
        if (isDatabaseUnavailable(err)) {
          degraded = true;
          checkedAt = opts.clock.now().getTime();
        }
        throw err;
      }
      if (generation === started) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(key, { value });
      }
      return value;
    },
    refresh: check,
    async assertAvailable() {
      await check();
      if (degraded) throw unavailable();
    },
    onChange(listener) {
      listeners.push(listener);
    },
    invalidate() {
      drop();
      checkedAt = -Infinity;
    },
    get degraded() {
      return degraded;
    },
    get checkEveryMs() {
      return opts.checkEveryMs;
    },
    get size() {
      return entries.size;
    },
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`ETIMEDOUT: the registry version check took over ${ms} ms`), { code: "ETIMEDOUT" })), ms);
  });
  // The late answer (or failure) of a timed-out check is dropped.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
