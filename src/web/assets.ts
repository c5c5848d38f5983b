// Serves the bundled browser code and the stylesheet from the generated
// module, with ETags for revalidation. /badge.js is meant to be embedded by
// other sites, so it alone may be loaded cross-origin, and it carries this
// server's badge issuer and audience (filled in when served).
import type { Context } from "hono";
import type { AppEnv } from "../http/router.ts";
import { WEB_ASSETS } from "./generated/assets.ts";
import { BADGE_ALGORITHMS } from "../badges/client.ts";

export const BADGE_CONFIG_PLACEHOLDER = '"__TEAMMARK_BADGE_CONFIG__"';

async function shortHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest.slice(0, 16))).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

function respond(c: Context<AppEnv>, body: string, type: string, etag: string, crossOrigin: boolean) {
  c.header("ETag", etag);
  c.header("Cache-Control", "public, max-age=300, must-revalidate");
  if (crossOrigin) {
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Cross-Origin-Resource-Policy", "cross-origin");
  }
  if (c.req.header("if-none-match") === etag) return c.body(null, 304);
  return c.body(body, 200, { "Content-Type": type });
}

export function serveAsset(c: Context<AppEnv>, name: string) {
  const asset = WEB_ASSETS[name];
  return asset ? respond(c, asset.body, asset.type, asset.etag, false) : undefined;
}

/** /badge.js with the verification settings of this server. */
export async function serveBadgeScript(c: Context<AppEnv>) {
  const asset = WEB_ASSETS["badge.js"]!;
  const { config } = c.var.ctx.deps;
  const settings = JSON.stringify({ issuer: config.publicUrl, audience: config.badges.audience, algorithms: BADGE_ALGORITHMS });
  const body = asset.body.replace(BADGE_CONFIG_PLACEHOLDER, JSON.stringify(settings));
  // The bundle's own hash plus one of the settings: the ETag changes with either, without hashing 24 KB per request.
  return respond(c, body, asset.type, `"${asset.etag.slice(1, -1)}.${await shortHash(settings)}"`, true);
}
