// `npm run load`: 20 000 mixed requests at concurrency 64 against a teammark
// Node server this script starts on loopback (fresh data dir, seeded). Passes
// only with zero connection errors, zero timeouts and zero 5xx; prints the
// server's RSS before, half-way and after (and after a full GC) so memory
// growth is visible, and checks that the audit chain still verifies after the
// writes mixed into the load. Bounded: each half stops after LOAD_TIMEOUT_S.
//
//   npm run load                     # the defaults below
//   LOAD_REQUESTS=5000 npm run load  # a shorter run
import autocannon from "autocannon";
import { loadConfig } from "../src/config.ts";
import { loadOrCreateDevIssuer } from "../src/auth/dev-issuer.ts";
import { startServerProcess } from "../bench/support/server-process.ts";
import { batchBody, type OpenApi } from "../bench/support/openapi-body.ts";

const TOTAL = Number(process.env.LOAD_REQUESTS ?? 20_000);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 64);
const TIMEOUT_S = Number(process.env.LOAD_TIMEOUT_S ?? 120);

type Req = { method: string; path: string; body?: unknown; headers?: Record<string, string> };
type Kind = { name: string; weight: number; make: () => Req };

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;

async function main(): Promise<number> {
  // Loopback is exempt from the per-client limits: this script is one client sending 20 000 requests on purpose.
  const server = await startServerProcess({ env: { RATE_LIMIT_EXEMPT: "127.0.0.1,::1" } });
  try {
    const config = loadConfig({ DATA_DIR: server.dataDir });
    const issuer = await loadOrCreateDevIssuer(server.dataDir);
    const mint = (role: "viewer" | "moderator") =>
      issuer.mint({ sub: `load-${role}`, roles: [role], issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 3600 });
    const moderator = `Bearer ${await mint("moderator")}`;
    const viewer = `Bearer ${await mint("viewer")}`;

    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as OpenApi;
    const has = (method: string, p: string) => Boolean(doc.paths[p]?.[method]);
    const accounts = ((await (await fetch(`${server.url}/v1/accounts?limit=200`)).json()) as { items: { handle: string }[] }).items.map((a) => a.handle);
    const strangers = ["seller_42_studio", "Fiverr_Care", "FiverrSupport", "video_editor_pro", "Fivеrr-Care"];
    const json = { "content-type": "application/json" };

    const kinds: Kind[] = [
      { name: "account by handle", weight: 25, make: () => ({ method: "GET", path: `/v1/accounts/${encodeURIComponent(pick(accounts))}` }) },
      { name: "unknown account (404)", weight: 4, make: () => ({ method: "GET", path: `/v1/accounts/${encodeURIComponent(pick(strangers))}x` }) },
      { name: "account list", weight: 10, make: () => ({ method: "GET", path: `/v1/accounts?limit=${1 + Math.floor(Math.random() * 20)}` }) },
      { name: "channel list", weight: 8, make: () => ({ method: "GET", path: "/v1/channels" }) },
      { name: "health", weight: 4, make: () => ({ method: "GET", path: pick(["/healthz", "/readyz"]) }) },
      { name: "invalid query (400)", weight: 2, make: () => ({ method: "GET", path: "/v1/accounts?limit=0" }) },
      { name: "audit page", weight: 2, make: () => ({ method: "GET", path: "/v1/audit?limit=20", headers: { authorization: viewer } }) },
      {
        name: "moderator update",
        weight: 2,
        make: () => ({
          method: "PATCH",
          path: `/v1/accounts/${pick(accounts)}`,
          body: { displayName: `Load ${Math.floor(Math.random() * 1e6)}`, reason: "load test update" },
          headers: { ...json, authorization: moderator, "if-match": "*" },
        }),
      },
    ];
    const badgePath = Object.keys(doc.paths).find((p) => /^\/v1\/badges\/\{[^}]+\}$/.test(p));
    if (badgePath) kinds.push({ name: "badge", weight: 20, make: () => ({ method: "GET", path: `/v1/badges/${encodeURIComponent(pick([...accounts, ...strangers]))}` }) });
    if (has("post", "/v1/badges/batch")) {
      kinds.push({ name: "badge batch", weight: 4, make: () => ({ method: "POST", path: "/v1/badges/batch", body: batchBody(doc, "/v1/badges/batch", Array.from({ length: 20 }, () => pick([...accounts, ...strangers]))), headers: json }) });
    }
    if (has("post", "/v1/scan")) {
      const texts = ["Thanks, the logo is ready for review.", "Fiverr Support here: send your 6-digit code to wa.me/447700900123", "Can we talk on t.me/designer_x and pay by Wise?"];
      kinds.push({ name: "scan", weight: 12, make: () => ({ method: "POST", path: "/v1/scan", body: { text: pick(texts), sender: { handle: pick(strangers) } }, headers: json }) });
    }
    if (has("get", "/v1/check")) {
      kinds.push({ name: "check", weight: 6, make: () => ({ method: "GET", path: `/v1/check?value=${encodeURIComponent(pick([...strangers, "support@fiverr.com", "fiverr.com.secure-login.xyz"]))}` }) });
    }
    const totalWeight = kinds.reduce((n, k) => n + k.weight, 0);
    const choose = () => {
      let r = Math.random() * totalWeight;
      for (const k of kinds) if ((r -= k.weight) < 0) return k;
      return kinds[0]!;
    };

    const statuses = new Map<number, number>();
    const fiveHundreds: string[] = [];
    const half = async () =>
      new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: server.url,
            connections: Math.min(CONNECTIONS, Math.floor(TOTAL / 2)),
            amount: Math.floor(TOTAL / 2),
            timeout: 10,
            requests: [
              {
                setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
                  const r = choose().make();
                  context.last = `${r.method} ${r.path}`;
                  return { ...req, method: r.method, path: r.path, headers: r.headers ?? {}, body: r.body !== undefined ? JSON.stringify(r.body) : undefined };
                },
                onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
                  statuses.set(status, (statuses.get(status) ?? 0) + 1);
                  if (status >= 500 && fiveHundreds.length < 10) fiveHundreds.push(`${status} ${String(context.last)}`);
                },
              },
            ],
          },
          (err, result) => {
            clearTimeout(cap);
            if (err) reject(err);
            else resolve(result);
          },
        );
        const cap = setTimeout(() => instance.stop(), TIMEOUT_S * 1000);
      });

    const memStart = await server.memory({ gc: true });
    const rssStart = memStart.rss;
    const started = performance.now();
    const first = await half();
    const memHalfGc = await server.memory({ gc: true });
    const rssHalf = memHalfGc.rss;
    const second = await half();
    const seconds = (performance.now() - started) / 1000;
    const rssEnd = await server.rss();
    const memEndGc = await server.memory({ gc: true });
    const rssEndGc = memEndGc.rss;

    const verify = (await (await fetch(`${server.url}/v1/audit/verify`, { headers: { authorization: viewer } })).json()) as { intact: boolean; events: number };
    const sent = [...statuses.values()].reduce((a, b) => a + b, 0);
    const errors = first.errors + second.errors;
    const timeouts = first.timeouts + second.timeouts;
    const serverErrors = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    const report = {
      requests: sent,
      connections: CONNECTIONS,
      seconds: Math.round(seconds * 10) / 10,
      requestsPerSecond: Math.round(sent / seconds),
      p99Ms: Math.max(first.latency.p99, second.latency.p99),
      statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
      errors,
      timeouts,
      serverErrors,
      mix: kinds.map((k) => `${k.name} ${Math.round((k.weight / totalWeight) * 100)}%`),
      rssMiB: { before: mib(rssStart), afterHalf: mib(rssHalf), after: mib(rssEnd), afterGc: mib(rssEndGc) },
      // V8 heap in use after a full GC: growth here is retained JS objects; RSS growth without it is native (SQLite page cache, allocator).
      heapUsedAfterGcMiB: { before: mib(memStart.heapUsed), afterHalf: mib(memHalfGc.heapUsed), after: mib(memEndGc.heapUsed) },
      auditChain: verify,
      serverAlive: server.alive(),
    };
    console.log(JSON.stringify(report, null, 2));
    const ok = sent >= TOTAL - 1 && errors === 0 && timeouts === 0 && serverErrors === 0 && verify.intact && server.alive();
    if (!ok) {
      console.error(`load: FAILED${fiveHundreds.length ? `; first 5xx: ${fiveHundreds.join(", ")}` : ""}${sent < TOTAL - 1 ? `; only ${sent} of ${TOTAL} requests completed in time` : ""}`);
      return 1;
    }
    console.error(`load: ok: ${sent} requests, 0 errors, 0 5xx, RSS ${report.rssMiB.before} → ${report.rssMiB.after} MiB (${report.rssMiB.afterGc} after GC)`);
    return 0;
  } finally {
    await server.close();
  }
}

process.exitCode = await main();
