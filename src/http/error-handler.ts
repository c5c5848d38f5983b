// Turns anything thrown by a handler into the shared problem+json shape.
// Unexpected errors are logged with the request id and answered without
// internals (no stack traces, no SQL) in the body.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./router.ts";
import { ApiError, problemBody, problemResponse, type ProblemCode } from "./problem.ts";
import { errorText } from "../registry/versioned-write.ts";

// libSQL/SQLite failures that mean "the database is not there right now"
// (CLIENT_CLOSED: the pool was reopened under a call, see db/file-guard.ts;
// "Network connection lost": workerd's fetch when the libSQL server is gone).
const UNAVAILABLE = /SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|READONLY|FULL)|CLIENT_CLOSED|ECONNREFUSED|ECONNRESET|ETIMEDOUT|fetch failed|Network connection lost|SERVER_ERROR|HRANA_|WEBSOCKET|database is locked|unable to open database|readonly database|disk I\/O/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  return UNAVAILABLE.test(errorText(err));
}

export function handleError(err: Error, c: Context<AppEnv>): Response {
  const requestId = c.var.requestId;
  if (err instanceof ApiError) {
    return problemResponse(problemBody(err.code, err.detail, requestId, err.errors), err.headers);
  }
  if (err instanceof HTTPException) {
    const code = statusToCode(err.status);
    const detail = code === "bad-request" && /JSON/i.test(err.message) ? "the body is not valid JSON" : err.message || code;
    return problemResponse(problemBody(code, detail, requestId));
  }
  if (isDatabaseUnavailable(err)) {
    c.var.ctx?.deps.logger.error({ msg: "database unavailable", requestId, error: errorText(err).slice(0, 500) });
    return problemResponse(problemBody("unavailable", "the registry database is unavailable; retry shortly", requestId), { "retry-after": "5" });
  }
  c.var.ctx?.deps.logger.error({ msg: "unhandled error", requestId, error: err.message, stack: err.stack?.split("\n").slice(0, 6).join(" | ") });
  return problemResponse(problemBody("internal", "an unexpected error occurred; quote the requestId when reporting it", requestId));
}

function statusToCode(status: number): ProblemCode {
  switch (status) {
    case 400: return "bad-request";
    case 401: return "unauthenticated";
    case 403: return "forbidden";
    case 404: return "not-found";
    case 413: return "payload-too-large";
    case 415: return "unsupported-media-type";
    case 429: return "rate-limited";
    case 503: return "unavailable";
    default: return status >= 500 ? "internal" : "bad-request";
  }
}
