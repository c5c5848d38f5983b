// `teammark token`: prints a moderator/service token that the local server
// (dev issuer, no AUTH_JWKS_URL) accepts. Uses the key in the data dir.
import { z } from "zod";
import type { Command } from "../command.ts";
import { parseFlags } from "../args.ts";
import { loadConfig } from "../../config.ts";
import { loadOrCreateDevIssuer } from "../../auth/dev-issuer.ts";
import { ROLES } from "../../auth/roles.ts";

const Flags = z.object({
  role: z.enum(ROLES).default("moderator"),
  sub: z.string().min(1).max(200).default("dev-moderator"),
  ttl: z.coerce.number().int().min(60).max(30 * 24 * 3600).default(3600),
});

export const tokenCommand: Command = {
  summary: "print a bearer token the local dev server accepts",
  usage: `teammark token [--role viewer|moderator|admin|messaging] [--sub NAME] [--ttl SECONDS]

Signs with the dev issuer key in DATA_DIR (default .data), the same key the
local server uses when AUTH_JWKS_URL is not set. Example:
  curl -H "Authorization: Bearer $(npx teammark token --role moderator --sub alice)" …`,
  async run(args, io) {
    const flags = parseFlags(args, Flags);
    const config = loadConfig(io.env);
    if (config.auth.jwksUrl) {
      io.stderr.write("teammark token: AUTH_JWKS_URL is set, so the server trusts your identity provider, not the dev issuer; get a token there.\n");
      return 1;
    }
    const issuer = await loadOrCreateDevIssuer(config.dataDir);
    const token = await issuer.mint({ sub: flags.sub, roles: [flags.role], issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: flags.ttl });
    io.stdout.write(`${token}\n`);
    return 0;
  },
};
