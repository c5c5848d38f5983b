// What a link is: official, a messenger or meeting invite, a shortener, an ordinary file
// host, an imitation of the platform (via the channel check of src/channels) or of another
// well-known brand, or nothing special.
import { parse as parseDomain } from "tldts";
import { checkChannel, type ChannelIndex } from "../../channels/check.ts";
import { comparisonKey } from "../../lookalike/key.ts";
import { withinOneEdit } from "../../lookalike/distance.ts";
import type { HostConcept } from "../lexicon.ts";
import type { Entity } from "./entities.ts";

export type LinkKind = "official" | "messenger" | "shortener" | "file_host" | "lookalike" | "brand_imitation" | "userinfo" | "other";
export type LinkVerdict = { kind: LinkKind; reason: string };

export type LinkContext = { channels: ChannelIndex; hosts: Record<HostConcept, Set<string>>; brandKeys: { key: string; domain: string }[] };

export function buildBrandKeys(brandDomains: Iterable<string>): { key: string; domain: string }[] {
  const out: { key: string; domain: string }[] = [];
  for (const d of brandDomains) {
    const label = parseDomain(d).domainWithoutSuffix;
    if (label && label.length >= 4) out.push({ key: comparisonKey(label), domain: d });
  }
  return out;
}

/** host (or host/path) is one of the listed hosts or a subdomain of one. */
function listed(set: Set<string>, host: string, path: string): string | undefined {
  for (let h = host; h.includes("."); h = h.slice(h.indexOf(".") + 1)) {
    if (set.has(h)) return h;
    const first = path.split("/").filter(Boolean)[0];
    if (first && set.has(`${h}/${first.toLowerCase()}`)) return `${h}/${first}`;
  }
  return undefined;
}

export function classifyLink(ctx: LinkContext, e: Entity): LinkVerdict {
  const host = e.detail ?? "";
  let path = "/";
  try {
    path = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(e.value) ? e.value : `http://${e.value}`).pathname;
  } catch {
    /* keep "/" */
  }
  if (e.userinfo && /\.[\p{L}]{2,}$/u.test(e.userinfo)) return { kind: "userinfo", reason: `the address really goes to ${host}; "${e.userinfo}@" in front of it only looks like a site name` };
  const m = listed(ctx.hosts.messenger_link, host, path);
  if (m) return { kind: "messenger", reason: `${m} is a messenger or meeting link` };
  const s = listed(ctx.hosts.shortener, host, path);
  if (s) return { kind: "shortener", reason: `${s} is a link shortener that hides where the link goes` };
  const check = checkChannel(ctx.channels, e.value, "url");
  if (check.verdict === "official") return { kind: "official", reason: check.reasons[0]?.message ?? "official" };
  if (check.verdict === "lookalike") return { kind: "lookalike", reason: check.reasons.map((r) => r.message).join("; ") };
  if (listed(ctx.hosts.file_host, host, path) || listed(ctx.hosts.brand_domain, host, path)) return { kind: "file_host", reason: `${host} is an ordinary site` };
  const p = parseDomain(host);
  const label = p.domainWithoutSuffix ?? "";
  const sub = p.subdomain ?? "";
  // A misspelt platform name as one part of the name: fivverr-support.com, help.fiverrr.co.
  for (const part of `${sub}.${label}`.split(/[.\-_]+/)) {
    const key = comparisonKey(part);
    if (key.length < 5) continue;
    const brand = ctx.channels.brandKeys.find((b) => b.length >= 5 && key !== b && withinOneEdit(key, b));
    if (brand) return { kind: "lookalike", reason: `${host} spells "${part}" like the platform's name` };
  }
  for (const b of ctx.brandKeys) {
    // The brand as a subdomain of a foreign domain (drive-google.com.fileshare-docs.net), or
    // glued to other words with a hyphen (paypal-verify.com).
    const subKey = comparisonKey(sub);
    const labelParts = label.split("-").map(comparisonKey);
    if ((sub && subKey.includes(b.key) && /[.\-]/.test(sub)) || (labelParts.length > 1 && labelParts.includes(b.key))) {
      return { kind: "brand_imitation", reason: `${host} is not ${b.domain} but borrows its name` };
    }
  }
  return { kind: "other", reason: "" };
}
