// Faults under a running server: the database file removed, locked by another
// connection or made read-only must give 503 problem+json (never a 500, never
// a crash) and the server must recover by itself when the file is back; a
// write that fails between the change and its audit event leaves neither; 50
// conflicting moderator updates resolve to exactly one winner per version.
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient, LibsqlError, type Client, type Transaction } from "@libsql/client";
import { afterEach, describe, expect, test } from "vitest";
import { createFaultApp, holdWriteLockElsewhere, type FaultApp } from "./support/fault-app.ts";
import { startServerProcess } from "../../bench/support/server-process.ts";

const opened: FaultApp[] = [];
const others: Client[] = [];
afterEach(() => {
  for (const c of others.splice(0)) c.close();
  for (const f of opened.splice(0).reverse()) f.close();
});
async function faultApp(opts: Parameters<typeof createFaultApp>[0] = {}) {
  const f = await createFaultApp(opts);
  opened.push(f);
  return f;
}
function otherConnection(file: string): Client {
  const c = createClient({ url: `file:${file}` });
  others.push(c);
  return c;
}

const UNAVAILABLE = "https://teammark.dev/problems/unavailable";
type Answer = Awaited<ReturnType<FaultApp["call"]>>;

function expectUnavailable(res: Answer, what: string) {
  expect(res.status, what).toBe(503);
  expect(res.headers.get("content-type"), what).toContain("application/problem+json");
  expect(res.json?.type, what).toBe(UNAVAILABLE);
  expect(res.headers.get("retry-after"), what).toBeTruthy();
  expect(res.text, what).not.toMatch(/SQLITE|Libsql|\n\s+at |node_modules/);
}

async function auditHead(f: FaultApp) {
  return (await f.call("GET", "/v1/audit?limit=1")).json.items[0].seq as number;
}
async function expectChainIntact(f: FaultApp) {
  expect((await f.call("GET", "/v1/audit/verify")).json).toMatchObject({ intact: true });
}

describe("database file removed while the server runs", () => {
  test("answers not cached and writes are 503 while it is gone, cached ones are served marked stale; restoring the file restores service and keeps new writes", async () => {
    // Version checked on every read, so the outage is noticed by the first request.
    const f = await faultApp({ env: { REGISTRY_CACHE_CHECK_MS: "0" } });
    const backup = path.join(f.dir, "backup.db");
    await f.db.$client.execute(`VACUUM INTO '${backup}'`);
    const fresh = await f.call("GET", "/v1/accounts/Fiverr-Care");
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("x-teammark-stale")).toBeNull();

    for (const suffix of ["", "-wal", "-shm"]) rmSync(f.file + suffix, { force: true });
    const cached = await f.call("GET", "/v1/accounts/Fiverr-Care");
    expect(cached.status, "cached read").toBe(200);
    expect(cached.json).toEqual(fresh.json);
    expect(cached.headers.get("x-teammark-stale")).toBe("1");
    expectUnavailable(await f.call("GET", "/v1/accounts"), "list");
    expectUnavailable(await f.call("GET", "/readyz"), "readiness");
    expectUnavailable(await f.call("PATCH", "/v1/accounts/Fiverr-Care", { team: "Ghost", reason: "written while the file is gone" }, { "if-match": "*" }), "write");
    expect((await f.call("GET", "/healthz")).status).toBe(200);

    copyFileSync(backup, f.file);
    expect((await f.call("GET", "/readyz")).status).toBe(200);
    const res = await f.update("Fiverr-Care", { team: "Restored" });
    expect(res.status).toBe(200);
    await expectChainIntact(f);
    // The acknowledged write is in the file on disk, not in a deleted inode.
    const check = otherConnection(f.file);
    expect((await check.execute("SELECT team FROM accounts WHERE handle = 'Fiverr-Care'")).rows[0]?.team).toBe("Restored");
  });
});

test("the real server process survives its database file being deleted and restored", async () => {
  const server = await startServerProcess({ env: { REGISTRY_CACHE_CHECK_MS: "0" } });
  try {
    const file = path.join(server.dataDir, "teammark.db");
    const backup = path.join(server.dataDir, "backup.db");
    const snapshot = createClient({ url: `file:${file}` });
    await snapshot.execute(`VACUUM INTO '${backup}'`);
    snapshot.close(); // closed before the delete: a connection to a deleted file removes its "-wal" by name on close
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    const during = await fetch(`${server.url}/v1/accounts/Fiverr-Care`);
    expect(during.status).toBe(503);
    expect(await during.text()).not.toMatch(/SQLITE|\n\s+at /);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    copyFileSync(backup, file);
    expect((await fetch(`${server.url}/v1/accounts/Fiverr-Care`)).status).toBe(200);
    expect(server.alive()).toBe(true);
  } finally {
    await server.close();
  }
});

describe("database locked by another connection", () => {
  test("reads go on, writes wait for the lock and then answer 503; they succeed once it is released", async () => {
    const f = await faultApp({ busyTimeoutMs: 200 });
    const other = otherConnection(f.file);
    const lock = await other.transaction("write");
    await lock.execute("UPDATE accounts SET team = team WHERE handle = 'Fiverr-Care'");

    expect((await f.call("GET", "/v1/accounts/Fiverr-Care")).status).toBe(200);
    const before = await auditHead(f);
    const attempts = await Promise.all(Array.from({ length: 5 }, () => f.call("PATCH", "/v1/accounts/Fiverr-Care", { team: "Locked", reason: "while locked" }, { "if-match": "*" })));
    for (const res of attempts) expectUnavailable(res, "write under lock");

    await lock.rollback();
    expect((await f.update("Fiverr-Care", { team: "Unlocked" })).status).toBe(200);
    expect(await auditHead(f)).toBe(before + 1);
    await expectChainIntact(f);
  });

  test("every pooled connection waits for a lock held by another process (not only the first connection)", async () => {
    const f = await faultApp({ busyTimeoutMs: 5000 });
    // Hold the pool's first connection, so the next calls open new ones.
    const held: Transaction = await f.db.$client.transaction("read");
    try {
      expect((await f.db.$client.execute("PRAGMA busy_timeout")).rows[0]?.[0]).toBe(5000);
      const current = await f.call("GET", "/v1/accounts/Fiverr-Care");
      const { released } = await holdWriteLockElsewhere(f.file, 200);
      const res = await f.call("PATCH", "/v1/accounts/Fiverr-Care", { team: "Waited", reason: "waits for the other process" }, { "if-match": current.headers.get("etag")! });
      await released;
      expect(res.status).toBe(200);
    } finally {
      await held.rollback();
    }
  });
});

/** Makes a file unwritable even for root (immutable flag), or by mode for other users; undefined when neither works here. */
function readOnlyMethod(): { lock(file: string): void; unlock(file: string): void } | undefined {
  const probe = path.join(mkdtempSync(path.join(tmpdir(), "teammark-ro-")), "probe");
  writeFileSync(probe, "x");
  try {
    if (process.getuid?.() === 0) {
      try {
        execFileSync("chattr", ["+i", probe], { stdio: "ignore" });
        execFileSync("chattr", ["-i", probe], { stdio: "ignore" });
        return { lock: (f) => execFileSync("chattr", ["+i", f]), unlock: (f) => execFileSync("chattr", ["-i", f]) };
      } catch {
        return undefined;
      }
    }
    return { lock: (f) => chmodSync(f, 0o444), unlock: (f) => chmodSync(f, 0o644) };
  } finally {
    rmSync(path.dirname(probe), { recursive: true, force: true });
  }
}
const readOnly = readOnlyMethod();

describe("database file made read-only", () => {
  test.skipIf(!readOnly)("writes answer 503 (never 500) while it is read-only, reads keep working, and writes resume when it is writable again", async () => {
    const f = await faultApp();
    const before = await auditHead(f);
    readOnly!.lock(f.file);
    try {
      // A checkpoint must write the main file: it fails, and the guard reopens
      // the pool, whose new connections can only open the file read-only.
      await f.db.$client.execute("PRAGMA wal_checkpoint(TRUNCATE)").catch(() => undefined);
      expect((await f.call("GET", "/v1/accounts/Fiverr-Care")).status).toBe(200);
      for (let i = 0; i < 3; i++) expectUnavailable(await f.update("Fiverr-Care", { team: `Read-only ${i}` }), `write ${i}`);
      expect(await auditHead(f)).toBe(before);
    } finally {
      readOnly!.unlock(f.file);
    }
    for (let i = 0; i < 3; i++) expect((await f.update("Fiverr-Care", { team: `Writable ${i}` })).status, `write ${i} after`).toBe(200);
    expect(await auditHead(f)).toBe(before + 3);
    await expectChainIntact(f);
  });
});

describe("a write interrupted between the change and its audit event", () => {
  async function expectNothingChanged(f: FaultApp, before: { version: number; team: string; seq: number }) {
    const now = (await f.call("GET", "/v1/accounts/Fiverr-Care")).json;
    expect({ version: now.version, team: now.team }).toEqual({ version: before.version, team: before.team });
    expect(await auditHead(f)).toBe(before.seq);
  }
  async function snapshot(f: FaultApp) {
    const acc = (await f.call("GET", "/v1/accounts/Fiverr-Care")).json;
    return { version: acc.version as number, team: acc.team as string, seq: await auditHead(f) };
  }

  test("the audit insert refused by the database (trigger): neither the change nor an event is stored", async () => {
    const f = await faultApp();
    const before = await snapshot(f);
    await f.db.$client.execute("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit store refused the event'); END");
    const res = await f.update("Fiverr-Care", { team: "Unaudited" });
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.text).not.toMatch(/audit store refused|SQLITE|\n\s+at /);
    await f.db.$client.execute("DROP TRIGGER refuse_audit");
    await expectNothingChanged(f, before);
    expect((await f.update("Fiverr-Care", { team: "Audited" })).status).toBe(200);
    await expectChainIntact(f);
  });

  test("the storage failing on the audit insert (I/O error): 503, and neither is stored", async () => {
    let failAuditInserts = true;
    const wrapClient = (client: Client): Client =>
      new Proxy(client, {
        get(target, prop) {
          const value = Reflect.get(target, prop, target) as unknown;
          if (prop !== "transaction") return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          return async (...args: unknown[]) => {
            const tx = (await (value as (...a: unknown[]) => Promise<Transaction>).apply(target, args)) as Transaction;
            return new Proxy(tx, {
              get(txTarget, txProp) {
                const fn = Reflect.get(txTarget, txProp, txTarget) as unknown;
                if (typeof fn !== "function") return fn;
                if (txProp !== "execute") return (fn as (...a: unknown[]) => unknown).bind(txTarget);
                return async (stmt: { sql?: string } | string, ...rest: unknown[]) => {
                  const sql = typeof stmt === "string" ? stmt : (stmt.sql ?? "");
                  if (failAuditInserts && /insert into "audit_events"/i.test(sql)) throw new LibsqlError("disk I/O error", "SQLITE_IOERR");
                  return (fn as (...a: unknown[]) => Promise<unknown>).apply(txTarget, [stmt, ...rest]);
                };
              },
            });
          };
        },
      });
    const f = await faultApp({ wrapClient });
    const before = await snapshot(f);
    expectUnavailable(await f.update("Fiverr-Care", { team: "Half-written" }), "write with failing audit insert");
    await expectNothingChanged(f, before);
    failAuditInserts = false;
    expect((await f.update("Fiverr-Care", { team: "Whole" })).status).toBe(200);
    await expectChainIntact(f);
  });
});

describe("concurrent conflicting moderator updates", () => {
  test("50 updates with the same ETag: exactly one wins per version, the rest get 412, one audit event each round", async () => {
    const f = await faultApp();
    for (let round = 0; round < 3; round++) {
      const current = await f.call("GET", "/v1/accounts/Fiverr-Social");
      const etag = current.headers.get("etag")!;
      const seq = await auditHead(f);
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => f.call("PATCH", "/v1/accounts/Fiverr-Social", { team: `Team ${round}-${i}`, reason: `round ${round} writer ${i}` }, { "if-match": etag })),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(49);
      const after = (await f.call("GET", "/v1/accounts/Fiverr-Social")).json;
      expect(after.version).toBe(current.json.version + 1);
      expect(after.team).toBe(results.find((r) => r.status === 200)!.json.team);
      expect(await auditHead(f)).toBe(seq + 1);
    }
    await expectChainIntact(f);
  });

  test("a second server process on the same database file: still exactly one winner, and one chain", async () => {
    const a = await faultApp({ busyTimeoutMs: 5000 });
    const b = await startServerProcess({ env: { DATA_DIR: a.dir, DATABASE_URL: `file:${a.file}` } });
    try {
      const current = await a.call("GET", "/v1/accounts/Fiverr-Social");
      const etag = current.headers.get("etag")!;
      const seq = await auditHead(a);
      const token = a.token;
      const viaB = (i: number) =>
        fetch(`${b.url}/v1/accounts/Fiverr-Social`, {
          method: "PATCH",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "if-match": etag },
          body: JSON.stringify({ displayName: `Writer ${i}`, reason: `writer ${i} via the second process` }),
        }).then(async (r) => ({ status: r.status, text: await r.text() }));
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 ? a.call("PATCH", "/v1/accounts/Fiverr-Social", { displayName: `Writer ${i}`, reason: `writer ${i}` }, { "if-match": etag }) : viaB(i))),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(49);
      expect(await auditHead(a)).toBe(seq + 1);
      await expectChainIntact(a);
      expect(b.alive()).toBe(true);
    } finally {
      await b.close();
    }
  });
});
