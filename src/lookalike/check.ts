// The handle check: official | lookalike (with target) | brand_impersonation | clean,
// with the reasons. Pure; the index is built once from the registry.
import { findBidiControls, hasBidiControls } from "../text/bidi.ts";
import { findDefaultIgnorables } from "../text/ignorables.ts";
import { isMixedScript, scriptsOf } from "../text/scripts.ts";
import { comparisonKey, keyOfVisible, keyWithoutPairs, visibleForm } from "./key.ts";
import { damerauLevenshtein, withinOneEdit, withinOneEditAt } from "./distance.ts";
import { allowedDistance, exactForm, firstPosting, keyMayExist, mayContain, MIN_DISTANCE2_KEY, MIN_FUZZY_KEY, type LookalikeIndex, type Postings } from "./handle-index.ts";
import { deletion2Hash, deletionHash, keyHash, MAX_HASHED_KEY, prefixHashes, rangeHash } from "./key-hash.ts";
import { suspectChars } from "./explain.ts";
import { findRole } from "./words.ts";
import type { HandleCheck, Reason } from "./types.ts";

type Match = { i: number; distance: number; affix?: string };

/** Longest handle we look at; longer input is cut (handles are short, and this bounds the work). */
export const MAX_HANDLE_LENGTH = 128;
const EDGE_NUMBER = /^[\p{Nd}\p{P}\p{Z}]*\p{Nd}[\p{Nd}\p{P}\p{Z}]*|[\p{P}\p{Z}]*\p{Nd}[\p{Nd}\p{P}\p{Z}]*$/gu;
const ASCII = /^[\x00-\x7f]*$/;
/** Letters that a pair fold may join across two words (see folds.data.json pairs). */
const PAIR_SOURCE = /rn|vv|cl/i;
const DIGIT_OR_SEPARATOR = /[\p{Nd}\p{P}\p{Z}]/u;
/** Cheap test before the EDGE_NUMBER regular expression: does the string start or end with a digit or separator? */
function hasEdgeDigit(s: string): boolean {
  return s.length > 0 && (DIGIT_OR_SEPARATOR.test(s[0]!) || DIGIT_OR_SEPARATOR.test(s[s.length - 1]!)) && /\p{Nd}/u.test(s);
}

/** Arbitrary characters an impostor may add at either end of an official handle (x_name_x, name-hq, name2). */
const MAX_LOOSE_AFFIX = 2;

// Per-query state of nearest(), in one reused object so a check allocates no closures.
type Query = { index: LookalikeIndex | undefined; key: string; stamp: number; bestI: number; bestD: number };
const Q: Query = { index: undefined, key: "", stamp: 0, bestI: -1, bestD: 99 };

function verify(q: Query, index: LookalikeIndex, i: number): void {
  const marks = index.seen.marks;
  if (marks[i] === q.stamp) return;
  marks[i] = q.stamp;
  const key = index.keys[i]!;
  const allowed = allowedDistance(index.lengths[i]!);
  if (allowed === 0 || Math.abs(key.length - q.key.length) > allowed) return;
  const d = withinOneEdit(q.key, key) ? 1 : allowed >= 2 ? damerauLevenshtein(q.key, key, 2) : 9;
  if (d <= allowed && d < q.bestD) {
    q.bestD = d;
    q.bestI = i;
  }
}

function consider(q: Query, index: LookalikeIndex, p: Postings | undefined): void {
  if (p === undefined) return;
  if (typeof p === "number") verify(q, index, p);
  else for (let k = 0; k < p.length; k++) verify(q, index, p[k]!);
}

function lookup(q: Query, index: LookalikeIndex, h: number): void {
  if (!mayContain(index.filter, h)) return;
  consider(q, index, index.byKeyHash.get(h));
  consider(q, index, index.byDeletionHash.get(h));
}

/** Nearest official key within its allowed distance (0, 1 or 2 edits); maxStage 1 skips the two-edit search. */
function nearest(index: LookalikeIndex, q: string, maxStage = 2): Match | undefined {
  const same = index.byKey.get(q);
  if (same !== undefined) return { i: firstPosting(same), distance: 0 };
  const n = q.length;
  if (n < MIN_FUZZY_KEY - 1 || n > MAX_HASHED_KEY) return undefined;
  const st = Q;
  st.index = index;
  st.key = q;
  st.stamp = ++index.seen.stamp;
  st.bestI = -1;
  st.bestD = 99;
  // One edit: q is an official key minus a letter, plus a letter, or with one changed/swapped.
  const prefix = prefixHashes(q, true);
  const own = keyHash(q);
  lookup(st, index, own);
  // Two vowels or doubled letters dropped from an official key (editoral_vide).
  if (mayContain(index.drop2Filter, own)) consider(st, index, index.byDrop2Hash.get(own));
  for (let d = 0; d < n; d++) {
    if (d > 0 && q.charCodeAt(d) === q.charCodeAt(d - 1)) continue;
    lookup(st, index, deletionHash(prefix, n, d));
  }
  if (st.bestD > 1 && maxStage >= 2 && n >= MIN_DISTANCE2_KEY + 2) {
    // Two edits, for long keys only. The one-edit lookups above already find a letter added
    // plus one dropped elsewhere (q and the key each minus one letter); here: two letters
    // added (q minus two letters is a key). A cache-sized bit set keeps the n²/2 probes cheap.
    const filter = index.keyFilter;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const h = deletion2Hash(prefix, n, a, b);
        if (keyMayExist(filter, h)) consider(st, index, index.byKeyHash.get(h));
        // A letter added next to a changed one (m typed as rn around another letter, Intrenal):
        // q minus two nearby letters against keys minus one. Nearby only, to bound the probes.
        else if (b - a <= 2) lookup(st, index, h);
      }
    }
  }
  return st.bestI >= 0 ? { i: st.bestI, distance: st.bestD } : undefined;
}

/** An official key wrapped in affix words (real_, _official, -team) or a couple of loose characters. */
function withAffix(index: LookalikeIndex, q: string): Match | undefined {
  const words = index.words;
  const n = q.length;
  const prefix = prefixHashes(q);
  // Lengths cut at each end, and whether a typo in the official part is allowed too
  // (only around the listed affix words; role words and loose characters wrap it exactly).
  const headLen: number[] = [0];
  const headFuzzy: boolean[] = [true];
  const tailLen: number[] = [0];
  const tailFuzzy: boolean[] = [true];
  for (const a of words.edgeWords.byFirst.get(q.charCodeAt(0)) ?? []) {
    if (n > a.length && q.startsWith(a)) {
      headLen.push(a.length);
      headFuzzy.push(words.affixWords.has(a));
    }
  }
  for (const a of words.edgeWords.byLast.get(q.charCodeAt(n - 1)) ?? []) {
    if (n > a.length && q.endsWith(a)) {
      tailLen.push(a.length);
      tailFuzzy.push(words.affixWords.has(a));
    }
  }
  for (let k = 1; k <= MAX_LOOSE_AFFIX; k++) {
    headLen.push(k);
    headFuzzy.push(false);
    tailLen.push(k);
    tailFuzzy.push(false);
  }
  for (let h = 0; h < headLen.length; h++) {
    for (let t = 0; t < tailLen.length; t++) {
      if (h === 0 && t === 0) continue;
      const from = headLen[h]!;
      const to = n - tailLen[t]!;
      if (to - from < MIN_FUZZY_KEY) continue;
      const fuzzy = headFuzzy[h]! && tailFuzzy[t]!;
      if (!fuzzy && !mayContain(index.filter, rangeHash(prefix, from, to))) continue; // most cores are no official key
      const core = q.slice(from, to);
      const list = index.byKey.get(core);
      let m: Match | undefined = list !== undefined ? { i: firstPosting(list), distance: 0 } : undefined;
      if (!m && fuzzy) {
        const near = nearest(index, core, 1);
        if (near && near.distance <= 1) m = near;
      }
      if (m) {
        const parts = [q.slice(0, from), q.slice(to)].filter(Boolean).map((x) => words.affixes.get(x) ?? x);
        return { ...m, affix: parts.join("…") };
      }
    }
  }
  return undefined;
}

/** The string as displayed when right-to-left overrides reverse parts of it. */
export function displayedForm(handle: string): string {
  let out = "";
  let reversed = "";
  let depth = 0;
  for (const ch of handle) {
    if (ch === "\u202E") { depth++; continue; }
    if ((ch === "\u202C" || ch === "\u2069") && depth > 0) {
      depth--;
      if (depth === 0) { out += Array.from(reversed).reverse().join(""); reversed = ""; }
      continue;
    }
    if (depth > 0) reversed += ch;
    else out += ch;
  }
  return out + Array.from(reversed).reverse().join("");
}

type BrandMatch = { brand: string; matched: string; start: number; end: number; exact: boolean };

/** Where the brand (or a listed variant, or the brand with one typo) occurs in key q: exact matches first. */
function findBrands(index: LookalikeIndex, q: string): BrandMatch[] {
  const found: BrandMatch[] = [];
  // An ASCII key can only contain ASCII brand keys.
  for (const b of ASCII.test(q) ? index.words.asciiBrands : index.words.brands) {
    const at = q.indexOf(b.key);
    if (at >= 0) found.push({ brand: b.brand, matched: b.variant, start: at, end: at + b.key.length, exact: true });
  }
  if (found.length > 0) return found;
  for (const b of index.words.brands) {
    if (!b.fuzzy) continue;
    const n = b.key.length;
    for (const len of [n, n + 1, n - 1]) {
      const b0 = b.key.charCodeAt(0);
      const b1 = b.key.charCodeAt(1);
      for (let s = 0; s + len <= q.length; s++) {
        // One edit leaves the first or the second letter in place (or shifted by one).
        const c0 = q.charCodeAt(s);
        const c1 = q.charCodeAt(s + 1);
        if (c0 !== b0 && c1 !== b1 && c0 !== b1 && c1 !== b0) continue;
        if (withinOneEditAt(q, s, len, b.key)) found.push({ brand: b.brand, matched: q.slice(s, s + len), start: s, end: s + len, exact: false });
      }
    }
  }
  return found;
}

function findBrand(index: LookalikeIndex, q: string): BrandMatch | undefined {
  return findBrands(index, q)[0];
}

/** The brand alone with a number around it (Fiverr123, 2024_fiverr). */
function isBrandWithNumber(index: LookalikeIndex, handle: string): boolean {
  const unnumbered = handle.replace(EDGE_NUMBER, "");
  if (unnumbered === handle) return false;
  const q = comparisonKey(unnumbered);
  const brand = findBrand(index, q);
  return brand !== undefined && q.length - (brand.end - brand.start) <= 2;
}

function officialReason(handle: string): Reason {
  return { rule: "official", message: `${handle} is a registered official account` };
}

/** Reasons about the characters: bidi controls, invisible ones, mixed scripts, and look-alike characters of the imitated name (target or brand word as written in the handle). */
function characterReasons(handle: string, target: string | null, brandWritten?: string, roleWord?: string): Reason[] {
  const reasons: Reason[] = [];
  const ascii = ASCII.test(handle); // then no bidi controls, invisible characters or second script
  const bidi = ascii ? [] : findBidiControls(handle);
  if (bidi.length) reasons.push({ rule: "bidi_control", message: "contains bidirectional control characters that reorder what is displayed", chars: suspectChars(bidi.join("")) });
  const invisible = ascii ? [] : findDefaultIgnorables(handle).filter((c) => !bidi.includes(c));
  if (invisible.length) reasons.push({ rule: "invisible_characters", message: "contains invisible characters", chars: suspectChars(invisible.join("")) });
  const visible = visibleForm(handle);
  if (!ascii && isMixedScript(visible)) {
    const scripts = scriptsOf(visible);
    reasons.push({ rule: "mixed_script", message: `mixes scripts: ${scripts.join(", ")}`, scripts });
  }
  // A brand written plainly has no look-alike characters worth listing (the rest of the handle is the role word).
  const plainBrand = brandWritten !== undefined && visible.toLowerCase().includes(brandWritten.toLowerCase());
  const imitated = target ? { text: target, whole: true } : brandWritten ? { text: brandWritten, whole: false } : undefined;
  // The role word's own letters imitate nothing (поддержка is Cyrillic on purpose): look at the rest.
  const roleAt = roleWord ? handle.toLowerCase().indexOf(roleWord.toLowerCase()) : -1;
  const examined = roleAt >= 0 ? handle.slice(0, roleAt) + handle.slice(roleAt + roleWord!.length) : handle;
  const chars = plainBrand ? [] : suspectChars(examined, imitated).filter((c) => c.kind !== "bidi_control" && c.kind !== "invisible");
  if (chars.length) {
    const list = chars.map((c) => `${c.char} (${c.codePoint}, ${c.script}) looks like ${c.imitates}`).join("; ");
    reasons.push({ rule: "confusable_characters", message: list, chars });
  }
  return reasons;
}

function lookalike(index: LookalikeIndex, handle: string, m: Match): HandleCheck {
  const target = index.handles[m.i]!;
  const reasons: Reason[] = [];
  if (m.affix !== undefined) reasons.push({ rule: "affix", message: `${target} with added "${m.affix}"`, affix: m.affix });
  else if (m.distance === 0) reasons.push({ rule: "same_key", message: `reads the same as the official ${target} once look-alike characters, case and separators are folded` });
  else reasons.push({ rule: "edit_distance", message: `${m.distance} edit${m.distance > 1 ? "s" : ""} away from the official ${target}`, distance: m.distance });
  return { handle, verdict: "lookalike", target, reasons: [...reasons, ...characterReasons(handle, target)] };
}

/** Checks one handle against the official handles and the platform's brand words. */
export function checkHandle(index: LookalikeIndex, rawHandle: string): HandleCheck {
  const handle = rawHandle.slice(0, MAX_HANDLE_LENGTH);
  const official = index.exact.get(exactForm(handle));
  if (official !== undefined) return { handle, verdict: "official", target: index.handles[official]!, reasons: [officialReason(index.handles[official]!)] };

  const hasBidi = hasBidiControls(handle);
  const vis = visibleForm(handle);
  const keys = hasBidi ? [keyOfVisible(vis), comparisonKey(displayedForm(handle))] : [keyOfVisible(vis)];
  // A letter pair may imitate two letters rather than one: "Soclal" passes for "Social" (cl = ci), not "Sodal".
  const pairFree = PAIR_SOURCE.test(vis) ? keyWithoutPairs(vis) : undefined;
  for (const q of pairFree === undefined ? keys : [...keys, pairFree]) {
    const m = nearest(index, q) ?? withAffix(index, q);
    if (m) return lookalike(index, handle, m);
  }
  // A number stuck to an official handle (frmarcom2024, 1990_editors_picks): digits fold to
  // letters in keys, so compare the handle without its leading or trailing number as well.
  const unnumbered = hasEdgeDigit(vis) ? vis.replace(EDGE_NUMBER, "") : vis;
  if (unnumbered !== vis && unnumbered.length > 0) {
    const list = index.byKey.get(keyOfVisible(unnumbered));
    if (list !== undefined) return lookalike(index, handle, { i: firstPosting(list), distance: 0, affix: handle.match(EDGE_NUMBER)!.join("…").replace(/[\p{P}\p{Z}]/gu, "") });
  }

  // Letter pairs may also be where two words meet (fiverr|notification): search the brand in the key without pair folds too.
  const brandKeys = pairFree === undefined ? keys : [...keys, pairFree];
  for (const q of brandKeys) {
    const brands = findBrands(index, q);
    if (brands.length === 0) continue;
    // Of several readings (fiver|support or fivers|upport), take one that leaves a role word.
    const withRole = brands.map((b) => ({ b, rest: q.slice(0, b.start) + "\u0000" + q.slice(b.end) })).map(({ b, rest }) => ({ b, rest, role: findRole(index.words, rest) }));
    const pick = withRole.find((x) => x.role) ?? withRole[0]!;
    const brand = pick.b;
    const rest = pick.rest;
    const brandReason: Reason = {
      rule: "brand_word",
      message: brand.exact && brand.matched.toLowerCase() === brand.brand.toLowerCase() ? `contains the brand ${brand.brand}` : `contains ${brand.matched}, a look-alike or transliteration of the brand ${brand.brand}`,
      brand: brand.brand,
      matched: brand.matched,
    };
    const role = pick.role;
    if (role) {
      return {
        handle,
        verdict: "brand_impersonation",
        target: null,
        reasons: [brandReason, { rule: "role_word", message: `with the staff/role word "${role.word}" (${role.lang})`, word: role.word, lang: role.lang }, ...characterReasons(handle, null, brand.matched, role.word)],
      };
    }
    const leftover = rest.replace("\u0000", "");
    if (leftover.length <= 2 || index.words.affixes.has(leftover) || isBrandWithNumber(index, handle)) {
      return { handle, verdict: "brand_impersonation", target: null, reasons: [brandReason, { rule: "brand_only", message: "is the brand name itself" }, ...characterReasons(handle, null, brand.matched)] };
    }
  }

  if (hasBidi) return { handle, verdict: "lookalike", target: null, reasons: characterReasons(handle, null) };
  return { handle, verdict: "clean", target: null, reasons: [] };
}
