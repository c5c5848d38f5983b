// Entity detectors over the entity view: phone numbers, e-mail addresses, links, handles,
// payment cards, IBANs, wallet addresses, identity numbers, digit codes and executables.
// Every entity is validated (check digits, public suffixes, phone metadata) before it counts.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { parse as parseDomain } from "tldts";
import { T, toOriginal, flagsOf, type Mapped } from "../normalize.ts";
import { charBeforeIs, charIs, eachWordToken, isAddressChar, isCloseBracket, isDottedNameChar, isFileNameChar, isLabelChar, isOpenBracket, isSpace, isSpelledLabelChar, isWordAt, isWordChar, memoised, previousIndex, newCharClasses, newWordMatcher, runStartBefore, skipSpacesBefore, type CharClasses, type WordMatcher } from "./anchors.ts";
import { digitShape, textShape, type TextShape } from "./shape.ts";
import { base58check, bech32Valid, ibanLength, ibanValid, israeliIdValid, latvianPersonalCodeValid, luhnValid, ssnShapeValid } from "./checksums.ts";

export type EntityKind = "phone" | "email" | "url" | "handle" | "payment_id" | "card" | "iban" | "crypto" | "gov_id" | "digits" | "executable";

export type Entity = {
  kind: EntityKind;
  /** Offsets in the original text. */
  start: number;
  end: number;
  /** Canonical value (E.164, lower-case address, compact IBAN, host…). */
  value: string;
  flags: number;
  /** phone: strong (valid number) | possible | weak; url: the host; email: "official" for the platform's own; crypto: btc | eth | tron; gov_id: ssn | lv_personal_code. */
  detail?: string;
  /** url: the URL's user-info part ("fiverr.com" in fiverr.com@evil.xyz/…). */
  userinfo?: string;
  /** url: written with spaces around the dot ("discord . gg / x"): counts only for known link hosts. */
  spaced?: boolean;
};

export type EntityOptions = {
  atWords: string[];
  dotWords: string[];
  /** Webmail domains: "name at gmail.com" (a bare at-word before a real domain) is an address only there. */
  mailHosts?: Set<string>;
  /** Host labels as spelled in other scripts → ASCII ("яндекс" → "yandex", "קום" → "com"): dictated addresses. */
  hostWords?: Map<string, string>;
};

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** File extensions that are also top-level domains: a bare "fix.zip" is a file, not a link. */
const FILE_TLDS = new Set(["zip", "mov", "sh", "py", "rs", "md", "pl", "ps", "cc", "exe", "sql", "php", "js"]);

function push(out: Found, view: Mapped, s: number, e: number, kind: EntityKind, value: string, extra?: Partial<Entity>): void {
  const [start, end] = toOriginal(view, s, e);
  const entity: Entity = { kind, start, end, value, flags: flagsOf(view, s, e) };
  out.entities.push(extra ? Object.assign(entity, extra) : entity);
  const bit = KIND_BITS[kind];
  const cover = out.cover;
  for (let i = start; i < end && i < out.size; i++) cover[i]! |= bit;
}

export function validHost(host: string): boolean {
  const p = parseDomain(host, { allowPrivateDomains: true });
  if (p.isIp) return true;
  // Private suffixes count too: "fiverr-help.ru.com" is a real, registrable host.
  return p.domain !== null && (p.isIcann === true || p.isPrivate === true) && !!p.domainWithoutSuffix;
}

/** Builds the detector set once (the e-mail pattern includes every language's at/dot words). */
export function createEntityDetector(opts: EntityOptions) {
  const atWordList = opts.atWords.filter((w) => /^[\p{L}]+$/u.test(w));
  const dotWordList = opts.dotWords.filter((w) => /^[\p{L}]+$/u.test(w));
  const atWords = atWordList.map(esc);
  const dotWords = dotWordList.map(esc);
  const open = "[\\(\\[\\{<]";
  const close = "[\\)\\]\\}>]";
  const atAlt = atWords.length ? `|\\s+(?:${atWords.join("|")})\\s+|\\s*${open}\\s*(?:${atWords.join("|")}|@)\\s*${close}\\s*` : "";
  const dotAlt = dotWords.length ? `|\\s+(?:${dotWords.join("|")})\\s+|\\s*${open}\\s*(?:${dotWords.join("|")}|\\.)\\s*${close}\\s*` : "";
  const AT = `(?:\\s?@\\s?${atAlt})`;
  const DOT = `(?:\\.${dotAlt})`;
  const part = "[\\p{L}\\p{N}_%+\\-]+";
  // A Hebrew geresh or an apostrophe may sit inside a spelled label ("ג׳ימייל" = gmail).
  const label = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-׳']*[\\p{L}\\p{N}])?";
  // Sticky: tried only where an address can start (see addressStarts), not at every word of the message.
  const email = new RegExp(`(?<![\\p{L}\\p{N}_.%+\\-])(${part}(?:${DOT}${part}){0,8})${AT}(${label}(?:${DOT}${label}){1,8})(?![\\p{L}\\p{N}])`, "iuy");
  const atRe = new RegExp(AT, "iu");
  const bareAtRe = atWords.length ? new RegExp(`^\\s+(?:${atWords.join("|")})\\s+$`, "iu") : /^$/;
  // Hosts written with spelled or spaced dots: "discord . gg / x", "tinyurl נקודה com", "fiverr点com点x点cn".
  const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  const cjkDotList = opts.dotWords.filter((w) => unspaced.test(w));
  const cjkDots = cjkDotList.map(esc);
  // Host labels in the scripts hosts are written in (an Arabic or Han word next to "نقطة"/"点" is not a label).
  const hostLabel = "[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{N}\\-]{1,40}";
  const spelledSep = `(?:\\s+\\.\\s+${dotAlt}${cjkDots.length ? `|\\s*(?:${cjkDots.join("|")})\\s*` : ""})`;
  const spelledHost = new RegExp(`(?<![\\p{L}\\p{N}.\\-])${hostLabel}(?:${spelledSep}${hostLabel}){1,6}(?:\\s*\\/\\s*[\\p{L}\\p{N}_\\-]+)?`, "iuy");
  const spelledSepRe = new RegExp(spelledSep, "giu");
  const dotRe = new RegExp(DOT, "giu");

  const ctx: DetectorContext = {
    cls: newCharClasses(),
    hosts: new Map(),
    phones: new Map(),
    wallets: new Map(),
    base58: new Map(),
    urls: new Map(),
    atWords: newWordMatcher(atWordList),
    dotWords: newWordMatcher(dotWordList),
    cjkDots: cjkDotList,
    cover: new Uint16Array(256),
  };
  const mailHosts = opts.mailHosts ?? new Set<string>();
  const hostWords = opts.hostWords ?? new Map<string, string>();
  /**
   * words: whether the text has at-words or dot-words at all (the scanner knows from its lexicon
   * pass; undefined = assume yes). Each detector is skipped when the characters it needs are absent.
   */
  return function findEntities(a: Mapped, spelled: Mapped = a, words: { atWords?: boolean; dotWords?: boolean } = {}): Entity[] {
    const out = newFound(a.text.length === 0 ? 0 : toOriginal(a, a.text.length - 1, a.text.length)[1], ctx);
    const text = a.text;
    const shape = textShape(text);
    if (mayHaveLink(text, shape, ctx.cls)) findLinks(text, a, out, shape, ctx);
    const spelledHosts = words.dotWords !== false || shape.spacedDot;
    const emails = shape.at || words.atWords !== false;
    // One pass over the tokens finds the at- and dot-words the two patterns below can use.
    const tokens = spelledHosts || emails ? wordTokens(text, ctx, emails, spelledHosts) : undefined;
    if (spelledHosts) eachStickyMatch(text, spelledHost, spelledHostStarts(text, shape.openBrackets, tokens!.dots, ctx), (m) => addUrl(out, a, ctx, m.index, m[0].replace(spelledSepRe, "."), true, m[0].length));
    if (emails) findEmails(text, a, out, ctx, addressStarts(text, tokens!.ats, ctx), email, atRe, dotRe, bareAtRe, mailHosts, hostWords);
    if (shape.at) {
      findHandles(text, a, out);
      findPaymentIds(text, a, out);
    }
    const digits = spelled.text;
    const d = spelled === a ? shape : digitShape(digits);
    if (d.threeClose) {
      // Each number detector only when its shape can be there at all (most messages have a price or a date, nothing more).
      if (d.closePair) findIbans(digits, spelled, out, d.pairs);
      if (d.cardRun >= 13) findCards(digits, spelled, out);
      if (d.longestRun >= 9 || (d.longestRun >= 3 && digits.includes("-") && DASHED_ID_SHAPE.test(digits))) findGovIds(digits, spelled, out);
      if (spelled !== a || (d.chain >= 6 && PHONE_SHAPE.test(digits)) || d.chain >= BARE_NATIONAL_DIGITS[0]) findPhones(digits, spelled, out, ctx);
      // Israeli IDs last: a tenth of all 9-digit numbers pass their check, so they must not hide a phone number.
      if (d.longestRun >= 9) findIsraeliIds(digits, spelled, out);
      if (d.longestRun >= 3) findDigitCodes(digits, spelled, out);
    }
    if (shape.longAlnumRun) findCrypto(text, a, out, ctx);
    if (shape.separators.length > 0) findExecutables(text, a, out, shape.separators, ctx.cls);
    return out.entities;
  };
}

/** Number shapes worth a closer look, past what the digit shape tells (dashes, prefixes). */
const DASHED_ID_SHAPE = /\d{3}-\d{2}-\d{4}|\d{6}-\d{5}/;
const PHONE_SHAPE = /(?:\+|00|\(?0)\s?\d(?:\D{0,3}\d){5}/;

/** Per-scanner memos and matchers the detectors share (made by createEntityDetector, never global). */
type DetectorContext = {
  cls: CharClasses;
  /** validHost answers by host. */
  hosts: Map<string, boolean>;
  /** Phone number strength ("strong" | "possible" | "weak") by digits. */
  phones: Map<string, string>;
  /** bech32 checksum answers and base58 networks by address (checksums cost two SHA-256s). */
  wallets: Map<string, boolean>;
  base58: Map<string, string>;
  /** What the WHATWG parser made of links plainUrl cannot read (non-ASCII hosts, ports, queries…). */
  urls: Map<string, UrlParts | null>;
  atWords: WordMatcher;
  dotWords: WordMatcher;
  cjkDots: string[];
  /** Scratch for Found.cover, reused across messages (grows to the longest message). */
  cover: Uint16Array;
};

function validHostMemo(ctx: DetectorContext, host: string): boolean {
  return memoised(ctx.hosts, host, validHost);
}


/** One bit per entity kind, for Found.cover. */
const KIND_BITS: Record<EntityKind, number> = { phone: 1, email: 2, url: 4, handle: 8, payment_id: 16, card: 32, iban: 64, crypto: 128, gov_id: 256, digits: 512, executable: 1024 };
const bitsOf = (kinds: EntityKind[]) => kinds.reduce((b, k) => b | KIND_BITS[k], 0);

/** Kinds an entity of some kind must not overlap (the ones found before it win). */
const LINKS = bitsOf(["url", "email"]);
const UNDER_CARD = bitsOf(["iban"]);
const UNDER_SPELLED_PHONE = bitsOf(["iban", "card", "phone"]);
const UNDER_PHONE = bitsOf(["iban", "card", "url", "email", "phone", "gov_id"]);
const UNDER_IL_ID = bitsOf(["card", "iban", "gov_id"]);
const UNDER_DIGIT_CODE = bitsOf(["phone", "card", "iban", "gov_id", "url", "email"]);

/**
 * The entities found so far, with the kinds found at each position of the original text (bits of
 * KIND_BITS), so that "does a phone number overlap an IBAN here?" costs the span's length, not the
 * number of entities. cover is the scanner's scratch buffer, cleared per message; only entities is returned.
 */
type Found = { entities: Entity[]; cover: Uint16Array; size: number };

function newFound(size: number, ctx: DetectorContext): Found {
  if (ctx.cover.length < size) ctx.cover = new Uint16Array(Math.max(size, ctx.cover.length * 2));
  else ctx.cover.fill(0, 0, size);
  return { entities: [], cover: ctx.cover, size };
}

function overlaps(out: Found, start: number, end: number, kinds: number): boolean {
  for (let i = Math.max(0, start); i < end && i < out.size; i++) if (out.cover[i]! & kinds) return true;
  return false;
}

/** Most matches one detector looks at in a message: chat messages have a handful; this bounds adversarial input. */
const MAX_MATCHES = 200;

/** Calls found for each match of a global regex, at most MAX_MATCHES of them (an exec loop: no array of matches). */
function eachMatch(text: string, re: RegExp, found: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text), n = 0; m !== null && n < MAX_MATCHES; m = re.exec(text), n++) {
    if (m[0].length === 0) re.lastIndex++;
    found(m);
  }
  re.lastIndex = 0;
}

// ---- links ----
// Defanged schemes too (hxxps://, http[:]//): lure writers copy them from security advice to dodge link filters.
const URL_SCHEME = /\b(?:https?|ftp|h[x*]{2}ps?)(?::|\[:\])\/\/[^\s<>"'`]+/giu;
const USERINFO_URL = /(?<![\p{L}\p{N}_.\-])([\p{L}\p{N}.\-]{1,100}\.[\p{L}]{2,})@([\p{L}\p{N}](?:[\p{L}\p{N}.\-]{0,200}[\p{L}\p{N}])?\.[\p{L}]{2,})(\/[^\s<>"'`]*)/iuy;
// The host may follow a Hebrew or Arabic one-letter proclitic and a hyphen ("ל-wa.me", "ב-fiverr.com").
const BARE_HOST = /(?:(?<![\p{L}\p{N}_@.\/\-])|(?<=(?<![\p{L}\p{N}])[\u0590-\u05ff\u0600-\u06ff]-))((?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,62})?(?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\))){1,8}[\p{L}][\p{L}\p{N}\-]{1,62})(?::\d{2,5})?((?:[/?#])[^\s<>"'`]*)?/iuy;
const TRAILING_CHARS = `.,;:!?)]}'"»”’`;
const TRAILING = /[.,;:!?)\]}'"»”’]+$/u;

/** /[\p{L}\p{N}](?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\))[\p{L}\p{N}]|:\/\//iu: a dot between word characters, a scheme or a defanged dot. */
function mayHaveLink(text: string, shape: TextShape, cls: CharClasses): boolean {
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

/** Runs a sticky regex at each start (ascending) past the previous match, like a global scan would. */
function eachStickyMatch(text: string, re: RegExp, starts: number[], found: (m: RegExpExecArray) => void): void {
  let from = 0;
  let n = 0;
  for (const s of starts) {
    if (s < from) continue;
    re.lastIndex = s;
    const m = re.exec(text);
    if (!m) continue;
    found(m);
    from = m.index + m[0].length;
    if (++n >= MAX_MATCHES) break;
  }
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

function addUrl(out: Found, a: Mapped, ctx: DetectorContext, s: number, raw: string, spaced = false, rawLength?: number): void {
  const trimmed = TRAILING_CHARS.includes(raw[raw.length - 1]!) ? raw.replace(TRAILING, "") : raw;
  const e = s + (rawLength ?? trimmed.length);
  const clean = cleanUrl(trimmed);
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(clean);
  const parsed: UrlParts | null = plainUrl(clean) ?? memoised(ctx.urls, hasScheme ? clean : `http://${clean}`, parseUrlParts);
  if (!parsed) return;
  const { hostname, pathname, username = "" } = parsed;
  const rootPath = pathname === "/";
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (!host || !validHostMemo(ctx, host)) return;
  const tld = host.slice(host.lastIndexOf(".") + 1);
  if (!hasScheme && FILE_TLDS.has(tld) && rootPath && !username) return;
  if (overlaps(out, ...toOriginal(a, s, e), LINKS)) return;
  push(out, a, s, e, "url", clean, { detail: host, ...(username ? { userinfo: decodedUserinfo(username) } : {}), ...(spaced ? { spaced } : {}) });
}

/** The user-info as written: a broken percent escape ("%E0%A4%A@…") is kept as it is rather than failing the scan. */
function decodedUserinfo(username: string): string {
  try {
    return decodeURIComponent(username);
  } catch {
    return username;
  }
}

/** The parts of a URL the detectors use, null when the WHATWG parser rejects it. */
type UrlParts = { hostname: string; pathname: string; username?: string };
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

function findLinks(text: string, a: Mapped, out: Found, shape: TextShape, ctx: DetectorContext): void {
  // Without a "." or ":" only defanged dots are left: "bad(dot)ru" counts as a spelled host only (see spelledHostStarts).
  if (!text.includes(".") && !text.includes(":")) return;
  if (shape.at) eachStickyMatch(text, USERINFO_URL, userinfoStarts(text, ctx.cls), (m) => addUrl(out, a, ctx, m.index, m[0]));
  if (shape.slashes) eachMatch(text, URL_SCHEME, (m) => addUrl(out, a, ctx, m.index, m[0]));
  eachStickyMatch(text, BARE_HOST, bareHostStarts(text, shape.separators, ctx.cls), (m) => {
    // "name@host.tld" is an e-mail address, found below.
    if ((m.index > 0 && text[m.index - 1] === "@") || text[m.index + m[0].length] === "@") return;
    addUrl(out, a, ctx, m.index, m[0]);
  });
}

// ---- at- and dot-words ----
/** Positions [start, end) of the tokens that are at-words and dot-words (each list only when asked for). */
function wordTokens(text: string, ctx: DetectorContext, ats: boolean, dots: boolean): { ats: number[]; dots: number[] } {
  const found = { ats: [] as number[], dots: [] as number[] };
  const matchers = [...(ats ? [ctx.atWords] : []), ...(dots ? [ctx.dotWords] : [])];
  eachWordToken(text, matchers, (m, s, e) => (m === ctx.atWords ? found.ats : found.dots).push(s, e));
  return found;
}

/**
 * Where a spelled host ("discord . gg", "fiverr点com", "x (dot) y") can start: the start of the
 * label before each possible separator. A separator is " . ", a dot-word token, a bracket or a
 * CJK dot word, and the label before it a run of Latin, Cyrillic or Greek letters, digits and "-".
 */
function spelledHostStarts(text: string, openBrackets: number[], dotTokens: number[], ctx: DetectorContext): number[] {
  const ends: number[] = [];
  for (let i = text.indexOf("."); i >= 0; i = text.indexOf(".", i + 1)) if (i > 0 && isSpace(text.charCodeAt(i - 1))) ends.push(skipSpacesBefore(text, i));
  for (const i of openBrackets) ends.push(skipSpacesBefore(text, i));
  for (let k = 0; k < dotTokens.length; k += 2) ends.push(skipSpacesBefore(text, dotTokens[k]!));
  for (const w of ctx.cjkDots) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) ends.push(skipSpacesBefore(text, i));
  const starts: number[] = [];
  for (const e of ends) if (charBeforeIs(text, e, ctx.cls, isSpelledLabelChar)) starts.push(runStartBefore(text, e, ctx.cls, isSpelledLabelChar));
  return ascending(starts);
}

function ascending(xs: number[]): number[] {
  if (xs.length < 2) return xs;
  xs.sort((x, y) => x - y);
  return xs.filter((x, i) => i === 0 || xs[i - 1] !== x);
}

// ---- e-mail ----
/** Most address parts before the "@" (the pattern's part(DOT part){0,8}). */
const MAX_ADDRESS_PARTS = 9;

/**
 * Where an address can start, walking back from each separator ("@" and the at-word tokens)
 * through the local part: address parts (runs of [\p{L}\p{N}_%+-]) joined by the pattern's dots
 * (".", " dot-word ", "(dot-word)", "(.)"). Each part's start is a possible start; the walk stops
 * where the text between two parts cannot be a dot.
 */
function addressStarts(text: string, atTokens: number[], ctx: DetectorContext): number[] {
  const starts: number[] = [];
  const walk = (separator: number) => {
    // The at-separator may begin with spaces and a bracket ("\s?@", "\s+at", "\s*(\s*at").
    let end = separator;
    while (end > 0 && (isSpace(text.charCodeAt(end - 1)) || isOpenBracket(text.charCodeAt(end - 1)))) end--;
    for (let parts = 0; parts < MAX_ADDRESS_PARTS && charBeforeIs(text, end, ctx.cls, isAddressChar); parts++) {
      const start = runStartBefore(text, end, ctx.cls, isAddressChar);
      starts.push(start);
      const before = dotBefore(text, start, ctx);
      if (before < 0) break;
      end = before;
    }
  };
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) walk(at);
  for (let k = 0; k < atTokens.length; k += 2) walk(atTokens[k]!);
  return ascending(starts);
}

/** The end of the address part before a dot that ends at i, or -1 when no dot of the pattern ends there. */
function dotBefore(text: string, i: number, ctx: DetectorContext): number {
  if (text.charCodeAt(i - 1) === 46) return i - 1; // "."
  let p = skipSpacesBefore(text, i);
  if (p > 0 && isCloseBracket(text.charCodeAt(p - 1))) {
    // "\s*(\s*(dot-word|.)\s*)\s*"
    const q = skipSpacesBefore(text, p - 1);
    let inner: number;
    if (text.charCodeAt(q - 1) === 46) inner = q - 1;
    else if (charBeforeIs(text, q, ctx.cls, isAddressChar)) {
      inner = runStartBefore(text, q, ctx.cls, isAddressChar);
      if (!isWordAt(ctx.dotWords, text, inner, q)) return -1;
    } else return -1;
    const o = skipSpacesBefore(text, inner);
    if (o === 0 || !isOpenBracket(text.charCodeAt(o - 1))) return -1;
    return skipSpacesBefore(text, o - 1);
  }
  // "\s+dot-word\s+"
  if (p === i || !charBeforeIs(text, p, ctx.cls, isAddressChar)) return -1;
  const w = runStartBefore(text, p, ctx.cls, isAddressChar);
  if (!isWordAt(ctx.dotWords, text, w, p)) return -1;
  const before = skipSpacesBefore(text, w);
  return before === w ? -1 : before;
}

/** A domain dictated in another script ("яндекс.ру", "ג׳ימייל.קום") in ASCII when every label is a known spelling; else as written. */
function spelledDomain(domain: string, hostWords: Map<string, string>): string {
  if (hostWords.size === 0 || /^[\x00-\x7f]*$/.test(domain)) return domain;
  const labels = domain.split(".");
  const ascii = labels.map((l) => (/^[\x00-\x7f]+$/.test(l) ? l : hostWords.get(l)));
  return ascii.every((l) => l !== undefined) ? ascii.join(".") : domain;
}

function findEmails(text: string, a: Mapped, out: Found, ctx: DetectorContext, starts: number[], re: RegExp, atRe: RegExp, dotRe: RegExp, bareAtRe: RegExp, mailHosts: Set<string>, hostWords: Map<string, string>): void {
  eachStickyMatch(text, re, starts, (m) => {
    const after = text[m.index + m[0].length];
    if (after === "/") return; // user-info of a URL (fiverr.com@evil.xyz/…), found as a link
    const local = m[1]!.replace(dotRe, ".");
    const domain = spelledDomain(m[2]!.replace(dotRe, ".").toLowerCase(), hostWords);
    if (!validHostMemo(ctx, domain)) return;
    const sep = m[0].slice(m[1]!.length, m[0].length - m[2]!.length);
    if (!atRe.test(sep)) return;
    // "verify your identity at fiverr-check.com" is a sentence: a bare "at" before a real domain
    // makes an address only with a spelled dot too, or on a webmail domain.
    if (bareAtRe.test(sep) && m[2] === domain && !mailHosts.has(domain)) return;
    const [start, end] = toOriginal(a, m.index, m.index + m[0].length);
    // A link found inside the address (the domain part) is the address.
    const found = out.entities;
    for (let i = found.length - 1; i >= 0; i--) if (found[i]!.kind === "url" && found[i]!.start >= start && found[i]!.end <= end) found.splice(i, 1);
    push(out, a, m.index, m.index + m[0].length, "email", `${local.toLowerCase()}@${domain}`);
  });
}

// ---- handles ----
const HANDLE = /(?<![\p{L}\p{N}_.@])@\s?([\p{L}\p{N}_](?:[\p{L}\p{N}_.]{1,30}[\p{L}\p{N}_]))/gu;
function findHandles(text: string, a: Mapped, out: Found): void {
  if (!text.includes("@")) return;
  eachMatch(text, HANDLE, (m) => {
    const [s, e] = toOriginal(a, m.index, m.index + m[0].length);
    if (overlaps(out, s, e, LINKS)) return;
    push(out, a, m.index, m.index + m[0].length, "handle", m[1]!.toLowerCase());
  });
}

// ---- payment ids: UPI-style name@bank without a domain (rahul.design@okaxis) ----
const PAYMENT_ID = /(?<![\p{L}\p{N}_.@])([\p{L}\p{N}][\p{L}\p{N}._\-]{1,40})@([a-z]{2,20})(?![\p{L}\p{N}.@])/giuy;
function findPaymentIds(text: string, a: Mapped, out: Found): void {
  // Anchored at each "@" (a regex would try every position of the text as a name's start).
  for (let at = text.indexOf("@"), n = 0; at >= 0 && n < MAX_MATCHES; at = text.indexOf("@", at + 1), n++) {
    let from = at;
    while (from > 0 && from > at - 41 && ID_CHAR.test(text[from - 1]!)) from--;
    PAYMENT_ID.lastIndex = from;
    const m = PAYMENT_ID.exec(text);
    if (!m || m.index !== from) continue;
    const [s, e] = toOriginal(a, m.index, m.index + m[0].length);
    if (overlaps(out, s, e, LINKS)) continue;
    push(out, a, m.index, m.index + m[0].length, "payment_id", m[0].toLowerCase());
  }
}
const ID_CHAR = /^[\p{L}\p{N}._\-]$/u;

// ---- IBAN ----
const IBAN_START = /(?<![\p{L}\p{N}])([A-Za-z])\s?([A-Za-z])\s?(\d)\s?(\d)/uy;

/** Where an IBAN can start: a letter two to four characters before a pair of check digits (together or one space apart). */
function ibanStarts(text: string, pairs: number[]): number[] {
  const out: number[] = [];
  for (const q of pairs) {
    for (let s = Math.max(0, q - 4), last = out.length ? out[out.length - 1]! : -1; s <= q - 2; s++) if (s > last && isAsciiLetter(text.charCodeAt(s))) out.push(s);
  }
  return out;
}
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function findIbans(text: string, v: Mapped, out: Found, pairs: number[]): void {
  eachStickyMatch(text, IBAN_START, ibanStarts(text, pairs), (m) => {
    const country = (m[1]! + m[2]!).toUpperCase();
    const len = ibanLength(country);
    if (!len) return;
    let compact = country + m[3]! + m[4]!;
    let i = m.index + m[0].length;
    let last = i;
    while (i < text.length && compact.length < len) {
      let j = i;
      while (j < text.length && j - i < 3 && /[\s/.\-]/.test(text[j]!)) j++;
      if (j < text.length && /[A-Za-z0-9]/.test(text[j]!)) {
        compact += text[j]!.toUpperCase();
        i = j + 1;
        last = i;
      } else break;
    }
    if (compact.length === len && ibanValid(compact)) push(out, v, m.index, last, "iban", compact);
  });
}

// ---- cards ----
const CARD = /(?<![\p{N}\p{L}])\d(?:[ \-]?\d){12,18}(?![\p{N}])/gu;
function findCards(text: string, v: Mapped, out: Found): void {
  eachMatch(text, CARD, (m) => {
    const digits = m[0].replace(/\D/g, "");
    if (!"23456".includes(digits[0]!) || !luhnValid(digits) || /^(\d)\1+$/.test(digits)) return;
    const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
    if (overlaps(out, s, e, UNDER_CARD)) return;
    push(out, v, m.index, m.index + m[0].length, "card", digits);
  });
}

// ---- phones ----
const INTL_PHONE = /(?<![\p{L}\p{N}#/])(?:\+|00)\s?\d(?:[\s().\/\-–]{0,3}\d){5,16}(?![\p{N}])/gu;
const NATIONAL_PHONE = /(?<![\p{L}\p{N}#/.,\-])\(?0\d(?:[\s().\-]{0,2}\d){7,11}(?![\p{N}.,\-\/])/gu;
/**
 * A national number written without trunk 0 or country code, as in the US, India, China or Brazil
 * ("415 555 2671", "98765 43210", "138 1024 7765", "(11) 98765-4321"): 10 or 11 digits in a few groups.
 * Nearly every such number is valid somewhere, so it is "possible" only: the rules want a contact word beside it.
 */
// Spaces and hyphens only between the groups: with dots and colons it is a date or a time ("21.03.2025 18:00").
const BARE_NATIONAL = /(?<![\p{L}\p{N}#/.,:\-+])\(?\d{2,11}\)?(?:[ \-]{1,2}\d{2,5}){0,3}(?![\p{N}.,:\-\/])/gu;
const BARE_NATIONAL_DIGITS = [10, 11] as const;
const BARE_NATIONAL_REGIONS = ["US", "IN", "CN", "BR"] as const;
function bareNationalStrength(digits: string): string {
  return BARE_NATIONAL_REGIONS.some((r) => parsePhoneNumberFromString(digits, r)?.isValid()) ? "possible" : "weak";
}
/** A dictated number (all digits from number words) long enough to be a phone number, with no prefix. */
const SPELLED_DIGITS = /(?<![\p{N}+])\d{7,15}(?![\p{N}])/gu;
/** How sure the phone metadata is that +digits is a number: strong (valid) | possible | weak. */
function phoneStrength(digits: string): string {
  const p = parsePhoneNumberFromString(`+${digits}`);
  return p?.isValid() ? "strong" : p?.isPossible() ? "possible" : "weak";
}

function findPhones(text: string, v: Mapped, out: Found, ctx: DetectorContext): void {
  if (v.flags) {
    eachMatch(text, SPELLED_DIGITS, (m) => {
      if (!(flagsOf(v, m.index, m.index + m[0].length) & T.spelled) || (m.index > 0 && text[m.index - 1] === "+")) return;
      const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
      if (!overlaps(out, s, e, UNDER_SPELLED_PHONE)) push(out, v, m.index, m.index + m[0].length, "phone", m[0], { detail: "weak" });
    });
  }
  for (const re of [INTL_PHONE, NATIONAL_PHONE]) {
    eachMatch(text, re, (m) => {
      const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
      if (overlaps(out, s, e, UNDER_PHONE)) return;
      // "+44 (0) 7700…": the bracketed trunk zero is not dialled from abroad.
      let digits = m[0].replace(/\(\s?0\s?\)/, "").replace(/\D/g, "");
      const intl = re === INTL_PHONE;
      if (intl && m[0].startsWith("00")) digits = digits.slice(2);
      // "00 0000 0000 …" in a template is no number: a real one uses several different digits.
      if (digits.length < 7 || digits.length > 15 || new Set(digits).size < 3) return;
      const detail = intl ? memoised(ctx.phones, digits, phoneStrength) : "weak";
      push(out, v, m.index, m.index + m[0].length, "phone", intl ? `+${digits}` : digits, { detail });
    });
  }
  eachMatch(text, BARE_NATIONAL, (m) => {
    const digits = m[0].replace(/\D/g, "");
    if (digits.length < BARE_NATIONAL_DIGITS[0] || digits.length > BARE_NATIONAL_DIGITS[1] || new Set(digits).size < 3) return;
    const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
    if (overlaps(out, s, e, UNDER_PHONE)) return;
    const detail = bareNationalStrength(digits);
    if (detail === "possible") push(out, v, m.index, m.index + m[0].length, "phone", digits, { detail });
  });
}

// ---- crypto ----
const BECH32_ADDR = /(?<![\p{L}\p{N}])(?:bc1|tb1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{11,71}(?![\p{L}\p{N}])/gu;
const BASE58_ADDR = /(?<![\p{L}\p{N}])[13T][1-9A-HJ-NP-Za-km-z]{25,34}(?![\p{L}\p{N}])/gu;
const ETH_ADDR = /(?<![\p{L}\p{N}])0x[0-9a-fA-F]{40}(?![\p{L}\p{N}])/gu;
function findCrypto(text: string, a: Mapped, out: Found, ctx: DetectorContext): void {
  eachMatch(text, BECH32_ADDR, (m) => {
    if (memoised(ctx.wallets, m[0], bech32Valid)) push(out, a, m.index, m.index + m[0].length, "crypto", m[0].toLowerCase(), { detail: "btc" });
  });
  eachMatch(text, BASE58_ADDR, (m) => {
    const detail = memoised(ctx.base58, m[0], base58Network);
    if (detail) push(out, a, m.index, m.index + m[0].length, "crypto", m[0], { detail });
  });
  eachMatch(text, ETH_ADDR, (m) => {
    push(out, a, m.index, m.index + m[0].length, "crypto", m[0].toLowerCase(), { detail: "eth" });
  });
}

/** The network of a base58check address with a valid checksum ("btc" | "tron"), "" for none. */
function base58Network(address: string): string {
  const payload = base58check(address);
  if (!payload || payload.length !== 21) return "";
  const version = payload[0]!;
  return version === 0x41 ? "tron" : version === 0 || version === 5 ? "btc" : "";
}

// ---- identity numbers ----
const SSN = /(?<![\p{N}\-])\d{3}-\d{2}-\d{4}(?![\p{N}\-])/gu;
const LV_CODE = /(?<![\p{N}\-])\d{6}-\d{5}(?![\p{N}\-])/gu;
/** Israeli identity numbers are 9 plain digits: a tenth of random 9-digit numbers pass the check, so the rules want an ID word beside one. */
const IL_ID = /(?<![\p{N}\-.,\/])\d{9}(?![\p{N}\-.,\/])/gu;
function findIsraeliIds(text: string, v: Mapped, out: Found): void {
  eachMatch(text, IL_ID, (m) => {
    if (!israeliIdValid(m[0])) return;
    const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
    // It may overlap a national phone number: the rules decide by the words around it.
    if (!overlaps(out, s, e, UNDER_IL_ID)) push(out, v, m.index, m.index + m[0].length, "gov_id", m[0], { detail: "il_id" });
  });
}

function findGovIds(text: string, v: Mapped, out: Found): void {
  eachMatch(text, SSN, (m) => {
    if (ssnShapeValid(m[0].replace(/\D/g, ""))) push(out, v, m.index, m.index + m[0].length, "gov_id", m[0], { detail: "ssn" });
  });
  eachMatch(text, LV_CODE, (m) => {
    if (latvianPersonalCodeValid(m[0].replace(/\D/g, ""))) push(out, v, m.index, m.index + m[0].length, "gov_id", m[0], { detail: "lv_personal_code" });
  });
}

// ---- short digit groups (codes, CVV, PINs): they only count next to a word saying what they are ----
const DIGIT_GROUP = /(?<![\p{L}\p{N}.,\/])\d{3,8}(?:[\s\-]\d{3,4})?(?![\p{L}\p{N}%€$£]|[.,]\d)/gu;
function findDigitCodes(text: string, v: Mapped, out: Found): void {
  eachMatch(text, DIGIT_GROUP, (m) => {
    const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
    if (overlaps(out, s, e, UNDER_DIGIT_CODE)) return;
    push(out, v, m.index, m.index + m[0].length, "digits", m[0].replace(/\D/g, ""));
  });
}

// ---- executables and macro documents ----
const EXTENSIONS = "exe|msi|bat|cmd|ps1|vbs|vbe|scr|jar|apk|dmg|pkg|docm|xlsm|pptm|dotm|xlam|hta|lnk|reg|sh|run|appimage|deb|crx|xpi";
const EXECUTABLE = new RegExp(`(?<![\\p{L}\\p{N}])(?:[\\p{L}\\p{N}_\\-.]{1,100})?\\.(?:${EXTENSIONS})(?![\\p{L}\\p{N}])`, "iuy");
/** ".exe" and the like, as a file's extension (the places an executable's name can end); tried at each ".". */
const EXTENSION = new RegExp(`\\.(?:${EXTENSIONS})(?![\\p{L}\\p{N}])`, "iuy");
/** Longest name the pattern takes before the extension, in code units (100 code points). */
const MAX_NAME = 200;

/**
 * Where an executable's name can start: at an extension, or before it inside the run of name
 * characters ([\p{L}\p{N}_.-]) where the character before is no letter or digit ("my_setup.exe"
 * can start at "m" or at "s").
 */
function executableStarts(text: string, separators: number[], cls: CharClasses): number[] {
  const starts: number[] = [];
  for (let k = 0; k < separators.length; k += 2) {
    const dot = separators[k]!;
    if (text.charCodeAt(dot) !== 46) continue;
    EXTENSION.lastIndex = dot;
    if (!EXTENSION.test(text)) continue;
    const stop = Math.max(0, dot - MAX_NAME);
    for (let s = dot; ; s = previousIndex(text, s)) {
      if (!charBeforeIs(text, s, cls, isWordChar)) starts.push(s);
      if (s <= stop || !charBeforeIs(text, s, cls, isFileNameChar)) break;
    }
  }
  return ascending(starts);
}

function findExecutables(text: string, a: Mapped, out: Found, separators: number[], cls: CharClasses): void {
  const starts = executableStarts(text, separators, cls);
  if (starts.length) eachStickyMatch(text, EXECUTABLE, starts, (m) => push(out, a, m.index, m.index + m[0].length, "executable", m[0].toLowerCase()));
}
