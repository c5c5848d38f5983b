// What a link is: official, a messenger or meeting invite, a payment page, a shortener, an ordinary file
// host, an imitation of the platform (via the channel check of src/channels) or of another
// well-known brand, or nothing special.
import { getDomain, parse as parseDomain } from "tldts";
import { checkChannel, type ChannelIndex } from "../../channels/check.ts";
import { comparisonKey } from "../../lookalike/key.ts";
import { withinOneEdit } from "../../lookalike/distance.ts";
import type { HostConcept } from "../lexicon.ts";
import { plainUrl, type Entity } from "./entities.ts";
import { validHost } from "./context.ts";
import { hostToUnicode } from "../../channels/punycode.ts";
import { memoised } from "./anchors.ts";

export type LinkKind = "official" | "messenger" | "payment" | "shortener" | "file_host" | "lookalike" | "brand_imitation" | "userinfo" | "masked" | "other";
export type LinkVerdict = { kind: LinkKind; reason: string };

export type LinkContext = {
  channels: ChannelIndex;
  hosts: Record<HostConcept, Set<string>>;
  brandKeys: BrandKey[];
  /** Comparison keys of the words that make a brand glued to them a lure (paypal-verify, apple-id-login; lure_part). */
  lureKeys: Set<string>;
  /** Comparison keys of the words that make a site named after the platform a product of it (fiverr-clone; topic_part). */
  topicKeys: Set<string>;
  /** Comparison keys of the platform's name as people write it in other scripts and spellings (файвер, فايفر, phiverr). */
  brandVariants: Set<string>;
  /** Answers already given in this context (made on first use; the context is per scanner, so is this). */
  memo?: LinkMemo;
};

/** Verdicts by link (value, host, user-info) and official-address answers by address: links repeat across messages. */
type LinkMemo = { links: Map<string, LinkVerdict>; addresses: Map<string, boolean> };

function memoOf(ctx: LinkContext): LinkMemo {
  return (ctx.memo ??= { links: new Map(), addresses: new Map() });
}

export function buildBrandKeys(brandDomains: Iterable<string>, wordBrands: Set<string> = new Set()): BrandKey[] {
  const out: BrandKey[] = [];
  for (const d of brandDomains) {
    const label = parseDomain(d).domainWithoutSuffix;
    if (label && label.length >= 4) out.push({ key: comparisonKey(label), domain: d, label, ...(wordBrands.has(d) ? { word: true } : {}) });
  }
  return out;
}

const MIN_SPELT_BRAND = 6;

/** A well-known brand's domain, its name (the label before the suffix) and that name's comparison key. */
export type BrandKey = { key: string; domain: string; label: string; /** The name is an ordinary word too (apple, wise: word_brand). */ word?: boolean };

/** host (or host/first, first being the path's first segment) is one of the listed hosts or a subdomain of one. */
function listed(set: Set<string>, host: string, first: string | undefined): string | undefined {
  for (let h = host; h.includes("."); h = h.slice(h.indexOf(".") + 1)) {
    if (set.has(h)) return h;
    if (first && set.has(`${h}/${first.toLowerCase()}`)) return `${h}/${first}`;
  }
  return undefined;
}

/** The URL's path as the WHATWG parser gives it ("/" when it cannot parse). */
function pathOf(value: string): string {
  const plain = plainUrl(value);
  if (plain) return plain.pathname;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`).pathname;
  } catch {
    return "/";
  }
}

/** What a link is (see LinkKind); the same link gets the same verdict, so each is worked out once per context. */
export function classifyLink(ctx: LinkContext, e: Entity): LinkVerdict {
  const key = `${e.value}\u0000${e.detail ?? ""}\u0000${e.userinfo ?? "\u0000"}\u0000${e.shownAs ?? ""}`;
  const v = memoised(memoOf(ctx).links, key, () => classifyAnew(ctx, e));
  return { kind: v.kind, reason: v.reason };
}

/** An e-mail address is the platform's: a registered channel, or on an official domain. */
export function isOfficialAddress(ctx: LinkContext, address: string): boolean {
  return memoised(memoOf(ctx).addresses, address, () => {
    const verdict = checkChannel(ctx.channels, address, "email");
    return verdict.verdict === "official" || verdict.reasons.some((r) => r.rule === "official_domain_unregistered_address");
  });
}

function classifyAnew(ctx: LinkContext, e: Entity): LinkVerdict {
  if (e.spoofedTld !== undefined) return classifySpoofedTld(ctx, e);
  const host = e.detail ?? "";
  const path = pathOf(e.value);
  if (e.userinfo && /\.[\p{L}]{2,}$/u.test(e.userinfo)) return { kind: "userinfo", reason: `the address really goes to ${host}; "${e.userinfo}@" in front of it only looks like a site name` };
  const masked = e.shownAs === undefined ? undefined : maskedBy(ctx, host, e.shownAs);
  if (masked) return { kind: "masked", reason: `the link shows ${e.shownAs} but goes to ${host}` };
  const forwarded = forwardedTo(ctx, e.value);
  if (forwarded) return forwarded;
  const first = path.split("/").filter(Boolean)[0];
  const ip = PUBLIC_IPV4.test(host) ? ipLink(ctx, host, path) : undefined;
  if (ip) return ip;
  const m = listed(ctx.hosts.messenger_link, host, first);
  if (m) return { kind: "messenger", reason: `${m} is a messenger or meeting link` };
  const pay = listed(ctx.hosts.pay_link, host, first);
  // A payment page needs a payee: "paypal.me" alone in "never use paypal.me links" pays no one.
  if (pay && path.split("/").filter(Boolean).length > (pay.includes("/") ? 1 : 0)) return { kind: "payment", reason: `${pay} is a payment page: money paid there bypasses checkout` };
  const s = listed(ctx.hosts.shortener, host, first);
  // A shortener's bare name ("never click bit.ly links") leads nowhere: only a short link with a path hides a target.
  if (s && first) return { kind: "shortener", reason: `${s} is a link shortener that hides where the link goes` };
  const check = checkChannel(ctx.channels, e.value, "url");
  if (check.verdict === "official") return { kind: "official", reason: check.reasons[0]?.message ?? "official" };
  // "fiverr-clone-demo.netlify.app", "fiverr-script.com": a site about a product built after the platform (a topic word,
  // no lure word beside the name) is a developer's work, not an imitation.
  const topic = topicSite(ctx, host);
  if (check.verdict === "lookalike" && !topic) return { kind: "lookalike", reason: check.reasons.map((r) => r.message).join("; ") };
  const segments = path.split("/").filter(Boolean);
  // A site builder that names the site in the path (sites.google.com/view/fiverr-support): that name is judged as a host's.
  const pathSite = segments.length > 1 ? listed(ctx.hosts.path_site, host, first) : undefined;
  if (pathSite) {
    const named = siteName(ctx, segments[1]!.toLowerCase());
    if (named) return named;
  }
  if (listed(ctx.hosts.file_host, host, first) || listed(ctx.hosts.brand_domain, host, first)) return { kind: "file_host", reason: `${host} is an ordinary site` };
  // The platform's or a brand's own address as the first folder of a foreign site, with a page under it
  // (evil.top/www.fiverr.com/login); similarweb.com/website/fiverr.com/ or builtwith.com/paypal.com look a site up.
  const h = segments.length > 1 ? segments[0]!.toLowerCase() : "";
  if (h.includes(".") && validHost(h)) {
    if (checkChannel(ctx.channels, h, "url").verdict === "official") return { kind: "lookalike", reason: `${host} puts the platform's address ${h} in its path` };
    const b = listed(ctx.hosts.brand_domain, h, undefined);
    if (b) return { kind: "brand_imitation", reason: `${host} puts ${b} in its path` };
  }
  // The platform's name typed a letter a label: f.i.v.e.r.r.com, f.i.v.e.r.r-help.net.
  const dotted = DOTTED_LETTERS.exec(host);
  if (dotted) {
    const key = comparisonKey(dotted[1]!.replace(/\./g, ""));
    if (ctx.channels.brandKeys.some((b) => b.length >= 5 && (b === key || withinOneEdit(key, b)))) return { kind: "lookalike", reason: `${host} spells the platform's name a letter at a time` };
  }
  const p = parseDomain(host);
  const label = p.domainWithoutSuffix ?? "";
  const sub = p.subdomain ?? "";
  // A misspelt platform name as one part of the name: fivverr-support.com, help.fiverrr.co. (Not an ordinary word one
  // letter from it, spelt as the word: fixer.io, fiber.com, river-tours.com; near_word.)
  for (const part of topic ? [] : `${sub}.${label}`.split(/[.\-_]+/)) {
    const key = comparisonKey(part);
    if (key.length < 5 || ctx.hosts.near_word.has(part.toLowerCase())) continue;
    const brand = ctx.channels.brandKeys.find((b) => b.length >= 5 && key !== b && withinOneEdit(key, b));
    if (brand) return { kind: "lookalike", reason: `${host} spells "${part}" like the platform's name` };
  }
  // The platform's name written in another script or a listed spelling as one part of the name: файвер-поддержка.рф.
  for (const part of topic ? [] : hostToUnicode(host).split(/[.\-_]+/)) {
    if (ctx.brandVariants.has(comparisonKey(part))) return { kind: "lookalike", reason: `${hostToUnicode(host)} spells "${part}" like the platform's name` };
  }
  const subKey = comparisonKey(sub);
  const labelParts = label.split("-").map(comparisonKey);
  const lureParts = [...labelParts, ...sub.split(/[.\-_]+/).map(comparisonKey)];
  for (const b of ctx.brandKeys) {
    // The brand as a subdomain of a foreign domain (drive-google.com.fileshare-docs.net), or
    // glued to other words with a hyphen (paypal-verify.com).
    // A name that is an ordinary word (apple-orchard-farm.com, wise-owl-tutoring.com) needs a lure word beside it.
    const lure = lureParts.some((x) => ctx.lureKeys.has(x));
    if (b.word && !lure) continue;
    // A bare brand subdomain (paypal.secure-login.top) only beside a lure word: google.github.io is Google's own page.
    if ((sub && subKey.includes(b.key) && (/[.\-]/.test(sub) || lure)) || (labelParts.length > 1 && labelParts.includes(b.key))) {
      return { kind: "brand_imitation", reason: `${host} is not ${b.domain} but borrows its name` };
    }
  }
  // A brand's name spelt with look-alike letters as the site's own name: paypa1.com, arnazon.com, g00gle.com. Names of
  // six letters or more: shorter ones fold into ordinary words ("appie" reads like "apple").
  const key = comparisonKey(label);
  const spelt = key.length >= MIN_SPELT_BRAND ? ctx.brandKeys.find((b) => b.key === key && b.label !== label) : undefined;
  if (spelt) return { kind: "lookalike", reason: `${host} spells "${label}" like ${spelt.domain}` };
  return { kind: "other", reason: "" };
}

/**
 * The host's words hold the platform's name as written, a topic word (clone, script, template) and no lure word (login,
 * verify, support). A misspelt name ("flverr-template.com") stays a lookalike: a developer's clone spells the name right.
 */
function topicSite(ctx: LinkContext, host: string): boolean {
  const words = host.split(/[.\-_]+/);
  const parts = words.map(comparisonKey);
  // (Its key folds "flverr" to "fiverr": the name as written must be the key itself.)
  return parts.some((p) => ctx.topicKeys.has(p)) && words.some((w) => ctx.channels.brandKeys.includes(w)) && !parts.some((p) => ctx.lureKeys.has(p));
}

/** A site's own name (a path-named site's, sites.google.com/view/NAME) that carries the platform's name or a brand's. */
function siteName(ctx: LinkContext, name: string): LinkVerdict | undefined {
  const words = name.split(/[.\-_]+/);
  const parts = words.map(comparisonKey);
  for (const [k, key] of parts.entries()) {
    if (key.length >= 5 && !ctx.hosts.near_word.has(words[k]!.toLowerCase()) && ctx.channels.brandKeys.some((b) => b === key || (b.length >= 5 && withinOneEdit(key, b)))) return { kind: "lookalike", reason: `the site "${name}" is named like the platform` };
  }
  const joined = parts.join("");
  if (ctx.channels.brandKeys.some((b) => b.length >= 5 && joined.includes(b))) return { kind: "lookalike", reason: `the site "${name}" is named like the platform` };
  const b = ctx.brandKeys.find((x) => parts.includes(x.key) && (!x.word || parts.some((p) => ctx.lureKeys.has(p))));
  return b ? { kind: "brand_imitation", reason: `the site "${name}" borrows the name of ${b.domain}` } : undefined;
}

/** Four or more single letters or digits, each its own label of a host ("f.i.v.e.r.r.com"). */
const DOTTED_LETTERS = /(?:^|\.)((?:[\p{L}\p{N}]\.){3,}[\p{L}\p{N}])(?=[.\-]|$)/u;

/** A public IPv4 address (not 0/8, 10/8, 127/8, 169.254/16, 172.16/12, 192.168/16): a site with no name. */
const PUBLIC_IPV4 = /^(?!(?:0|10|127)\.|169\.254\.|172\.(?:1[6-9]|2\d|3[01])\.|192\.168\.)\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * A link to a bare public IP address whose path names the platform or a brand beside a lure word (185.23.44.10/fiverr/login)
 * imitates it; a developer's "34.1.2.3/paypal-integration-demo" or "/fiverr-clone" names a topic.
 */
function ipLink(ctx: LinkContext, host: string, path: string): LinkVerdict | undefined {
  const parts = path.toLowerCase().split(/[\/.\-_]+/).filter((p) => p.length >= 2).map(comparisonKey);
  if (!parts.some((k) => ctx.lureKeys.has(k))) return undefined;
  for (const key of parts) {
    if (key.length < 4) continue;
    if (ctx.channels.brandKeys.some((b) => b === key || (b.length >= 5 && key.length >= 5 && withinOneEdit(key, b)))) return { kind: "lookalike", reason: `${host} is a bare address dressed as the platform ("${key}" in its path)` };
    const b = ctx.brandKeys.find((x) => x.key === key);
    if (b) return { kind: "brand_imitation", reason: `${host} is a bare address dressed as ${b.domain}` };
  }
  return undefined;
}

/** Verdicts a redirect passes on from the link it forwards to (a hidden target, or a chat or payee behind it). */
const FORWARDED: ReadonlySet<LinkKind> = new Set(["lookalike", "brand_imitation", "userinfo", "masked", "shortener", "messenger", "payment"]);

/** A redirect (google.com/url?q=https://fiverr-help.top/…): a query value that is itself a link hides its target. */
function forwardedTo(ctx: LinkContext, value: string): LinkVerdict | undefined {
  const q = value.indexOf("?");
  if (q < 0 || !/[=&](?:https?(?::|%3a)|[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/|%2f))/i.test(value.slice(q))) return undefined;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(value.slice(q + 1).split("#")[0]);
  } catch {
    return undefined;
  }
  for (const raw of params.values()) {
    // A target with a scheme, or a bare host with a path (?q=fiverr-help.top/x).
    const v = /^https?:\/\/./i.test(raw) ? raw : /^[a-z0-9-]+(?:\.[a-z0-9-]+)+\//i.test(raw) ? `http://${raw}` : "";
    if (!v) continue;
    let inner: URL;
    try {
      inner = new URL(v);
      if (!validHost(inner.hostname)) continue;
    } catch {
      continue;
    }
    const read = classifyAnew(ctx, { kind: "url", start: 0, end: 0, flags: 0, value: v, detail: inner.hostname, ...(inner.username ? { userinfo: decodeURIComponent(inner.username) } : {}) });
    if (FORWARDED.has(read.kind)) return { kind: read.kind, reason: `the link forwards to ${inner.hostname}: ${read.reason}` };
  }
  return undefined;
}

/** A link whose text shows another site ([fiverr.com](https://evil.xyz)): masked when the shown one is the platform, a brand or a file host. */
function maskedBy(ctx: LinkContext, host: string, shown: string): boolean {
  const real = getDomain(host) ?? host;
  const seen = getDomain(shown);
  if (!seen || seen === real) return false;
  // Text and target both trusted ([wetransfer.com](https://we.tl/t-…), [youtube.com](https://youtu.be/…)) hide nothing.
  if (listed(ctx.hosts.file_host, host, undefined) || listed(ctx.hosts.brand_domain, host, undefined) || checkChannel(ctx.channels, host, "url").verdict === "official") return false;
  return checkChannel(ctx.channels, shown, "url").verdict === "official" || !!listed(ctx.hosts.brand_domain, shown, undefined) || !!listed(ctx.hosts.file_host, shown, undefined);
}

/**
 * A link whose ending only looks like a top-level domain ("fiverr.corn" for fiverr.com): it imitates the site it
 * passes for when that is the platform, a lookalike of it or a well-known brand, and is the messenger link it passes
 * for ("wa.rne/…"); any other such host is no link.
 */
function classifySpoofedTld(ctx: LinkContext, e: Entity): LinkVerdict {
  const host = e.detail ?? "";
  const read = classifyAnew(ctx, { ...e, spoofedTld: undefined });
  if (read.kind === "messenger") return read; // wa.rne/… still opens a chat where it leads
  const brand = listed(ctx.hosts.brand_domain, host, undefined);
  if (read.kind === "official" || read.kind === "lookalike" || read.kind === "brand_imitation" || brand) {
    const dot = host.lastIndexOf(".");
    return { kind: "lookalike", reason: `${host.slice(0, dot)}.${e.spoofedTld} ends in ".${e.spoofedTld}", written to pass for ${host}` };
  }
  return { kind: "other", reason: "" };
}
