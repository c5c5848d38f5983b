// Interoperability: an independent JOSE implementation (jwcrypto, Python)
// verifies a badge fetched from a running Node server against the server's
// JWKS, fetched over HTTP, and reads its Token Status List (zlib from Python's
// standard library). jwcrypto is installed from Debian when missing; if
// that is impossible the test is reported as skipped, with the reason.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { startNodeServer, type RunningServer } from "../../src/node.ts";
import { silentLogger } from "../../src/platform/logger.ts";
import { main } from "../../src/cli/main.ts";
import seed from "../../src/data/official-registry.json" with { type: "json" };

const PYTHON = "/usr/bin/python3";
const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "interop_verify.py");

function hasJwcrypto(): boolean {
  return spawnSync(PYTHON, ["-c", "import jwcrypto"], { stdio: "ignore" }).status === 0;
}

/** jwcrypto available, installing python3-jwcrypto with apt-get if needed; otherwise why not. */
function ensureJwcrypto(): { ok: true } | { ok: false; why: string } {
  if (spawnSync(PYTHON, ["--version"], { stdio: "ignore" }).status !== 0) return { ok: false, why: `${PYTHON} is not available` };
  if (hasJwcrypto()) return { ok: true };
  const apt = (args: string[]) => spawnSync("apt-get", args, { stdio: "ignore", timeout: 240_000, env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
  if (!apt(["install", "-y", "python3-jwcrypto"])) apt(["update"]) && apt(["install", "-y", "python3-jwcrypto"]);
  return hasJwcrypto() ? { ok: true } : { ok: false, why: "python3-jwcrypto is not installed and `apt-get install -y python3-jwcrypto` failed" };
}

const jwcrypto = ensureJwcrypto();
if (!jwcrypto.ok) console.warn(`SKIPPED interop test: ${jwcrypto.why}`);

const dirs: string[] = [];
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function pythonVerify(input: Record<string, unknown>): { valid: boolean; header?: Record<string, unknown>; claims?: Record<string, any>; status?: number; error?: string } {
  return JSON.parse(execFileSync(PYTHON, [SCRIPT], { input: JSON.stringify(input), encoding: "utf8", timeout: 30_000 }));
}

describe.skipIf(!jwcrypto.ok)("jwcrypto verifies badges from a running server", () => {
  for (const alg of ["EdDSA", "ES256"] as const) {
    test(`${alg}: GET /v1/badges/Fiverr-Care verified against /.well-known/jwks.json`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "teammark-interop-"));
      dirs.push(dir);
      const env = { DATA_DIR: dir, PORT: "0", LOG_REQUESTS: "false", PUBLIC_URL: "https://teammark.example", BADGE_ALG: alg };
      const server = await startNodeServer(env, { logger: silentLogger });
      servers.push(server);
      const badge = (await (await fetch(`${server.url}/v1/badges/Fiverr-Care`)).json()) as { official: boolean; assertion: string };
      expect(badge.official).toBe(true);
      const jwks = await (await fetch(`${server.url}/.well-known/jwks.json`)).json();
      const sender = seed.accounts.find((a) => a.handle === "Fiverr-Care")!.platformUserId;
      const base = { kind: "badge", jwks, token: badge.assertion, issuer: "https://teammark.example", audience: "teammark-badge", sender, alg };

      const ok = pythonVerify(base);
      expect(ok.error).toBeUndefined();
      expect(ok.valid).toBe(true);
      expect(ok.header).toMatchObject({ alg, typ: "team-badge+jwt" });
      expect(ok.claims).toMatchObject({ sub: sender, handle: "Fiverr-Care", label: seed.platform.badgeLabel });

      // The same check refuses what it should, so the success above means something.
      const [h, p, s] = badge.assertion.split(".");
      const tampered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, "base64url").toString()), sub: "666" })).toString("base64url");
      expect(pythonVerify({ ...base, token: `${h}.${tampered}.${s}`, sender: "666" }).valid).toBe(false);
      expect(pythonVerify({ ...base, sender: "666" }).valid).toBe(false);
      expect(pythonVerify({ ...base, audience: "someone-else" }).valid).toBe(false);

      // The status list: jwcrypto checks the statuslist+jwt, zlib inflates it; retiring the account sets its bit.
      const { idx, uri } = ok.claims!.status.status_list as { idx: number; uri: string };
      const statusOf = async () => {
        const token = await (await fetch(`${server.url}${new URL(uri).pathname}`)).text();
        return pythonVerify({ kind: "status_list", jwks, token, issuer: "https://teammark.example", uri, idx, alg });
      };
      const before = await statusOf();
      expect(before.error).toBeUndefined();
      expect(before).toMatchObject({ valid: true, status: 0, header: { typ: "statuslist+jwt" } });
      let token = "";
      const io = { stdin: (async function* () {})(), stdout: { write: (s: string) => (token += s) }, stderr: { write: () => {} }, env };
      expect(await main(["token", "--role", "moderator", "--sub", "interop"], io)).toBe(0);
      const auth = { authorization: `Bearer ${token.trim()}`, "content-type": "application/json" };
      const etag = (await fetch(`${server.url}/v1/accounts/Fiverr-Care`)).headers.get("etag")!;
      const retired = await fetch(`${server.url}/v1/accounts/Fiverr-Care`, { method: "DELETE", headers: { ...auth, "if-match": etag }, body: JSON.stringify({ reason: "interop retirement" }) });
      expect(retired.status).toBe(200);
      expect(await statusOf()).toMatchObject({ valid: true, status: 1 });
    });
  }
});
