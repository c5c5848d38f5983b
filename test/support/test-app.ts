// A real app on a real embedded libSQL file in a temp dir, migrated and seeded,
// with the dev issuer for tokens. Every HTTP-level test builds on this.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp } from "../../src/app.ts";
import { loadConfig, type Config } from "../../src/config.ts";
import type { AppDeps } from "../../src/deps.ts";
import { openRegistryDatabase } from "../../src/runtime/node-deps.ts";
import { loadOrCreateDevIssuer } from "../../src/auth/dev-issuer.ts";
import { createTokenVerifier } from "../../src/auth/token-verifier.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import { memoryLogger } from "../../src/platform/logger.ts";
import { nodeKeyRotator } from "../../src/badges/key-rotator.ts";
import { createNodeKeyStore } from "../../src/badges/node-key-file.ts";
import { retainSecondsFor } from "../../src/badges/key-store.ts";
import type { Role } from "../../src/auth/roles.ts";
import { noRateLimits, type RateLimits } from "../../src/ratelimit/limiter.ts";

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** In-process requests have no socket: tests name the client in this header. */
export const TEST_CLIENT_HEADER = "x-test-client";

export async function createTestApp(
  opts: { env?: Record<string, string>; seed?: boolean; now?: string; rateLimits?: (clock: ReturnType<typeof fixedClock>) => RateLimits } = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), "teammark-test-"));
  const config: Config = loadConfig({ DATA_DIR: dir, SEED_ON_START: opts.seed === false ? "false" : "true", ...opts.env });
  const clock = fixedClock(opts.now ?? new Date().toISOString());
  const { db } = await openRegistryDatabase(config, clock);
  const issuer = await loadOrCreateDevIssuer(dir);
  const logger = memoryLogger();
  const deps: AppDeps = {
    db,
    config,
    clock,
    logger,
    verifyToken: createTokenVerifier({ keys: issuer.keys, issuer: config.auth.issuer, audience: config.auth.audience, clock }),
    // Unlimited unless a test asks for limits: suites that send thousands of requests are not about limits.
    rateLimits: opts.rateLimits?.(clock) ?? noRateLimits,
    clientAddress: (c) => c.req.header(TEST_CLIENT_HEADER),
    badgeKeys: await createNodeKeyStore(dir, { alg: config.badges.alg, retainSeconds: retainSecondsFor(config.badges), now: clock.now(), recheckMs: 0 }),
    rotateBadgeKeys: nodeKeyRotator(dir, config.badges),
  };
  const app = createApp(deps);

  const token = (role: Role, sub = `test-${role}`, ttlSeconds = 3600) =>
    issuer.mint({ sub, roles: [role], issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds, now: clock.now() });

  /** app.request with JSON in and out. */
  async function call(method: string, url: string, init: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined) headers["content-type"] ??= "application/json";
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const res = await app.request(url, { method, headers, ...(init.body !== undefined ? { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) } : {}) });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  }

  return {
    app,
    deps,
    db,
    clock,
    logger,
    dir,
    issuer,
    token,
    call,
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
