// Cloudflare Workers entry. The registry lives in Turso / a libSQL server
// (LIBSQL_URL + LIBSQL_AUTH_TOKEN); migrations are applied before deploy with
// `teammark migrate`. Moderator tokens are checked against AUTH_JWKS_URL; badges
// are signed with the key set in the BADGE_SIGNING_KEYS secret.
import { createClient } from "@libsql/client/web";
import { createRemoteJWKSet } from "jose";
import { createApp, type App } from "./app.ts";
import { loadConfig } from "./config.ts";
import { dbFromClient } from "./db/client.ts";
import { createTokenVerifier, TokenRejected } from "./auth/token-verifier.ts";
import { systemClock } from "./platform/clock.ts";
import { jsonLogger } from "./platform/logger.ts";
import { createSecretKeyStore } from "./badges/secret-keys.ts";
import { retainSecondsFor } from "./badges/key-store.ts";

export type WorkerEnv = {
  LIBSQL_URL: string;
  LIBSQL_AUTH_TOKEN?: string;
  AUTH_JWKS_URL?: string;
  AUTH_ISSUER?: string;
  AUTH_AUDIENCE?: string;
  PUBLIC_URL?: string;
  /** Secret: the badge signing key set, {"keys":[private JWK…]} (see src/badges/secret-keys.ts). */
  BADGE_SIGNING_KEYS?: string;
  [binding: string]: unknown;
};

export function buildWorkerApp(env: WorkerEnv): App {
  const strings = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const config = loadConfig({ ...strings, DATABASE_URL: env.LIBSQL_URL, DATABASE_AUTH_TOKEN: env.LIBSQL_AUTH_TOKEN });
  const client = createClient({ url: env.LIBSQL_URL, ...(env.LIBSQL_AUTH_TOKEN ? { authToken: env.LIBSQL_AUTH_TOKEN } : {}) });
  const clock = systemClock;
  const verifyToken = config.auth.jwksUrl
    ? createTokenVerifier({ keys: createRemoteJWKSet(new URL(config.auth.jwksUrl)), issuer: config.auth.issuer, audience: config.auth.audience, clock })
    : async () => {
        throw new TokenRejected("no moderator key set is configured (set AUTH_JWKS_URL)");
      };
  const badgeKeys = createSecretKeyStore(env.BADGE_SIGNING_KEYS, { retainSeconds: retainSecondsFor(config.badges) });
  return createApp({ db: dbFromClient(client), config, clock, logger: jsonLogger(), verifyToken, badgeKeys });
}

// One app per isolate and env: building it (routes, OpenAPI registry, DB
// client) per request would waste CPU; the env object is stable per isolate.
const apps = new WeakMap<object, App>();

export default {
  fetch(request: Request, env: WorkerEnv, executionCtx: unknown): Response | Promise<Response> {
    let app = apps.get(env);
    if (!app) {
      app = buildWorkerApp(env);
      apps.set(env, app);
    }
    return app.fetch(request, env, executionCtx as never);
  },
};
