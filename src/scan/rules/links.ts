// suspicious_link: links that imitate the platform or a brand, and shorteners.
import type { LinkKind } from "../detectors/links.ts";
import { type RuleKit } from "./kit.ts";

/** The link verdicts that make a suspicious_link, with their rule id and score (other rules ask it too: a lure judged by its link). */
export const SUSPICIOUS_LINKS: Partial<Record<LinkKind, { rule: string; score: number }>> = {
  lookalike: { rule: "link_lookalike", score: 0.9 },
  userinfo: { rule: "link_userinfo", score: 0.9 },
  masked: { rule: "link_masked", score: 0.85 },
  brand_imitation: { rule: "link_brand_imitation", score: 0.8 },
  shortener: { rule: "link_shortener", score: 0.7 },
};

/** The suspicious_link rule of a link verdict, if it is one. */
export const suspiciousLink = (kind: LinkKind | undefined) => (kind === undefined ? undefined : SUSPICIOUS_LINKS[kind]);

export function linkRules(k: RuleKit): void {
  const { links, ents, add } = k;
  for (const e of ents("url")) {
    const r = suspiciousLink(links.get(e)?.kind);
    if (r) add("suspicious_link", r.rule, r.score, [e], e.value);
  }
}
