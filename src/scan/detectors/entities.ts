// Entity detectors over the entity view: phone numbers, e-mail addresses, links, handles,
// payment cards, IBANs, wallet addresses, identity numbers, digit codes and executables.
// Every entity is validated (check digits, public suffixes, phone metadata) before it counts.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { parse as parseDomain } from "tldts";
import { T, toOriginal, flagsOf, type Mapped } from "../normalize.ts";
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
};

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** File extensions that are also top-level domains: a bare "fix.zip" is a file, not a link. */
const FILE_TLDS = new Set(["zip", "mov", "sh", "py", "rs", "md", "pl", "ps", "cc", "exe", "sql", "php", "js"]);

function push(out: Found, view: Mapped, s: number, e: number, kind: EntityKind, value: string, extra: Partial<Entity> = {}): void {
  const [start, end] = toOriginal(view, s, e);
  out.push({ kind, start, end, value, flags: flagsOf(view, s, e), ...extra });
  let c = out.cover.get(kind);
  if (!c) out.cover.set(kind, (c = new Uint8Array(out.size)));
  c.fill(1, start, end);
}

export function validHost(host: string): boolean {
  const p = parseDomain(host, { allowPrivateDomains: true });
  if (p.isIp) return true;
  // Private suffixes count too: "fiverr-help.ru.com" is a real, registrable host.
  return p.domain !== null && (p.isIcann === true || p.isPrivate === true) && !!p.domainWithoutSuffix;
}

/** Builds the detector set once (the e-mail pattern includes every language's at/dot words). */
export function createEntityDetector(opts: EntityOptions) {
  const atWords = opts.atWords.filter((w) => /^[\p{L}]+$/u.test(w)).map(esc);
  const dotWords = opts.dotWords.filter((w) => /^[\p{L}]+$/u.test(w)).map(esc);
  const open = "[\\(\\[\\{<]";
  const close = "[\\)\\]\\}>]";
  const atAlt = atWords.length ? `|\\s+(?:${atWords.join("|")})\\s+|\\s*${open}\\s*(?:${atWords.join("|")}|@)\\s*${close}\\s*` : "";
  const dotAlt = dotWords.length ? `|\\s+(?:${dotWords.join("|")})\\s+|\\s*${open}\\s*(?:${dotWords.join("|")}|\\.)\\s*${close}\\s*` : "";
  const AT = `(?:\\s?@\\s?${atAlt})`;
  const DOT = `(?:\\.${dotAlt})`;
  const part = "[\\p{L}\\p{N}_%+\\-]+";
  const label = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?";
  const email = new RegExp(`(?<![\\p{L}\\p{N}_.%+\\-])(${part}(?:${DOT}${part}){0,8})${AT}(${label}(?:${DOT}${label}){1,8})(?![\\p{L}\\p{N}])`, "giu");
  const atRe = new RegExp(AT, "iu");
  const bareAtRe = atWords.length ? new RegExp(`^\\s+(?:${atWords.join("|")})\\s+$`, "iu") : /^$/;
  // Hosts written with spelled or spaced dots: "discord . gg / x", "tinyurl נקודה com", "fiverr点com点x点cn".
  const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  const cjkDots = opts.dotWords.filter((w) => unspaced.test(w)).map(esc);
  // Host labels in the scripts hosts are written in (an Arabic or Han word next to "نقطة"/"点" is not a label).
  const hostLabel = "[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{N}\\-]{1,40}";
  const spelledSep = `(?:\\s+\\.\\s+${dotAlt}${cjkDots.length ? `|\\s*(?:${cjkDots.join("|")})\\s*` : ""})`;
  const spelledHost = new RegExp(`(?<![\\p{L}\\p{N}.\\-])${hostLabel}(?:${spelledSep}${hostLabel}){1,6}(?:\\s*\\/\\s*[\\p{L}\\p{N}_\\-]+)?`, "giu");
  const spelledSepRe = new RegExp(spelledSep, "giu");
  const dotRe = new RegExp(DOT, "giu");

  const mailHosts = opts.mailHosts ?? new Set<string>();
  /**
   * words: whether the text has at-words or dot-words at all (the scanner knows from its lexicon
   * pass; undefined = assume yes). Each detector is skipped when the characters it needs are absent.
   */
  return function findEntities(a: Mapped, spelled: Mapped = a, words: { atWords?: boolean; dotWords?: boolean } = {}): Entity[] {
    const out = newFound(a.text.length === 0 ? 0 : toOriginal(a, a.text.length - 1, a.text.length)[1]);
    const text = a.text;
    const at = text.includes("@");
    if (MAY_HAVE_LINK.test(text)) findLinks(text, a, out);
    if (words.dotWords !== false || / \. /.test(text)) for (const m of capped(text, spelledHost)) addUrl(out, a, m.index, m[0].replace(spelledSepRe, "."), true, m[0].length);
    if (at || words.atWords !== false) findEmails(text, a, out, email, atRe, dotRe, bareAtRe, mailHosts);
    if (at) {
      findHandles(text, a, out);
      findPaymentIds(text, a, out);
    }
    const digits = spelled.text;
    if (/\d\D{0,3}\d\D{0,3}\d/.test(digits)) {
      // Each number detector only when its shape can be there at all (most messages have a price or a date, nothing more).
      if (/[A-Za-z]\s?[A-Za-z]\s?\d\s?\d/.test(digits)) findIbans(digits, spelled, out);
      if (/\d(?:[ \-]?\d){12}/.test(digits)) findCards(digits, spelled, out);
      if (/\d{3}-\d{2}-\d{4}|\d{6}-\d{5}|\d{9}/.test(digits)) findGovIds(digits, spelled, out);
      if (spelled !== a || /(?:\+|00|\(?0)\s?\d(?:\D{0,3}\d){5}/.test(digits)) findPhones(digits, spelled, out);
      // Israeli IDs last: a tenth of all 9-digit numbers pass their check, so they must not hide a phone number.
      if (/\d{9}/.test(digits)) findIsraeliIds(digits, spelled, out);
      if (/\d{3}/.test(digits)) findDigitCodes(digits, spelled, out);
    }
    if (hasAlnumRun(text, 25)) findCrypto(text, a, out);
    if (MAY_HAVE_EXECUTABLE.test(text)) findExecutables(text, a, out);
    return out;
  };
}

/** Cheap pre-tests: a dot between word characters, a scheme or a defanged dot; an executable's extension. */
const MAY_HAVE_LINK = /[\p{L}\p{N}](?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\))[\p{L}\p{N}]|:\/\//iu;
const MAY_HAVE_EXECUTABLE = /\.(?:exe|msi|bat|cmd|ps1|vbs|vbe|scr|jar|apk|dmg|pkg|docm|xlsm|pptm|dotm|xlam|hta|lnk|reg|sh|run|appimage|deb|crx|xpi)(?![\p{L}\p{N}])/iu;

/** A run of at least n ASCII letters and digits (wallet addresses are 25 or more). */
function hasAlnumRun(text: string, n: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (++run >= n) return true;
    } else run = 0;
  }
  return false;
}

/**
 * The entities found so far, with the original-text positions each kind covers, so that "does a
 * phone number overlap an IBAN here?" costs the span's length, not the number of entities.
 */
type Found = Entity[] & { cover: Map<EntityKind, Uint8Array>; size: number };

function newFound(size: number): Found {
  return Object.assign([] as Entity[], { cover: new Map<EntityKind, Uint8Array>(), size });
}

function overlaps(out: Found, start: number, end: number, kinds: EntityKind[]): boolean {
  for (const k of kinds) {
    const c = out.cover.get(k);
    if (!c) continue;
    for (let i = Math.max(0, start); i < end && i < c.length; i++) if (c[i]) return true;
  }
  return false;
}

/** Most matches one detector looks at in a message: chat messages have a handful; this bounds adversarial input. */
const MAX_MATCHES = 200;
function capped(text: string, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && out.length < MAX_MATCHES; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

// ---- links ----
// Defanged schemes too (hxxps://, http[:]//): lure writers copy them from security advice to dodge link filters.
const URL_SCHEME = /\b(?:https?|ftp|h[x*]{2}ps?)(?::|\[:\])\/\/[^\s<>"'`]+/giu;
const USERINFO_URL = /(?<![\p{L}\p{N}_.\-])([\p{L}\p{N}.\-]{1,100}\.[\p{L}]{2,})@([\p{L}\p{N}](?:[\p{L}\p{N}.\-]{0,200}[\p{L}\p{N}])?\.[\p{L}]{2,})(\/[^\s<>"'`]*)/giu;
const BARE_HOST = /(?<![\p{L}\p{N}_@.\/\-])((?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,62})?(?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\))){1,8}[\p{L}][\p{L}\p{N}\-]{1,62})(?::\d{2,5})?((?:[/?#])[^\s<>"'`]*)?/giu;
const TRAILING = /[.,;:!?)\]}'"»”’]+$/u;

function addUrl(out: Found, a: Mapped, s: number, raw: string, spaced = false, rawLength?: number): void {
  const trimmed = raw.replace(TRAILING, "");
  const e = s + (rawLength ?? trimmed.length);
  const clean = trimmed
    .replace(/\[\.\]|\(\.\)|\[dot\]|\(dot\)/giu, ".")
    .replace(/^h[x*]{2}p(s?)/i, "http$1")
    .replace(/^([a-z]+)\[:\]/i, "$1:")
    .replace(/\s+/g, "");
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(clean) ? clean : `http://${clean}`);
  } catch {
    return;
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (!host || !validHost(host)) return;
  const tld = host.slice(host.lastIndexOf(".") + 1);
  const bare = !/^[a-z][a-z0-9+.-]*:\/\//i.test(clean);
  if (bare && FILE_TLDS.has(tld) && url.pathname === "/" && !url.username) return;
  if (overlaps(out, ...toOriginal(a, s, e), ["url", "email"])) return;
  push(out, a, s, e, "url", clean, { detail: host, ...(url.username ? { userinfo: decodeURIComponent(url.username) } : {}), ...(spaced ? { spaced } : {}) });
}

function findLinks(text: string, a: Mapped, out: Found): void {
  if (!/[.:]/.test(text)) return;
  if (text.includes("@")) for (const m of capped(text, USERINFO_URL)) addUrl(out, a, m.index, m[0]);
  for (const m of capped(text, URL_SCHEME)) addUrl(out, a, m.index, m[0]);
  for (const m of capped(text, BARE_HOST)) {
    // "name@host.tld" is an e-mail address, found below.
    if ((m.index > 0 && text[m.index - 1] === "@") || text[m.index + m[0].length] === "@") continue;
    addUrl(out, a, m.index, m[0]);
  }
}

// ---- e-mail ----
function findEmails(text: string, a: Mapped, out: Found, re: RegExp, atRe: RegExp, dotRe: RegExp, bareAtRe: RegExp, mailHosts: Set<string>): void {
  re.lastIndex = 0;
  for (const m of capped(text, re)) {
    const after = text[m.index + m[0].length];
    if (after === "/") continue; // user-info of a URL (fiverr.com@evil.xyz/…), found as a link
    const local = m[1]!.replace(dotRe, ".");
    const domain = m[2]!.replace(dotRe, ".").toLowerCase();
    if (!validHost(domain)) continue;
    const sep = m[0].slice(m[1]!.length, m[0].length - m[2]!.length);
    if (!atRe.test(sep)) continue;
    // "verify your identity at fiverr-check.com" is a sentence: a bare "at" before a real domain
    // makes an address only with a spelled dot too, or on a webmail domain.
    if (bareAtRe.test(sep) && m[2] === domain && !mailHosts.has(domain)) continue;
    const [start, end] = toOriginal(a, m.index, m.index + m[0].length);
    // A link found inside the address (the domain part) is the address.
    for (let i = out.length - 1; i >= 0; i--) if (out[i]!.kind === "url" && out[i]!.start >= start && out[i]!.end <= end) out.splice(i, 1);
    push(out, a, m.index, m.index + m[0].length, "email", `${local.toLowerCase()}@${domain}`);
  }
}

// ---- handles ----
const HANDLE = /(?<![\p{L}\p{N}_.@])@\s?([\p{L}\p{N}_](?:[\p{L}\p{N}_.]{1,30}[\p{L}\p{N}_]))/gu;
function findHandles(text: string, a: Mapped, out: Found): void {
  if (!text.includes("@")) return;
  for (const m of capped(text, HANDLE)) {
    const [s, e] = toOriginal(a, m.index, m.index + m[0].length);
    if (overlaps(out, s, e, ["email", "url"])) continue;
    push(out, a, m.index, m.index + m[0].length, "handle", m[1]!.toLowerCase());
  }
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
    if (overlaps(out, s, e, ["email", "url"])) continue;
    push(out, a, m.index, m.index + m[0].length, "payment_id", m[0].toLowerCase());
  }
}
const ID_CHAR = /^[\p{L}\p{N}._\-]$/u;

// ---- IBAN ----
const IBAN_START = /(?<![\p{L}\p{N}])([A-Za-z])\s?([A-Za-z])\s?(\d)\s?(\d)/gu;
function findIbans(text: string, v: Mapped, out: Found): void {
  for (const m of capped(text, IBAN_START)) {
    const country = (m[1]! + m[2]!).toUpperCase();
    const len = ibanLength(country);
    if (!len) continue;
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
  }
}

// ---- cards ----
const CARD = /(?<![\p{N}\p{L}])\d(?:[ \-]?\d){12,18}(?![\p{N}])/gu;
function findCards(text: string, v: Mapped, out: Found): void {
  for (const m of capped(text, CARD)) {
    const digits = m[0].replace(/\D/g, "");
    if (!"23456".includes(digits[0]!) || !luhnValid(digits) || /^(\d)\1+$/.test(digits)) continue;
    const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
    if (overlaps(out, s, e, ["iban"])) continue;
    push(out, v, m.index, m.index + m[0].length, "card", digits);
  }
}

// ---- phones ----
const INTL_PHONE = /(?<![\p{L}\p{N}#/])(?:\+|00)\s?\d(?:[\s().\/\-–]{0,3}\d){5,16}(?![\p{N}])/gu;
const NATIONAL_PHONE = /(?<![\p{L}\p{N}#/.,\-])\(?0\d(?:[\s().\-]{0,2}\d){7,11}(?![\p{N}.,\-\/])/gu;
/** A dictated number (all digits from number words) long enough to be a phone number, with no prefix. */
const SPELLED_DIGITS = /(?<![\p{N}+])\d{7,15}(?![\p{N}])/gu;
function findPhones(text: string, v: Mapped, out: Found): void {
  if (v.flags) {
    for (const m of capped(text, SPELLED_DIGITS)) {
      if (!(flagsOf(v, m.index, m.index + m[0].length) & T.spelled) || (m.index > 0 && text[m.index - 1] === "+")) continue;
      const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
      if (!overlaps(out, s, e, ["iban", "card", "phone"])) push(out, v, m.index, m.index + m[0].length, "phone", m[0], { detail: "weak" });
    }
  }
  for (const re of [INTL_PHONE, NATIONAL_PHONE]) {
    for (const m of capped(text, re)) {
      const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
      if (overlaps(out, s, e, ["iban", "card", "url", "email", "phone", "gov_id"])) continue;
      // "+44 (0) 7700…": the bracketed trunk zero is not dialled from abroad.
      let digits = m[0].replace(/\(\s?0\s?\)/, "").replace(/\D/g, "");
      const intl = re === INTL_PHONE;
      if (intl && m[0].startsWith("00")) digits = digits.slice(2);
      // "00 0000 0000 …" in a template is no number: a real one uses several different digits.
      if (digits.length < 7 || digits.length > 15 || new Set(digits).size < 3) continue;
      let detail = "weak";
      if (intl) {
        const p = parsePhoneNumberFromString(`+${digits}`);
        detail = p?.isValid() ? "strong" : p?.isPossible() ? "possible" : "weak";
      }
      push(out, v, m.index, m.index + m[0].length, "phone", intl ? `+${digits}` : digits, { detail });
    }
  }
}

// ---- crypto ----
const BECH32_ADDR = /(?<![\p{L}\p{N}])(?:bc1|tb1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{11,71}(?![\p{L}\p{N}])/gu;
const BASE58_ADDR = /(?<![\p{L}\p{N}])[13T][1-9A-HJ-NP-Za-km-z]{25,34}(?![\p{L}\p{N}])/gu;
const ETH_ADDR = /(?<![\p{L}\p{N}])0x[0-9a-fA-F]{40}(?![\p{L}\p{N}])/gu;
function findCrypto(text: string, a: Mapped, out: Found): void {
  for (const m of capped(text, BECH32_ADDR)) if (bech32Valid(m[0])) push(out, a, m.index, m.index + m[0].length, "crypto", m[0].toLowerCase(), { detail: "btc" });
  for (const m of capped(text, BASE58_ADDR)) {
    const payload = base58check(m[0]);
    if (!payload || payload.length !== 21) continue;
    const version = payload[0]!;
    const detail = version === 0x41 ? "tron" : version === 0 || version === 5 ? "btc" : undefined;
    if (detail) push(out, a, m.index, m.index + m[0].length, "crypto", m[0], { detail });
  }
  for (const m of capped(text, ETH_ADDR)) push(out, a, m.index, m.index + m[0].length, "crypto", m[0].toLowerCase(), { detail: "eth" });
}

// ---- identity numbers ----
const SSN = /(?<![\p{N}\-])\d{3}-\d{2}-\d{4}(?![\p{N}\-])/gu;
const LV_CODE = /(?<![\p{N}\-])\d{6}-\d{5}(?![\p{N}\-])/gu;
/** Israeli identity numbers are 9 plain digits: a tenth of random 9-digit numbers pass the check, so the rules want an ID word beside one. */
const IL_ID = /(?<![\p{N}\-.,\/])\d{9}(?![\p{N}\-.,\/])/gu;
function findIsraeliIds(text: string, v: Mapped, out: Found): void {
  for (const m of capped(text, IL_ID)) {
    if (!israeliIdValid(m[0])) continue;
    const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
    // It may overlap a national phone number: the rules decide by the words around it.
    if (!overlaps(out, s, e, ["card", "iban", "gov_id"])) push(out, v, m.index, m.index + m[0].length, "gov_id", m[0], { detail: "il_id" });
  }
}

function findGovIds(text: string, v: Mapped, out: Found): void {
  for (const m of capped(text, SSN)) if (ssnShapeValid(m[0].replace(/\D/g, ""))) push(out, v, m.index, m.index + m[0].length, "gov_id", m[0], { detail: "ssn" });
  for (const m of capped(text, LV_CODE)) {
    if (latvianPersonalCodeValid(m[0].replace(/\D/g, ""))) push(out, v, m.index, m.index + m[0].length, "gov_id", m[0], { detail: "lv_personal_code" });
  }
}

// ---- short digit groups (codes, CVV, PINs): they only count next to a word saying what they are ----
const DIGIT_GROUP = /(?<![\p{L}\p{N}.,\/])\d{3,8}(?:[\s\-]\d{3,4})?(?![\p{L}\p{N}%€$£]|[.,]\d)/gu;
function findDigitCodes(text: string, v: Mapped, out: Found): void {
  for (const m of capped(text, DIGIT_GROUP)) {
    const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
    if (overlaps(out, s, e, ["phone", "card", "iban", "gov_id", "url", "email"])) continue;
    push(out, v, m.index, m.index + m[0].length, "digits", m[0].replace(/\D/g, ""));
  }
}

// ---- executables and macro documents ----
const EXECUTABLE = /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}_\-.]{1,100})?\.(?:exe|msi|bat|cmd|ps1|vbs|vbe|scr|jar|apk|dmg|pkg|docm|xlsm|pptm|dotm|xlam|hta|lnk|reg|sh|run|appimage|deb|crx|xpi)(?![\p{L}\p{N}])/giu;
function findExecutables(text: string, a: Mapped, out: Found): void {
  if (!text.includes(".")) return;
  for (const m of capped(text, EXECUTABLE)) push(out, a, m.index, m.index + m[0].length, "executable", m[0].toLowerCase());
}
