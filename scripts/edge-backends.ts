// What the Worker talks to, run locally for `npm run dev` and the workerd
// tests: a real libSQL server (sqld) migrated with the drizzle/ files and
// seeded, and the dev moderator issuer's public key served as a JWKS on
// loopback (the Worker only accepts moderator tokens from a JWKS URL), so
// `npx teammark token` tokens work against the local Worker too; and the badge
// signing key set of $DATA_DIR (created on first use, rotated with
// `npx teammark keys rotate`) as the BADGE_SIGNING_KEYS secret's value.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { loadConfig } from "../src/config.ts";
import { openRegistryDatabase } from "../src/runtime/node-deps.ts";
import { loadOrCreateDevIssuer, type DevIssuer } from "../src/auth/dev-issuer.ts";
import { badgeKeyFile, loadOrCreateKeyFile } from "../src/badges/node-key-file.ts";
import { startSqld, type Sqld } from "./sqld.ts";

export type EdgeBackends = {
  sqld: Sqld;
  libsqlUrl: string;
  jwksUrl: string;
  issuer: DevIssuer;
  /** The BADGE_SIGNING_KEYS secret: the {"keys":[…]} key set file of the data dir. */
  badgeSigningKeys: string;
  /** The `iss` and `aud` the dev issuer's tokens carry. */
  auth: { issuer: string; audience: string };
  close(): Promise<void>;
};

export async function startEdgeBackends(opts: { dataDir: string; sqldPort?: number; persistent?: boolean }): Promise<EdgeBackends> {
  const sqld = await startSqld({ ...(opts.sqldPort ? { port: opts.sqldPort } : {}), ...(opts.persistent ? { dbPath: path.join(opts.dataDir, "sqld") } : {}) });
  let jwks: Server | undefined;
  try {
    const config = loadConfig({ DATA_DIR: opts.dataDir, DATABASE_URL: sqld.url });
    const { db } = await openRegistryDatabase(config);
    db.$client.close();
    const issuer = await loadOrCreateDevIssuer(opts.dataDir);
    await loadOrCreateKeyFile(opts.dataDir, config.badges.alg, new Date());
    const badgeSigningKeys = readFileSync(badgeKeyFile(opts.dataDir), "utf8");
    const body = JSON.stringify({ keys: [issuer.publicJwk] });
    const server = createServer((req, res) => {
      if (req.method === "GET" && req.url === "/.well-known/jwks.json") res.writeHead(200, { "content-type": "application/json" }).end(body);
      else res.writeHead(404).end();
    });
    jwks = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    return {
      sqld,
      libsqlUrl: sqld.url,
      jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      issuer,
      badgeSigningKeys,
      auth: { issuer: config.auth.issuer, audience: config.auth.audience },
      async close() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await sqld.close();
      },
    };
  } catch (err) {
    jwks?.close();
    await sqld.close();
    throw err;
  }
}
