// Hostile bytes on the wire, against the real Node server: malformed request
// lines, broken chunked encoding, lying Content-Length, oversized headers and
// bodies streamed without a length. The server must answer 4xx, never 5xx or
// a stack trace, and keep serving afterwards.
import net from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startNodeServer, type RunningServer } from "../../src/node.ts";
import { silentLogger } from "../../src/platform/logger.ts";

let server: RunningServer;
let dir: string;
let port: number;
const BODY_LIMIT = 8192;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "teammark-raw-"));
  server = await startNodeServer({ DATA_DIR: dir, PORT: "0", LOG_REQUESTS: "false", BODY_LIMIT_BYTES: String(BODY_LIMIT) }, { logger: silentLogger });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends raw bytes, returns whatever comes back before the server closes or 3 s pass. */
function raw(chunks: (string | Buffer)[]): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let out = "";
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(out);
    };
    const timer = setTimeout(done, 3000);
    socket.on("data", (d) => {
      out += d.toString("latin1");
      // One response is enough: stop once its body has arrived.
      const head = out.indexOf("\r\n\r\n");
      const length = /content-length:\s*(\d+)/i.exec(out)?.[1];
      if (head >= 0 && length !== undefined && out.length >= head + 4 + Number(length)) done();
    });
    socket.on("error", done);
    socket.on("close", done);
    socket.on("connect", () => {
      for (const c of chunks) socket.write(c);
    });
  });
}

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);

const CASES: Record<string, (string | Buffer)[]> = {
  "garbage request line": ["HELLO THERE\r\n\r\n"],
  "bad HTTP version": ["GET /healthz HTTP/9.9\r\n\r\n"],
  "header without a colon": ["GET /v1/accounts HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n"],
  "NUL in the path": [Buffer.from("GET /v1/accounts/\0 HTTP/1.1\r\nHost: x\r\n\r\n", "latin1")],
  "broken chunked encoding": ["POST /v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n"],
  "Content-Length and chunked together (smuggling)": [
    "POST /v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /v1/audit HTTP/1.1\r\nHost: x\r\n\r\n",
  ],
  "negative Content-Length": ["POST /v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n{}"],
  "two different Content-Lengths": ["POST /v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"],
  "64 KiB header": [`GET /v1/accounts HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(64 * 1024)}\r\n\r\n`],
  "body larger than the limit, chunked, no length": [
    "POST /v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
    ...Array.from({ length: 8 }, () => `800\r\n${"x".repeat(0x800)}\r\n`),
    "0\r\n\r\n",
  ],
  "Content-Length far beyond the limit": ["POST /v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{"],
  "absolute-form URL to another host": ["GET http://evil.example/v1/accounts HTTP/1.1\r\nHost: evil.example\r\n\r\n"],
  "path with encoded slash and dot segments": ["GET /v1/accounts/..%2F..%2Fv1%2Faudit HTTP/1.1\r\nHost: x\r\n\r\n"],
};

// Only the absolute-form request is legitimate (RFC 9112 §3.2.2): it is served as the local path.
const WELL_FORMED = new Set(["absolute-form URL to another host"]);

test.each(Object.keys(CASES))("%s: an answer below 500 without internals", async (name) => {
  const response = await raw(CASES[name]!);
  const status = statusOf(response);
  expect(status, `no HTTP answer: ${JSON.stringify(response.slice(0, 80))}`).toBeGreaterThan(0);
  expect(status, response.slice(0, 200)).toBeLessThan(500);
  if (!WELL_FORMED.has(name)) expect(status).toBeGreaterThanOrEqual(400);
  expect(response).not.toMatch(/\n\s+at |node_modules|SQLITE|Error:/);
});

test("the server still answers normally afterwards", async () => {
  const res = await fetch(`${server.url}/v1/accounts/Fiverr-Care`);
  expect(res.status).toBe(200);
  expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
});
