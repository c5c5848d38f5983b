// Link finding: URLs with a scheme (defanged ones too), bare hosts ("fiverr-help.com/x"), user-info
// URLs ("fiverr.com@evil.xyz/…") and the starts of spelled hosts ("discord . gg", "x点com"), each
// made parseable (cleanUrl), read (plainUrl, else the WHATWG parser) and kept only for a real host.
// What a link found here means (a known link host, a lure) is decided in links.ts.
import { toOriginal, type Mapped } from "../normalize.ts";
import { charBeforeIs, charIs, isDottedNameChar, isLabelChar, isSpace, isSpelledLabelChar, isWordChar, memoised, runStartBefore, skipSpacesBefore, type CharClasses } from "./anchors.ts";
import type { TextShape } from "./shape.ts";
import { validHostMemo, type DetectorContext, type UrlParts } from "./context.ts";
import { LINKS, overlaps, push, type Found } from "./found.ts";
import { ascending, eachMatch, eachStickyMatch } from "./matches.ts";
import { foldLookalikes } from "../../lookalike/key.ts";

// ---- links ----
// Defanged schemes too (hxxps://, http[:]//): lure writers copy them from security advice to dodge link filters.
const URL_SCHEME = /\b(?:https?|ftp|h[x*]{2}ps?)(?::|\[:\])\/\/[^\s<>"'`]+/giu;
const USERINFO_URL = /(?<![\p{L}\p{N}_.\-])([\p{L}\p{N}.\-]{1,100}\.[\p{L}]{2,})@([\p{L}\p{N}](?:[\p{L}\p{N}.\-]{0,200}[\p{L}\p{N}])?\.[\p{L}]{2,})(\/[^\s<>"'`]*)/iuy;
// The host may follow a Hebrew or Arabic one-letter proclitic and a hyphen ("ל-wa.me", "ב-fiverr.com").
const BARE_HOST = /(?:(?<![\p{L}\p{N}_@.\/\-])|(?<=(?<![\p{L}\p{N}])[\u0590-\u05ff\u0600-\u06ff]-))((?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,62})?(?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\))){1,8}[\p{L}][\p{L}\p{N}\-]{1,62})(?::\d{2,5})?((?:[/?#])[^\s<>"'`]*)?/iuy;
const TRAILING_CHARS = `.,;:!?)]}'"»”’`;
const TRAILING = /[.,;:!?)\]}'"»”’]+$/u;

/** File extensions that are also top-level domains: a bare "fix.zip" is a file, unless it imitates the platform ("fiverr-help.pl"). */
const FILE_TLDS = new Set(["zip", "mov", "sh", "py", "rs", "md", "pl", "ps", "cc", "exe", "sql", "php", "js"]);

/** /[\p{L}\p{N}](?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\))[\p{L}\p{N}]|:\/\//iu: a dot between word characters, a scheme or a defanged dot. */
export function mayHaveLink(text: string, shape: TextShape, cls: CharClasses): boolean {
  const seps = shape.separators;
  for (let k = 0; k < seps.length; k += 2) if (charBeforeIs(text, seps[k]!, cls, isWordChar) && charIs(text, seps[k + 1]!, cls, isWordChar)) return true;
  return shape.scheme;
}

/**
 * Where a bare host can start: the start of the label before each separator (the label is a run
 * of [\p{L}\p{N}-]) that a letter or digit follows (another label or the top-level domain; a
 * sentence's full stop is followed by a space).
 */
function bareHostStarts(text: string, seps: number[], cls: CharClasses): number[] {
  const out: number[] = [];
  for (let k = 0; k < seps.length; k += 2) {
    const s = seps[k]!;
    if (!charIs(text, seps[k + 1]!, cls, isWordChar) || !charBeforeIs(text, s, cls, isLabelChar)) continue;
    let start = runStartBefore(text, s, cls, isLabelChar);
    if (text[start + 1] === "-" && isProcliticLetter(text.charCodeAt(start)) && !charBeforeIs(text, start, cls, isWordChar)) start += 2;
    if (out.length === 0 || out[out.length - 1]! !== start) out.push(start);
  }
  return out;
}

/** A Hebrew or Arabic letter: one of them and a hyphen before a link is a proclitic ("ל-", "ب-"), not part of the host. */
function isProcliticLetter(c: number): boolean {
  return (c >= 0x05d0 && c <= 0x05ea) || (c >= 0x0620 && c <= 0x064a);
}

/** Where a user-info URL (name.tld@host/…) can start: the start of the [\p{L}\p{N}.-] run before each "@". */
function userinfoStarts(text: string, cls: CharClasses): number[] {
  const out: number[] = [];
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    if (charBeforeIs(text, at, cls, isDottedNameChar)) out.push(runStartBefore(text, at, cls, isDottedNameChar));
  }
  return out;
}

/**
 * Fast path of new URL(value) for a plain ASCII host, maybe after an http, https or ftp scheme
 * and before a simple path (most links): the WHATWG parser only lower-cases such a host and
 * keeps such a path as written. Anything else (ports, user-info, queries, IPv4-like last labels,
 * punycode, non-ASCII hosts, dot segments, escapes, other schemes) is left to the real parser (undefined).
 */
export function plainUrl(value: string): { hostname: string; pathname: string } | undefined {
  const m = PLAIN_URL.exec(value);
  if (!m) return undefined;
  const hostname = m[1]!.toLowerCase();
  const path = m[2] ?? "/";
  if (hostname.includes("xn--") || NUMERIC_LAST_LABEL.test(hostname) || DOT_SEGMENT.test(path)) return undefined;
  return { hostname, pathname: path };
}
/** Maybe a special scheme, a host of ASCII labels, then maybe a path of characters the parser never escapes. */
const PLAIN_URL = /^(?:(?:https?|ftp):\/\/)?([a-z0-9-]+(?:\.[a-z0-9-]+)*)(\/[A-Za-z0-9._~!$&'()*+,;=\/-]*)?$/i;
/** A last label the WHATWG parser reads as an IPv4 number. */
const NUMERIC_LAST_LABEL = /(?:^|\.)(?:\d+|0x[0-9a-f]*)$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

export function addUrl(out: Found, a: Mapped, ctx: DetectorContext, s: number, raw: string, spaced = false, rawLength?: number, shownAs?: string): void {
  const trimmed = TRAILING_CHARS.includes(raw[raw.length - 1]!) ? raw.replace(TRAILING, "") : raw;
  const e = s + (rawLength ?? trimmed.length);
  // A link inside one found before (the host of a URL with a scheme, found again as a bare host) is no new link: not parsed again.
  if (overlaps(out, ...toOriginal(a, s, e), LINKS)) return;
  const clean = cleanUrl(trimmed);
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(clean);
  const parsed: UrlParts | null = plainUrl(clean) ?? memoised(ctx.urls, hasScheme ? clean : `http://${clean}`, parseUrlParts);
  if (!parsed) return;
  const { hostname, pathname, username = "" } = parsed;
  const rootPath = pathname === "/";
  const written = hostname.toLowerCase().replace(/\.$/, "");
  if (!written) return;
  // "fiverr.corn", "site.c0m": no top-level domain, but read at a glance as one; the link is judged as the host it passes for.
  const imitated = validHostMemo(ctx, written) ? undefined : imitatedTldHost(written);
  if (imitated === undefined && !validHostMemo(ctx, written)) return;
  if (imitated !== undefined && !validHostMemo(ctx, imitated)) return;
  const host = imitated ?? written;
  const value = imitated === undefined ? clean : withHost(clean, written, imitated);
  const tld = host.slice(host.lastIndexOf(".") + 1);
  const fileLike = !hasScheme && FILE_TLDS.has(tld) && rootPath && !username;
  const spoofedTld = imitated === undefined ? undefined : written.slice(written.lastIndexOf(".") + 1);
  push(out, a, s, e, "url", value, { detail: host, ...(username ? { userinfo: decodedUserinfo(username) } : {}), ...(spaced ? { spaced } : {}), ...(fileLike ? { fileLike } : {}), ...(spoofedTld ? { spoofedTld } : {}), ...(shownAs && shownAs !== host ? { shownAs } : {}) });
}

/**
 * The host with its last label read through the lookalike folds (rn → m, vv → w, cl → d, 0 → o: "fiverr.corn" →
 * "fiverr.com"), when that changes it; validity is the caller's test.
 */
function imitatedTldHost(host: string): string | undefined {
  const dot = host.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const tld = host.slice(dot + 1);
  const read = foldLookalikes(tld);
  return read !== tld && /^[a-z]{2,}$/.test(read) ? host.slice(0, dot + 1) + read : undefined;
}

/** The link with its host written as another (the first occurrence, case aside: the host comes first). */
function withHost(link: string, written: string, host: string): string {
  const at = link.toLowerCase().indexOf(written);
  return at < 0 ? link : link.slice(0, at) + host + link.slice(at + written.length);
}

/** The user-info as written: a broken percent escape ("%E0%A4%A@…") is kept as it is rather than failing the scan. */
function decodedUserinfo(username: string): string {
  try {
    return decodeURIComponent(username);
  } catch {
    return username;
  }
}

function parseUrlParts(href: string): UrlParts | null {
  try {
    const url = new URL(href);
    return { hostname: url.hostname, pathname: url.pathname, username: url.username };
  } catch {
    return null;
  }
}

/** A link as written, made parseable: defanged dots and schemes undone, spaces dropped (each step only when it can apply). */
function cleanUrl(trimmed: string): string {
  let clean = trimmed;
  if (clean.includes("[") || clean.includes("(")) clean = clean.replace(/\[\.\]|\(\.\)|\[dot\]|\(dot\)/giu, ".");
  if ((clean.charCodeAt(0) | 32) === 104) clean = clean.replace(/^h[x*]{2}p(s?)/i, "http$1");
  if (clean.includes("[:]")) clean = clean.replace(/^([a-z]+)\[:\]/i, "$1:");
  return HAS_SPACE.test(clean) ? clean.replace(/\s+/g, "") : clean;
}
const HAS_SPACE = /\s/;

export function findLinks(text: string, a: Mapped, out: Found, shape: TextShape, ctx: DetectorContext): void {
  // Without a "." or ":" only defanged dots are left: "bad(dot)ru" counts as a spelled host only (see spelledHostStarts).
  if (!text.includes(".") && !text.includes(":")) return;
  // A Markdown or HTML link whose text is a site name: the target is found first, with the name it shows.
  if (text.includes("](")) eachMatch(text, MARKDOWN_LINK, (m) => addUrl(out, a, ctx, m.index + m[0].length - 1 - m[2]!.length, m[2]!, false, undefined, shownHost(m[1]!)));
  if (text.includes("href")) eachMatch(text, HTML_LINK, (m) => addUrl(out, a, ctx, m.index + m[0].indexOf(m[1]!), m[1]!, false, undefined, shownHost(m[2]!)));
  if (shape.at) eachStickyMatch(text, USERINFO_URL, userinfoStarts(text, ctx.cls), (m) => addUrl(out, a, ctx, m.index, m[0]));
  if (shape.slashes) eachMatch(text, URL_SCHEME, (m) => addUrl(out, a, ctx, m.index, m[0]));
  eachStickyMatch(text, BARE_HOST, bareHostStarts(text, shape.separators, ctx.cls), (m) => {
    // "name@host.tld" is an e-mail address, found below.
    if ((m.index > 0 && text[m.index - 1] === "@") || text[m.index + m[0].length] === "@") return;
    addUrl(out, a, ctx, m.index, m[0]);
  });
}

const MARKDOWN_LINK = /\[([^\[\]\n]{3,200})\]\(((?:https?:\/\/)[^\s()<>]+)\)/giu;
const HTML_LINK = /<a\b[^>]{0,200}?\bhref\s*=\s*["']((?:https?:\/\/)[^"'\s<>]+)["'][^>]{0,200}>([^<]{3,200})<\/a>/giu;
/** The host a link's text shows ("https://www.fiverr.com/orders" → "www.fiverr.com"), if the text is one. */
function shownHost(label: string): string | undefined {
  const m = /^\s*(?:https?:\/\/)?((?:[\p{L}\p{N}\-]+\.)+[\p{L}]{2,})(?:[\/:?#]\S*)?\s*$/u.exec(label);
  return m ? m[1]!.toLowerCase() : undefined;
}

/**
 * A host typed one character at a time ("f i v e r r - h e l p . c o m", "b i t . l y / 3 x Y z"): single letters,
 * digits, dots, hyphens and slashes parted by single spaces, with a dot among them. Read with the spaces taken out,
 * as a spaced host (it counts only if it imitates someone, shortens or names a messenger).
 */
const SPACED_OUT_HOST = /(?<!\S)[\p{L}\p{N}](?: [\p{L}\p{N}.\-\/]){4,80}(?!\S)/gu;
const DOT_BETWEEN_LETTERS = /[\p{L}\p{N}] \. [\p{L}\p{N}]/u;

/**
 * Hosts spelled out letter by letter; only called when the text has a " . " (TextShape.spacedDot). A one-letter word
 * may touch the run ("… c o m y verifica", "a f i v e r r …"): without a valid host, a letter less at either end is tried.
 */
export function findSpacedOutHosts(text: string, a: Mapped, out: Found, ctx: DetectorContext): void {
  eachMatch(text, SPACED_OUT_HOST, (m) => {
    if (!DOT_BETWEEN_LETTERS.test(m[0])) return;
    const found = out.entities.length;
    for (const [from, to] of SPACED_TRIMS) {
      const s = m.index + from;
      const e = m.index + m[0].length - to;
      addUrl(out, a, ctx, s, text.slice(s, e).replace(/ /g, ""), true, e - s);
      if (out.entities.length > found) return;
    }
  });
}
/** Characters cut from the start and the end of a spaced-out run: none, a last letter, a first, both. */
const SPACED_TRIMS: [number, number][] = [[0, 0], [0, 2], [2, 0], [2, 2]];

/**
 * Where a spelled host ("discord . gg", "fiverr点com", "x (dot) y") can start: the start of the
 * label before each possible separator. A separator is " . ", a dot-word token, a bracket or a
 * CJK dot word, and the label before it a run of Latin, Cyrillic or Greek letters, digits and "-".
 */
export function spelledHostStarts(text: string, openBrackets: number[], dotTokens: number[], ctx: DetectorContext): number[] {
  const ends: number[] = [];
  for (let i = text.indexOf("."); i >= 0; i = text.indexOf(".", i + 1)) if (i > 0 && isSpace(text.charCodeAt(i - 1))) ends.push(skipSpacesBefore(text, i));
  for (const i of openBrackets) ends.push(skipSpacesBefore(text, i));
  for (let k = 0; k < dotTokens.length; k += 2) ends.push(skipSpacesBefore(text, dotTokens[k]!));
  for (const w of ctx.cjkDots) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) ends.push(skipSpacesBefore(text, i));
  const starts: number[] = [];
  for (const e of ends) if (charBeforeIs(text, e, ctx.cls, isSpelledLabelChar)) starts.push(runStartBefore(text, e, ctx.cls, isSpelledLabelChar));
  return ascending(starts);
}
