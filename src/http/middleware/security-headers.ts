// Security headers for an API (the OWASP REST set). Each response header is a
// measurable cost per request (bench/http.bench.ts), so only headers that mean
// something for API answers are sent; the browser-document headers of
// hono/secure-headers (X-XSS-Protection, X-Download-Options, …) are not.
// A handler's own value wins: HTML pages set their own Content-Security-Policy,
// and public keys set Cross-Origin-Resource-Policy: cross-origin.
import { createMiddleware } from "hono/factory";

const API_HEADERS: readonly (readonly [string, string])[] = [
  ["x-content-type-options", "nosniff"],
  ["strict-transport-security", "max-age=31536000; includeSubDomains"],
  ["referrer-policy", "no-referrer"],
  ["cross-origin-resource-policy", "same-origin"],
  ["x-frame-options", "DENY"],
  // Nothing in a JSON answer may load or run anything, nor be framed.
  ["content-security-policy", "default-src 'none'; frame-ancestors 'none'"],
];

export const securityHeaders = createMiddleware(async (c, next) => {
  await next();
  const headers = c.res.headers;
  for (const [name, value] of API_HEADERS) if (!headers.has(name)) headers.set(name, value);
});
