// Node entry: `npm start` (or `teammark serve`). Embedded libSQL at
// DATABASE_URL (default .data/teammark.db), migrated and seeded at start.
import { serve, type ServerType } from "@hono/node-server";
import { loadConfig, ConfigError } from "./config.ts";
import { createApp } from "./app.ts";
import { buildNodeDeps } from "./runtime/node-deps.ts";
import type { Logger } from "./platform/logger.ts";

export type RunningServer = { url: string; server: ServerType; close(): Promise<void> };

export async function startNodeServer(env: Record<string, string | undefined> = process.env, opts: { logger?: Logger } = {}): Promise<RunningServer> {
  const config = loadConfig(env);
  const deps = await buildNodeDeps(config, opts);
  const app = createApp(deps);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
  deps.logger.info({ msg: "teammark listening", url, database: redactUrl(config.databaseUrl), seeded: deps.seeded, moderatorAuth: config.auth.jwksUrl ? "remote JWKS" : "local dev issuer (teammark token)" });
  return {
    url,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          deps.db.$client.close();
          resolve();
        });
      }),
  };
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//***@").replace(/([?&](authToken|token)=)[^&]+/gi, "$1***");
}

if (import.meta.main) {
  try {
    const running = await startNodeServer();
    const stop = () => void running.close().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (err) {
    console.error(err instanceof ConfigError ? `teammark: ${err.message}` : err);
    process.exit(1);
  }
}
