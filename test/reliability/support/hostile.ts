// Hostile request material for the HTTP fuzz test: odd path segments, query
// strings, bodies and content types, and the checks every answer must pass.
import fc from "fast-check";

/** Percent-encodes any string byte by byte (lone surrogates become U+FFFD, as a browser would send them). */
export function encodeSegment(s: string): string {
  let out = "";
  for (const b of new TextEncoder().encode(s)) {
    const ch = String.fromCharCode(b);
    out += /[A-Za-z0-9._~-]/.test(ch) ? ch : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Path segments that have broken routers, decoders and SQL layers before (already in URL form). */
export const ODD_SEGMENTS = [
  "%00",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e",
  "%E0%A4%A", // truncated UTF-8 escape
  "%ED%A0%80", // an encoded lone surrogate
  "%FF%FE",
  "%",
  "%25",
  encodeSegment("' OR 1=1 --"),
  encodeSegment("Fiverr-Care\u202E"),
  encodeSegment("\u202Eerac-rrevif"),
  encodeSegment("Ｆｉｖｅｒｒ－Ｃａｒｅ"),
  encodeSegment("😀".repeat(40)),
  "a".repeat(5000),
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "Fiverr-Care;DROP TABLE accounts",
  "Fiverr-Care%0D%0ASet-Cookie:%20x=1",
];

export const ODD_QUERIES = [
  "limit=1e309",
  "limit=-1",
  "limit=NaN",
  "limit=1.5",
  "limit=0x10",
  "limit=99999999999999999999999",
  "limit=1&limit=2",
  "limit[]=1",
  "cursor=%FF",
  "cursor=" + "A".repeat(600),
  "cursor=" + btoa(JSON.stringify({ a: 1 })),
  "cursor=" + btoa("[[[[[[[[[[]]]]]]]]]]"),
  "cursor=bnVsbA", // base64 of "null"
  "cursor=MWUzMDk", // base64 of "1e309"
  "status=ACTIVE",
  "status[]=active",
  "kind=email&kind=phone",
  "team=" + "x".repeat(5000),
  "__proto__[admin]=1",
  "constructor.prototype.admin=1",
  "%=%",
  "&&&=&",
  "value=" + encodeSegment("\u0000\uFFFF"),
];

const deep = (depth: number, open: string, close: string, leaf = "1") => open.repeat(depth) + leaf + close.repeat(depth);

/** Bodies that are not JSON, barely JSON, or JSON no schema expects. Strings are sent as-is. */
export const ODD_BODIES: string[] = [
  "",
  "{",
  '{"reason":',
  "[1,2",
  "nul",
  "\u0000",
  "\uFEFF{}",
  "{}garbage",
  '{"a":1,"a":2}',
  '{"reason":"\\ud800 lone surrogate"}',
  '{"__proto__":{"admin":true},"reason":"prototype pollution"}',
  '{"constructor":{"prototype":{"admin":true}}}',
  "1e999",
  '"just a string"',
  "[]",
  "null",
  "true",
  // Sized to stay under the fuzz app's 64 KiB body limit, so they reach the parser and the validators.
  deep(20_000, "[", "]"),
  deep(10_000, '{"a":', "}"),
  JSON.stringify({ handle: "x".repeat(50_000), reason: "big but under the limit" }),
  JSON.stringify({ purpose: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`l${i}`, "x"])), reason: "many keys" }),
];

export const ODD_CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json; charset=utf-16",
  "application/json-seq",
  "application/merge-patch+json",
  "application/xml",
  "APPLICATION/JSON",
  "",
];

/** Any JSON value, including the awkward corners (nested, unicode, big numbers). */
export const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
  fc.dictionary(fc.constantFrom("handle", "platformUserId", "team", "purpose", "status", "reason", "kind", "value", "displayName", "text", "senders", "sender"), fc.jsonValue({ maxDepth: 3 })).map((v) =>
    JSON.stringify(v),
  ),
  fc.string({ unit: "binary", maxLength: 200 }),
);

export const pathSegment = fc.oneof(fc.constantFrom(...ODD_SEGMENTS), fc.string({ unit: "binary", maxLength: 80 }).map(encodeSegment));
export const queryString = fc.oneof(
  fc.constantFrom(...ODD_QUERIES),
  fc.tuple(fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 60 })).map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`),
);

const STACK_TRACE = /\n\s+at |node_modules|\.ts:\d+|file:\/\/|SQLITE_|Libsql|(Type|Range|Syntax|Reference)Error|Maximum call stack/;

export type Answer = { status: number; contentType: string; text: string };

/** What every answer to a hostile request must satisfy; returns the problems found (empty when fine). */
export function answerProblems(a: Answer, documented: Set<number>): string[] {
  const problems: string[] = [];
  if (a.status >= 500) problems.push(`status ${a.status}`);
  else if (a.status >= 200 && a.status < 300 && !documented.has(a.status)) problems.push(`undocumented success ${a.status}`);
  else if (a.status >= 300 && a.status < 400) problems.push(`redirect ${a.status}`);
  if (a.status >= 400) {
    if (!a.contentType.startsWith("application/problem+json")) problems.push(`error as ${a.contentType || "no content-type"}`);
    else {
      try {
        const p = JSON.parse(a.text) as { status?: unknown; type?: unknown };
        if (p.status !== a.status || typeof p.type !== "string") problems.push("problem body does not match the status");
      } catch {
        problems.push("problem body is not JSON");
      }
    }
  }
  if (STACK_TRACE.test(a.text)) problems.push(`internals in body: ${a.text.slice(0, 200)}`);
  return problems;
}
