// Serves the bundled browser code and the stylesheet from the generated
// module, with ETags for revalidation. /badge.js is meant to be embedded by
// other sites, so it alone may be loaded cross-origin.
import type { Context } from "hono";
import { WEB_ASSETS } from "./generated/assets.ts";

export function serveAsset(c: Context, name: string, opts: { crossOrigin?: boolean } = {}) {
  const asset = WEB_ASSETS[name];
  if (!asset) return undefined;
  c.header("ETag", asset.etag);
  c.header("Cache-Control", "public, max-age=300, must-revalidate");
  c.header("X-Content-Type-Options", "nosniff");
  if (opts.crossOrigin) {
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Cross-Origin-Resource-Policy", "cross-origin");
  }
  if (c.req.header("if-none-match") === asset.etag) return c.body(null, 304);
  return c.body(asset.body, 200, { "Content-Type": asset.type });
}
