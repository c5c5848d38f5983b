// The client's address on Node: the socket's remote address, as
// @hono/node-server exposes it. (Behind a proxy this is the proxy; put the
// limits on the proxy or the edge then.) Undefined for in-process requests
// (app.request in tests), which have no socket.
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";

export function nodeClientAddress(c: Context): string | undefined {
  if (!(c.env as { incoming?: unknown } | undefined)?.incoming) return undefined;
  return getConnInfo(c).remote.address;
}
