// Brand, role and affix words for one platform, folded to comparison keys once.
// The brand words come from the platform profile (registry); their known
// misspellings and transliterations and the role words come from words.data.json.
import defaults from "./words.data.json" with { type: "json" };
import { comparisonKey } from "./key.ts";

export type WordData = { brands: Record<string, string[]>; roles: Record<string, string[]>; affixes: string[] };
export type PlatformWords = { brandWords: string[]; domains?: string[] };

export type BrandEntry = { brand: string; variant: string; key: string; fuzzy: boolean };
export type RoleEntry = { word: string; lang: string; key: string };
/** affixes: comparison key → the word as written. rolesByFirst: roles bucketed by the first code unit of their key, longest first. */
export type WordConfig = {
  brands: BrandEntry[];
  /** The brands whose key is ASCII (the only ones an ASCII key can contain). */
  asciiBrands: BrandEntry[];
  roles: RoleEntry[];
  rolesByFirst: Map<number, RoleEntry[]>;
  affixes: Map<string, string>;
  /** Keys of the listed affix words (real, official, team …), around which a typo is also allowed. */
  affixWords: Set<string>;
  /** Words that may wrap an official handle (affixes and role words), by first and by last code unit of their key. */
  edgeWords: { byFirst: Map<number, string[]>; byLast: Map<number, string[]> };
};

/** The first role word found in s (scanning left to right; the longest at that place), without trying every word at every place. */
export function findRole(words: WordConfig, s: string): RoleEntry | undefined {
  for (let p = 0; p < s.length; p++) {
    const bucket = words.rolesByFirst.get(s.charCodeAt(p));
    if (!bucket) continue;
    for (const r of bucket) if (s.startsWith(r.key, p)) return r;
  }
  return undefined;
}

export const defaultWordData: WordData = defaults;

const LATIN_KEY = /^[a-z0-9]+$/;

export function buildWordConfig(platform: PlatformWords, data: WordData = defaultWordData): WordConfig {
  const brands: BrandEntry[] = [];
  const seen = new Set<string>();
  const addBrand = (brand: string, variant: string, primary: boolean) => {
    const key = comparisonKey(variant);
    if (key.length < 3 || seen.has(key)) return;
    seen.add(key);
    // Typo tolerance (one edit) only around the brand word itself, and only for Latin keys
    // long enough that one edit still reads as the brand; the listed variants match as written.
    brands.push({ brand, variant, key, fuzzy: primary && LATIN_KEY.test(key) && key.length >= 5 });
  };
  for (const word of platform.brandWords) {
    const brand = word.toLowerCase();
    addBrand(word, word, true);
    for (const v of data.brands[brand] ?? []) addBrand(word, v, false);
  }
  for (const domain of platform.domains ?? []) {
    const label = domain.toLowerCase().replace(/^www\./, "").split(".")[0];
    if (label) addBrand(platform.brandWords[0] ?? label, label, true);
  }
  const roles: RoleEntry[] = [];
  const roleKeys = new Set<string>();
  for (const [lang, words] of Object.entries(data.roles)) {
    for (const word of words) {
      const key = comparisonKey(word);
      // Short Latin keys would match inside ordinary words; CJK words are short by nature.
      if (key.length < (LATIN_KEY.test(key) ? 3 : 2) || roleKeys.has(key)) continue;
      roleKeys.add(key);
      roles.push({ word, lang, key });
    }
  }
  roles.sort((a, b) => b.key.length - a.key.length); // longest first: "helpdesk" before "help"
  const affixes = new Map<string, string>();
  for (const word of data.affixes) {
    const key = comparisonKey(word);
    if (key.length > 0 && !affixes.has(key)) affixes.set(key, word);
  }
  const rolesByFirst = new Map<number, RoleEntry[]>();
  for (const r of roles) {
    const c = r.key.charCodeAt(0);
    const bucket = rolesByFirst.get(c);
    if (bucket) bucket.push(r);
    else rolesByFirst.set(c, [r]);
  }
  const affixWords = new Set(affixes.keys());
  // An official handle wrapped in a role word (editors_picks_support) is as much a lookalike as one wrapped in "official".
  for (const r of roles) if (!affixes.has(r.key)) affixes.set(r.key, r.word);
  const byFirst = new Map<number, string[]>();
  const byLast = new Map<number, string[]>();
  for (const key of affixes.keys()) {
    const f = key.charCodeAt(0);
    const l = key.charCodeAt(key.length - 1);
    (byFirst.get(f) ?? byFirst.set(f, []).get(f)!).push(key);
    (byLast.get(l) ?? byLast.set(l, []).get(l)!).push(key);
  }
  const asciiBrands = brands.filter((b) => /^[\x00-\x7f]*$/.test(b.key));
  return { brands, asciiBrands, roles, rolesByFirst, affixes, affixWords, edgeWords: { byFirst, byLast } };
}
