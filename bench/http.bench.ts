// HTTP throughput and tail latency of the real app on the Node server
// (loopback, separate process), next to a bare Hono route on the same server.
// Each target runs several short autocannon rounds, interleaved with the bare
// route so drift on a shared machine hits both alike; figures are medians.
// The headline is the badge lookup's req/s as a fraction of the bare route's.
import autocannon from "autocannon";
import type { Figure } from "./run.ts";
import { BARE_PATH, startServerProcess } from "./support/server-process.ts";
import { batchBody, type OpenApi } from "./support/openapi-body.ts";

const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);
// Each round is bounded in time and in count, whichever comes first.
const ROUND_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 2);
const MAX_REQUESTS_PER_ROUND = 200_000;
const CONNECTIONS = 32;
const ROUND_TIMEOUT_MS = (ROUND_SECONDS + 10) * 1000;
const OFFICIAL = "Fiverr-Care";

type Target = { name: string; method: "GET" | "POST"; path: string; body?: unknown; headline?: boolean };
type Round = { rps: number; p99: number; failures: number };

function round(url: string, t: Target, seconds = ROUND_SECONDS): Promise<Round> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const instance = autocannon(
      {
        url: url + t.path,
        method: t.method,
        connections: CONNECTIONS,
        duration: seconds,
        maxOverallRequests: MAX_REQUESTS_PER_ROUND,
        timeout: 10,
        sampleInt: 100,
        ...(t.body !== undefined ? { body: JSON.stringify(t.body), headers: { "content-type": "application/json" } } : {}),
      },
      (err, r) => {
        clearTimeout(cap);
        if (err) return fail(err);
        // Own clock up to the last response: autocannon's `duration` only
        // notices the end on its next sampling tick.
        const seconds = (lastResponse - started) / 1000;
        done({ rps: (r["2xx"] + r.non2xx) / seconds, p99: r.latency.p99, failures: r.non2xx + r.errors + r.timeouts });
      },
    );
    let lastResponse = started;
    instance.on("response", () => (lastResponse = performance.now()));
    // Bounded in time as well as in count: a stalled server ends the round.
    const cap = setTimeout(() => instance.stop(), ROUND_TIMEOUT_MS);
  });
}

/** Half official handles, half ordinary sellers: an inbox page. */
const fiftySenders = (handles: string[]) => Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? handles[i % handles.length]! : `seller_${i}_studio`));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function bench(): Promise<Figure[]> {
  const server = await startServerProcess({ bareRoute: true, env: { RATE_LIMIT_EXEMPT: "127.0.0.1,::1" } }); // one loopback client, on purpose
  try {
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as OpenApi;
    const has = (method: string, p: string) => Boolean(doc.paths[p]?.[method]);
    const accounts = (await (await fetch(`${server.url}/v1/accounts?limit=200`)).json()) as { items: { handle: string }[] };
    const handles = accounts.items.map((a) => a.handle);

    const targets: Target[] = [{ name: "bare Hono route", method: "GET", path: BARE_PATH }, { name: "GET /healthz", method: "GET", path: "/healthz" }];
    targets.push({ name: "GET /v1/accounts/{handle}", method: "GET", path: `/v1/accounts/${OFFICIAL}` });
    const badgePath = Object.keys(doc.paths).find((p) => /^\/v1\/badges\/\{[^}]+\}$/.test(p) && doc.paths[p]?.get);
    if (badgePath) targets.push({ name: "GET /v1/badges/{handle}", method: "GET", path: `/v1/badges/${OFFICIAL}`, headline: true });
    if (has("post", "/v1/badges/batch")) targets.push({ name: "POST /v1/badges/batch (50 senders)", method: "POST", path: "/v1/badges/batch", body: batchBody(doc, "/v1/badges/batch", fiftySenders(handles)) });
    if (has("get", "/v1/check")) targets.push({ name: "GET /v1/check (lookalike handle)", method: "GET", path: `/v1/check?value=${encodeURIComponent("Fivеrr_Care")}` });
    if (has("post", "/v1/scan")) {
      const text = "Hi, Fiverr Care here. Your account is limited; send the 6-digit code to wa.me/447700900123 or we close it today.";
      targets.push({ name: "POST /v1/scan (chat message)", method: "POST", path: "/v1/scan", body: { text, sender: { handle: "seller_42_studio" }, readerLang: "en" } });
    }
    // The web pages: the server-rendered checker answering a lookalike, and the embeddable badge script.
    targets.push({ name: "GET / (checker page, lookalike)", method: "GET", path: `/?lang=en&q=${encodeURIComponent("Fivеrr-Care")}` });
    targets.push({ name: "GET /badge.js", method: "GET", path: "/badge.js" });
    for (const [label, present] of [["GET /v1/badges/{handle}", badgePath], ["POST /v1/badges/batch", has("post", "/v1/badges/batch")], ["POST /v1/scan", has("post", "/v1/scan")]] as const) {
      if (!present) process.stderr.write(`bench http: ${label} is not served yet; skipped\n`);
    }

    // A target that does not answer 2xx is measuring an error path: skip it, loudly.
    const live: Target[] = [];
    for (const t of targets) {
      const res = await fetch(server.url + t.path, { method: t.method, ...(t.body !== undefined ? { body: JSON.stringify(t.body), headers: { "content-type": "application/json" } } : {}) });
      await res.arrayBuffer();
      if (res.ok) live.push(t);
      else process.stderr.write(`bench http: ${t.name} answered ${res.status}; skipped\n`);
    }

    for (const t of live) await round(server.url, t, 1); // warm-up: JIT, connection pool, page cache
    const rounds = new Map<string, Round[]>(live.map((t) => [t.name, []]));
    for (let i = 0; i < ROUNDS; i++) {
      for (const t of live) rounds.get(t.name)!.push(await round(server.url, t));
    }
    if (!server.alive()) throw new Error("the server process died during the bench");

    const bareRps = median(rounds.get("bare Hono route")!.map((r) => r.rps));
    // /healthz runs the whole middleware stack and no database: the app's own floor.
    const stackRps = median(rounds.get("GET /healthz")!.map((r) => r.rps));
    const figures: Figure[] = [];
    for (const t of live) {
      const rs = rounds.get(t.name)!;
      const failures = rs.reduce((n, r) => n + r.failures, 0);
      const note = `median of ${ROUNDS}×${ROUND_SECONDS} s, ${CONNECTIONS} connections${failures ? `; ${failures} non-2xx/errors` : ""}`;
      const rps = median(rs.map((r) => r.rps));
      figures.push({ name: `${t.name} throughput`, value: Math.round(rps), unit: "req/s", note });
      figures.push({ name: `${t.name} p99 latency`, value: median(rs.map((r) => r.p99)), unit: "ms", note: "autocannon, 1 ms resolution" });
      if (t.path !== BARE_PATH) {
        figures.push({ name: `${t.name} / bare route`, value: Math.round((rps / bareRps) * 100) / 100, unit: "ratio", note: t.headline ? "headline, aim ≥ 0.6" : "req/s ratio" });
      }
      if (t.path !== BARE_PATH && t.path !== "/healthz") {
        figures.push({ name: `${t.name} / GET /healthz`, value: Math.round((rps / stackRps) * 100) / 100, unit: "ratio", note: "route cost beyond the middleware stack" });
      }
    }
    return figures;
  } finally {
    await server.close();
  }
}
