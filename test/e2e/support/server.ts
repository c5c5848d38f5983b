// The real Node server (as `npm start` runs it) on a free port with a fresh
// data dir, plus the dev issuer of that dir to mint moderator tokens.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startNodeServer } from "../../../src/node.ts";
import { loadConfig } from "../../../src/config.ts";
import { loadOrCreateDevIssuer } from "../../../src/auth/dev-issuer.ts";
import { memoryLogger } from "../../../src/platform/logger.ts";
import type { Role } from "../../../src/auth/roles.ts";

/** A port that was free a moment ago (for tests that need PUBLIC_URL to name the real port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startServer(env: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "teammark-e2e-"));
  const logger = memoryLogger();
  const fullEnv = { PORT: "0", HOST: "127.0.0.1", DATA_DIR: dir, ...env };
  const { auth } = loadConfig(fullEnv);
  const running = await startNodeServer(fullEnv, { logger });
  const issuer = await loadOrCreateDevIssuer(dir);
  return {
    url: running.url,
    dir,
    logger,
    token: (role: Role, sub = `e2e-${role}`) => issuer.mint({ sub, roles: [role], issuer: auth.issuer, audience: auth.audience, ttlSeconds: 3600 }),
    async close() {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type E2eServer = Awaited<ReturnType<typeof startServer>>;
