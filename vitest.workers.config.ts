// The workerd test project (`npm run test:workers`): the Worker from
// wrangler.toml runs in a local workerd (via @cloudflare/vitest-plugin) against
// the real sqld and JWKS server that test/workers/global-setup.ts starts.
import { defineConfig } from "vitest/config";
import { cloudflareTest } from "@cloudflare/vitest-plugin";

// Offline and quiet: no request.cf data download, no telemetry.
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";
process.env.WRANGLER_SEND_METRICS ??= "false";

export const CHECK_MS = 100;

export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          LIBSQL_URL: inject("libsqlUrl"),
          AUTH_JWKS_URL: inject("jwksUrl"),
          AUTH_ISSUER: inject("authIssuer"),
          AUTH_AUDIENCE: inject("authAudience"),
          LOG_REQUESTS: "false",
          // A secret in production (wrangler secret put BADGE_SIGNING_KEYS); a plain binding here.
          BADGE_SIGNING_KEYS: inject("badgeSigningKeys"),
          PUBLIC_URL: "https://teammark.test",
          // The staleness bound, short so the outage test need not wait a second.
          REGISTRY_CACHE_CHECK_MS: String(CHECK_MS),
        },
      },
    })),
  ],
  test: {
    reporters: ["default", ["./test/support/summary-reporter.ts", { label: "workerd" }]],
    include: ["test/workers/**/*.test.ts"],
    globalSetup: ["test/workers/global-setup.ts"],
    // The files share one sqld, and the outage test stops it: one file at a time.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
