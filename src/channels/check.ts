// Is this e-mail address, phone number, URL or domain an official channel?
// official (which channel) | lookalike (of which official domain or address) | unknown.
// Pure: the official channels and platform domains are passed in.
import { parse as parseDomain } from "tldts";
import { comparisonKey } from "../lookalike/key.ts";
import { defaultWordData } from "../lookalike/words.ts";
import { damerauLevenshtein, withinOneEdit } from "../lookalike/distance.ts";
import { hasBidiControls } from "../text/bidi.ts";
import { findDefaultIgnorables } from "../text/ignorables.ts";
import { isMixedScript } from "../text/scripts.ts";
import { asciiDigits } from "./digits.ts";
import { suspectChars } from "../lookalike/explain.ts";
import type { SuspectChar } from "../lookalike/types.ts";
import { hostToUnicode } from "./punycode.ts";
import { normalizeChannelValue, normalizeDomain, normalizeEmail, normalizePhone, normalizeUrl, parseUrl, type ChannelKind } from "./normalize.ts";

export type OfficialChannel = { id?: string; kind: ChannelKind; value: string; purpose?: Record<string, string> };
export type CheckedKind = "email" | "phone" | "url" | "domain";
export type ChannelVerdict = "official" | "lookalike" | "unknown";
export type ChannelReason = { rule: string; message: string; chars?: SuspectChar[] };

export type ChannelCheck = {
  value: string;
  kind: CheckedKind;
  normalized: string;
  verdict: ChannelVerdict;
  /** The registered channel matched (official), when there is one. */
  channel: OfficialChannel | null;
  /** What a look-alike imitates: an official domain or address. */
  target: string | null;
  reasons: ChannelReason[];
};

export type ChannelIndex = {
  channels: { channel: OfficialChannel; normalized: string }[];
  /** Official registrable domains (platform domains and the domains of e-mail, URL and domain channels, not social networks). */
  domains: Set<string>;
  /** Comparison keys of the official domains' labels ("fiverr"), with the domain. */
  labels: { key: string; domain: string }[];
  brandKeys: string[];
};

function registrable(host: string): { domain: string; label: string; subdomain: string; suffix: string } | undefined {
  const p = parseDomain(host);
  if (!p.domain || !p.domainWithoutSuffix || p.isIp) return undefined;
  return { domain: p.domain, label: p.domainWithoutSuffix, subdomain: p.subdomain ?? "", suffix: p.publicSuffix ?? "" };
}

export function buildChannelIndex(channels: OfficialChannel[], platform: { domains: string[]; brandWords: string[] }): ChannelIndex {
  const domains = new Set<string>();
  for (const d of platform.domains) {
    const r = registrable(normalizeDomain(d));
    if (r) domains.add(r.domain);
  }
  const indexed = channels.map((channel) => ({ channel, normalized: normalizeChannelValue(channel.kind, channel.value) }));
  for (const { channel, normalized } of indexed) {
    const host = channel.kind === "email" ? normalized.split("@")[1] : channel.kind === "url" ? parseUrl(normalized)?.hostname : channel.kind === "domain" ? normalized : undefined;
    const r = host ? registrable(host) : undefined;
    if (r) domains.add(r.domain);
  }
  const labels = [...domains].map((domain) => ({ key: comparisonKey(registrable(domain)!.label), domain }));
  // The brand's known Latin misspellings too ("fivver", "fiverrr"): a domain built on one imitates the brand.
  const misspelt = platform.brandWords.flatMap((b) => defaultWordData.brands[b.toLowerCase()] ?? []).map(comparisonKey).filter((k) => LATIN_KEY.test(k));
  const brandKeys = [...new Set([...platform.brandWords.map(comparisonKey), ...labels.map((l) => l.key), ...misspelt])].filter((k) => k.length >= 4 || platform.brandWords.some((b) => comparisonKey(b) === k));
  return { channels: indexed, domains, labels, brandKeys };
}

/** Guesses what a value is: e-mail, URL, phone number, domain, or (anything else) a handle. */
export function detectValueKind(value: string): CheckedKind | "handle" {
  const v = value.normalize("NFKC").trim();
  if (/^(mailto:)?[^\s@]+@[^\s@]+\.[^\s@]+$/i.test(v)) return "email";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^www\./i.test(v)) return "url";
  const digits = asciiDigits(v);
  if (/^\+?[\d\s().\-‐–]{6,}$/.test(digits) && (digits.match(/\d/g)?.length ?? 0) >= 7) return "phone";
  if (/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(\/\S*)?$/u.test(v)) {
    const host = v.split("/")[0]!;
    const p = parseDomain(host);
    if (p.isIcann && p.domain) return v.includes("/") ? "url" : "domain";
  }
  return "handle";
}

/** How a host imitates an official domain, if it does. */
function hostLookalike(index: ChannelIndex, host: string): { target: string; reasons: ChannelReason[] } | undefined {
  const unicodeHost = hostToUnicode(host);
  const r = registrable(unicodeHost) ?? registrable(host);
  if (!r) return undefined;
  const reasons: ChannelReason[] = [];
  if (unicodeHost !== host) reasons.push({ rule: "punycode", message: `${host} is displayed as ${unicodeHost}` });
  if (isMixedScript(r.label)) reasons.push({ rule: "mixed_script", message: `the name ${r.label} mixes scripts` });
  const labelKey = comparisonKey(r.label);
  const charsImitating = (domain: string): ChannelReason[] => {
    const chars = suspectChars(r.label, { text: registrable(domain)?.label ?? domain, whole: true }).filter((c) => c.kind !== "invisible" && c.kind !== "bidi_control");
    return chars.length ? [{ rule: "confusable_characters", message: chars.map((c) => `${c.char} (${c.codePoint}, ${c.script}) looks like ${c.imitates}`).join("; "), chars }] : [];
  };
  for (const { key, domain } of index.labels) {
    if (labelKey === key) return { target: domain, reasons: [...reasons, { rule: "same_key", message: `${r.domain} reads like the official ${domain}` }, ...charsImitating(domain)] };
    if (key.length >= 5 && (withinOneEdit(labelKey, key) || (key.length >= 8 && damerauLevenshtein(labelKey, key, 2) <= 2))) {
      return { target: domain, reasons: [...reasons, { rule: "edit_distance", message: `${r.domain} is a misspelling of the official ${domain}` }] };
    }
  }
  const subKey = comparisonKey(r.subdomain);
  for (const brand of index.brandKeys) {
    const target = index.labels[0]?.domain ?? brand;
    if (labelKey.includes(brand)) return { target, reasons: [...reasons, { rule: "brand_in_domain", message: `${r.domain} is not an official domain but contains the brand` }] };
    if (subKey.includes(brand)) return { target, reasons: [...reasons, { rule: "brand_in_subdomain", message: `the official name appears only as a subdomain of ${r.domain}, which is not official` }] };
  }
  return undefined;
}

const LATIN_KEY = /^[a-z0-9]+$/;

function isOfficialHost(index: ChannelIndex, host: string): boolean {
  const r = registrable(host);
  return r !== undefined && index.domains.has(r.domain);
}

function unknown(value: string, kind: CheckedKind, normalized: string, reasons: ChannelReason[] = []): ChannelCheck {
  return { value, kind, normalized, verdict: "unknown", channel: null, target: null, reasons };
}

function characterReasons(value: string): ChannelReason[] {
  const reasons: ChannelReason[] = [];
  if (hasBidiControls(value)) reasons.push({ rule: "bidi_control", message: "contains bidirectional control characters" });
  if (findDefaultIgnorables(value).length) reasons.push({ rule: "invisible_characters", message: "contains invisible characters" });
  return reasons;
}

export function checkChannel(index: ChannelIndex, value: string, kind: CheckedKind = detectAsChannel(value)): ChannelCheck {
  const extra = characterReasons(value);
  if (kind === "phone") {
    const normalized = normalizePhone(value);
    const hit = index.channels.find((c) => c.channel.kind === "phone" && c.normalized === normalized);
    if (hit) return { value, kind, normalized, verdict: "official", channel: hit.channel, target: null, reasons: [{ rule: "registered_channel", message: `the registered ${hit.channel.kind} channel ${hit.channel.value}` }] };
    const near = index.channels.find((c) => c.channel.kind === "phone" && normalized.length >= 9 && withinOneEdit(c.normalized, normalized));
    if (near) return { value, kind, normalized, verdict: "lookalike", channel: null, target: near.channel.value, reasons: [...extra, { rule: "edit_distance", message: `one digit away from the official number ${near.channel.value}` }] };
    return unknown(value, kind, normalized, extra);
  }
  if (kind === "email") {
    const normalized = normalizeEmail(value);
    const hit = index.channels.find((c) => c.channel.kind === "email" && c.normalized === normalized);
    if (hit) return { value, kind, normalized, verdict: "official", channel: hit.channel, target: null, reasons: [{ rule: "registered_channel", message: `the registered e-mail channel ${hit.channel.value}` }] };
    const [local = "", host = ""] = [normalized.slice(0, normalized.lastIndexOf("@")), normalized.slice(normalized.lastIndexOf("@") + 1)];
    if (isOfficialHost(index, host)) return unknown(value, kind, normalized, [{ rule: "official_domain_unregistered_address", message: `on the official domain ${registrable(host)!.domain}, but not a registered address` }]);
    const look = hostLookalike(index, host);
    if (look) {
      const sameLocal = index.channels.find((c) => c.channel.kind === "email" && c.normalized.startsWith(`${local}@`));
      return { value, kind, normalized, verdict: "lookalike", channel: null, target: sameLocal?.channel.value ?? look.target, reasons: [...extra, ...look.reasons] };
    }
    return unknown(value, kind, normalized, extra);
  }
  const normalized = kind === "url" ? normalizeUrl(value) : normalizeDomain(value);
  const host = kind === "url" ? (parseUrl(value)?.hostname ?? "") : normalized;
  if (kind === "url") {
    const hit = index.channels
      .filter((c) => (c.channel.kind === "url" || c.channel.kind === "social") && (normalized === c.normalized || normalized.startsWith(c.normalized + "/")))
      .sort((a, b) => b.normalized.length - a.normalized.length)[0];
    if (hit) return { value, kind, normalized, verdict: "official", channel: hit.channel, target: null, reasons: [{ rule: "registered_channel", message: `the registered ${hit.channel.kind} channel ${hit.channel.value}` }] };
  } else {
    const hit = index.channels.find((c) => c.channel.kind === "domain" && c.normalized === normalized);
    if (hit) return { value, kind, normalized, verdict: "official", channel: hit.channel, target: null, reasons: [{ rule: "registered_channel", message: `the registered domain ${hit.channel.value}` }] };
  }
  if (isOfficialHost(index, host)) {
    const domain = registrable(host)!.domain;
    return { value, kind, normalized, verdict: "official", channel: { kind: "domain", value: domain }, target: null, reasons: [{ rule: "official_domain", message: `on the official domain ${domain}` }] };
  }
  const look = hostLookalike(index, host);
  if (look) return { value, kind, normalized, verdict: "lookalike", channel: null, target: look.target, reasons: [...extra, ...look.reasons] };
  const profile = kind === "url" ? profileLookalike(index, normalized) : undefined;
  if (profile) return { value, kind, normalized, verdict: "lookalike", channel: null, target: profile.target, reasons: [...extra, profile.reason] };
  return unknown(value, kind, normalized, extra);
}

/** A profile on a social network where the platform has an official one, whose name imitates the brand (twitter.com/fiverr_support). */
function profileLookalike(index: ChannelIndex, normalized: string): { target: string; reason: ChannelReason } | undefined {
  if (!index.channels.some((c) => c.channel.kind === "social")) return undefined; // nothing to imitate (and no URL to parse)
  const u = parseUrl(normalized);
  if (!u) return undefined;
  const name = u.pathname.split("/").filter(Boolean)[0];
  if (!name) return undefined;
  const key = comparisonKey(name);
  for (const c of index.channels) {
    if (c.channel.kind !== "social") continue;
    const official = parseUrl(c.normalized);
    if (!official || official.hostname !== u.hostname) continue;
    const officialName = official.pathname.split("/").filter(Boolean)[0];
    const officialKey = officialName ? comparisonKey(officialName) : "";
    if (key === officialKey) continue; // the official profile itself (another page of it)
    if ((officialKey.length >= 5 && withinOneEdit(key, officialKey)) || index.brandKeys.some((b) => key.includes(b))) {
      return { target: c.channel.value, reason: { rule: "profile_name", message: `the profile ${name} on ${u.hostname} imitates the official ${c.channel.value}` } };
    }
  }
  return undefined;
}

function detectAsChannel(value: string): CheckedKind {
  const k = detectValueKind(value);
  return k === "handle" ? "domain" : k;
}
