// Node side of the workerd tests: a seeded sqld and the dev issuer's JWKS on
// loopback, handed to the Worker's bindings (vitest.workers.config.ts) and to
// the tests (a moderator token minted here, where the private key is).
import { mkdtempSync, rmSync } from "node:fs";
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
  return async () => {
    await backends.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
