// suspicious_link: links that imitate the platform or a brand, and shorteners.
import { type RuleKit } from "./kit.ts";

export function linkRules(k: RuleKit): void {
  const { links, of, ents, add } = k;
  for (const e of ents("url")) {
    const v = links.get(e);
    if (!v) continue;
    if (v.kind === "lookalike" || v.kind === "userinfo") add("suspicious_link", `link_${v.kind}`, 0.9, [e], e.value);
    else if (v.kind === "brand_imitation") add("suspicious_link", "link_brand_imitation", 0.8, [e], e.value);
    else if (v.kind === "shortener") add("suspicious_link", "link_shortener", 0.7, [e], e.value);
  }
}
