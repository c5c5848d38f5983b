// Node side of the workerd tests: a seeded sqld and the dev issuer's JWKS on
// loopback, handed to the Worker's bindings (vitest.workers.config.ts) and to
// the tests (a moderator token minted here, where the private key is), plus
// a loopback control endpoint the outage test calls to stop and restart sqld.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEdgeBackends } from "../../scripts/edge-backends.ts";

declare module "vitest" {
  export interface ProvidedContext {
    libsqlUrl: string;
    jwksUrl: string;
    authIssuer: string;
    authAudience: string;
    moderatorToken: string;
    badgeSigningKeys: string;
    sqldControlUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "teammark-workers-"));
  const backends = await startEdgeBackends({ dataDir });
  const token = await backends.issuer.mint({ sub: "workerd-moderator", roles: ["moderator"], ...backends.auth, ttlSeconds: 3600 });
  project.provide("libsqlUrl", backends.libsqlUrl);
  project.provide("jwksUrl", backends.jwksUrl);
  project.provide("authIssuer", backends.auth.issuer);
  project.provide("authAudience", backends.auth.audience);
  project.provide("moderatorToken", token);
  project.provide("badgeSigningKeys", backends.badgeSigningKeys);
  const control = createServer((req, res) => {
    const action = req.method === "POST" ? { "/stop": backends.sqld.stop, "/start": backends.sqld.start }[req.url ?? ""] : undefined;
    if (!action) return void res.writeHead(404).end();
    action().then(
      () => res.writeHead(204).end(),
      (err: unknown) => res.writeHead(500).end(String(err)),
    );
  });
  await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
  const address = control.address();
  project.provide("sqldControlUrl", `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
  return async () => {
    await new Promise<void>((resolve) => control.close(() => resolve()));
    await backends.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
