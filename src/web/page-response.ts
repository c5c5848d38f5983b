// How every HTML page is answered: a fresh CSP nonce per request, a strict
// Content-Security-Policy naming it, and headers saying the page varies by
// language. Pages load scripts only as <script nonce src>, never inline code.
import type { Context } from "hono";
import type { HtmlEscapedString } from "hono/utils/html";

export function newNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Only our own nonce-carrying scripts run; styles from our origin (and constructed sheets); no framing, plugins or base rewrites. */
export function pageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join("; ");
}

export async function respondWithPage(c: Context, lang: string, render: (nonce: string) => HtmlEscapedString | Promise<HtmlEscapedString>, status: 200 | 400 | 429 = 200) {
  const nonce = newNonce();
  const body = await render(nonce);
  c.header("Content-Security-Policy", pageCsp(nonce));
  c.header("Content-Language", lang);
  c.header("Vary", "Accept-Language, Cookie");
  // A nonce must never be reused, so a page is never cached.
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  return c.html(body, status);
}
