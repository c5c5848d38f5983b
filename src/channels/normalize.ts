// Canonical form of an official contact channel's value, so that one channel is
// stored once however it is written (the registry keeps it in a unique column), and
// so that a value a user asks about compares with the registered ones.
// Phones: E.164 via libphonenumber-js (digits of any script, 00 → +). E-mails: lower
// case, IDN domain in ASCII. URLs: scheme-less allowed, host in ASCII without www.,
// path without trailing slash, no query or fragment. Domains: ASCII host, no www.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { asciiDigits } from "./digits.ts";
import { hostToAscii } from "./punycode.ts";

export type ChannelKind = "email" | "phone" | "url" | "domain" | "social" | "messenger";

/** E.164 for a phone number written in any digits and punctuation; "+" and the digits when libphonenumber cannot parse it. */
export function normalizePhone(value: string): string {
  let v = asciiDigits(value.normalize("NFKC")).trim();
  v = v.replace(/^00(?=\d)/, "+").replace(/^\+\s*00/, "+");
  const parsed = v.startsWith("+") ? parsePhoneNumberFromString(v) : undefined;
  if (parsed?.number) return parsed.number;
  return "+" + v.replace(/\D+/g, "");
}

export function normalizeDomain(value: string): string {
  const v = value.normalize("NFKC").trim().toLowerCase().replace(/\.+$/, "");
  const ascii = hostToAscii(v) ?? v;
  return ascii.replace(/^www\./, "");
}

export function normalizeEmail(value: string): string {
  const v = value.normalize("NFKC").trim().replace(/^mailto:/i, "").toLowerCase();
  const at = v.lastIndexOf("@");
  if (at <= 0) return v;
  return `${v.slice(0, at)}@${normalizeDomain(v.slice(at + 1))}`;
}

/** Parses a URL, accepting one written without a scheme ("fiverr.com/support"). */
export function parseUrl(value: string): URL | undefined {
  const v = value.normalize("NFKC").trim();
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `https://${v}`);
  } catch {
    return undefined;
  }
}

export function normalizeUrl(value: string): string {
  const u = parseUrl(value);
  if (!u || !u.hostname) return value.normalize("NFKC").trim().toLowerCase();
  const host = u.hostname.toLowerCase().replace(/^www\./, "").replace(/\.$/, "");
  const port = u.port ? `:${u.port}` : "";
  return `${u.protocol}//${host}${port}${u.pathname.replace(/\/+$/, "")}`.toLowerCase();
}

export function normalizeChannelValue(kind: ChannelKind, value: string): string {
  switch (kind) {
    case "email":
      return normalizeEmail(value);
    case "phone":
      return normalizePhone(value);
    case "domain":
      return normalizeDomain(value);
    case "url":
    case "social":
      return normalizeUrl(value);
    case "messenger":
      return value.normalize("NFKC").trim().toLowerCase();
  }
}
