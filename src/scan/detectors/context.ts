// What the entity detectors share within one scanner: the memos and matchers of DetectorContext
// (made once by createEntityDetector, never global: a scanner's memos are its own) and the host
// check that links and e-mail addresses both pass. A leaf: it knows no detector, so every detector
// file can import it without a cycle.
import { parse as parseDomain } from "tldts";
import { memoised, type CharClasses, type WordMatcher } from "./anchors.ts";

export function validHost(host: string): boolean {
  const p = parseDomain(host, { allowPrivateDomains: true });
  if (p.isIp) return true;
  // Private suffixes count too: "fiverr-help.ru.com" is a real, registrable host.
  return p.domain !== null && (p.isIcann === true || p.isPrivate === true) && !!p.domainWithoutSuffix;
}

/** Per-scanner memos and matchers the detectors share (made by createEntityDetector, never global). */
export type DetectorContext = {
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
  /** The at-words of the scripts written without spaces ("艾特", "アットマーク"): found inside tokens too. */
  cjkAts: string[];
  /** Scratch for Found.cover, reused across messages (grows to the longest message). */
  cover: Uint16Array;
};

/** The parts of a URL the detectors use, null when the WHATWG parser rejects it. */
export type UrlParts = { hostname: string; pathname: string; username?: string };

export function validHostMemo(ctx: DetectorContext, host: string): boolean {
  return memoised(ctx.hosts, host, validHost);
}
