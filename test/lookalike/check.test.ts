import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildLookalikeIndex, checkHandle, comparisonKey, damerauLevenshtein, defaultWordData, foldLookalikes, withinOneEdit, type HandleCheck } from "../../src/lookalike/index.ts";
import { skeletonForm } from "../../src/lookalike/key.ts";
import { defaultRegistry } from "../../src/registry/seed-data.ts";
import { confusablePairs } from "../../src/text/confusables.ts";

const fiverr = buildLookalikeIndex(defaultRegistry.accounts.map((a) => a.handle), defaultRegistry.platform);
const officialHandles = defaultRegistry.accounts.map((a) => a.handle);
const verdictOf = (h: string) => checkHandle(fiverr, h);
const rules = (r: HandleCheck) => r.reasons.map((x) => x.rule);

describe("comparison key", () => {
  it("folds case, separators, compatibility forms, invisible characters and homoglyphs together", () => {
    const key = comparisonKey("Fiverr-Care");
    for (const v of ["fiverr_care", "FIVERR.CARE", "Fiverr\u2010Care", "\uFF26iverr-Care", "Fi\u200Bverr-Care", "F\u0456verr-Care", "Fiverr-C\u0430re", "Fiverr Care"]) {
      expect(comparisonKey(v), v).toBe(key);
    }
  });

  it("folds digit and letter-pair lookalikes", () => {
    expect(comparisonKey("edit0ria1_vide0")).toBe(comparisonKey("editorial_video"));
    expect(comparisonKey("frrnarcom")).toBe(comparisonKey("frmarcom"));
    expect(comparisonKey("vvorld")).toBe(comparisonKey("world"));
    expect(comparisonKey("clean")).toBe(comparisonKey("dean"));
    expect(comparisonKey("5h3ll")).toBe(comparisonKey("shell"));
  });

  it("ASCII fast path and general path agree", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."abcdefilmnorsvwxIOLM0135_-.|!$@ ".split("")), maxLength: 20 }), (s) => {
        expect(comparisonKey(s)).toBe(foldLookalikes(skeletonForm(s)));
      }),
      { numRuns: 2000 },
    );
  });

  it("does not join letters across a separator (r_n is not m)", () => {
    expect(comparisonKey("fiverr_news")).toBe("fiverrnews");
  });

  it("keeps different names apart", () => {
    expect(comparisonKey("fiverr_care")).not.toBe(comparisonKey("fiverr_core"));
    expect(comparisonKey("anna")).not.toBe(comparisonKey("anne"));
  });

  it("gives a Latin letter and every confusables.txt source that maps to it one key", () => {
    // Derived from the Unicode data: each single-letter prototype a-z.
    let checked = 0;
    for (const [from, proto] of confusablePairs()) {
      if (!/^[a-z]$/.test(proto)) continue;
      // NFKC comes first in the key, and a few compatibility characters decompose to another letter (ſ → s, not f).
      const nfkc = from.normalize("NFKC");
      if (nfkc !== from && nfkc.toLowerCase() !== proto) continue;
      expect(comparisonKey(`x${from}x`), `U+${from.codePointAt(0)!.toString(16)}`).toBe(comparisonKey(`x${proto}x`));
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });
});

describe("edit distance", () => {
  const reference = (a: string, b: string): number => {
    const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    return d[a.length]![b.length]!;
  };
  it("matches a textbook optimal-string-alignment distance, and the bounded and linear forms agree", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12, unit: fc.constantFrom("a", "b", "c", "d") }), fc.string({ maxLength: 12, unit: fc.constantFrom("a", "b", "c", "d") }), (a, b) => {
        const d = reference(a, b);
        expect(damerauLevenshtein(a, b)).toBe(d);
        expect(Math.min(damerauLevenshtein(a, b, 2), 3)).toBe(Math.min(d, 3));
        expect(withinOneEdit(a, b)).toBe(d <= 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("checkHandle on the seeded registry", () => {
  it("calls every official handle official, in any letter case", () => {
    for (const h of officialHandles) {
      expect(verdictOf(h)).toMatchObject({ verdict: "official", target: h });
      expect(verdictOf(h.toUpperCase())).toMatchObject({ verdict: "official", target: h });
    }
  });

  it.each([
    ["FiverrCare", "Fiverr-Care", "same_key"],
    ["Fivrr-Care", "Fiverr-Care", "edit_distance"],
    ["Fiverr-Care-Team", "Fiverr-Care", "affix"],
    ["real_Fiverr_Care", "Fiverr-Care", "affix"],
    ["Fiverr-Care_2024", "Fiverr-Care", "affix"],
    ["frmarcom2024", "frmarcom", "affix"],
    ["Intern\u0430l_comms", "Internal_comms", "same_key"],
    ["\uFF46\uFF52\uFF4D\uFF41\uFF52\uFF43\uFF4F\uFF4D", "frmarcom", "same_key"],
    ["hoosier\u{1D7F9}\u{1D7F9}\u{1D7F9}", "hoosier333", "same_key"],
    ["\u202Emocramrf\u202C", "frmarcom", "same_key"],
    ["editors_pickz", "editors_picks", "edit_distance"],
    ["editors_picks_support", "editors_picks", "affix"],
    ["editoral_vide", "editorial_video", "edit_distance"],
    ["Intrnal_coms", "Internal_comms", "edit_distance"],
    ["служба_frmarcom", "frmarcom", "affix"],
    ["Fiverr-Soc\u0131al", "Fiverr-Social", "same_key"],
  ])("%s is a lookalike of %s (%s)", (handle, target, rule) => {
    const r = verdictOf(handle);
    expect(r.verdict).toBe("lookalike");
    expect(r.target).toBe(target);
    expect(rules(r)).toContain(rule);
  });

  it("names the confusable character, its script and what it imitates", () => {
    const r = verdictOf("Fiverr-S\u043Ecial");
    const chars = r.reasons.flatMap((x) => x.chars ?? []);
    expect(chars).toContainEqual({ char: "\u043E", codePoint: "U+043E", script: "Cyrillic", imitates: "o", kind: "homoglyph" });
    expect(rules(r)).toContain("mixed_script");
  });

  it("says a bidi control is suspicious by itself", () => {
    const r = verdictOf("anna\u202Eotohp");
    expect(r.verdict).not.toBe("clean");
    expect(rules(r)).toContain("bidi_control");
  });

  it.each(["FiverrSupport", "Fiverr-Tearn", "fiverr_help_desk", "flverr_billing", "fiv3rr.security", "Fiverr_Soporte", "fiverr_kundendienst", "fiverr_atbalsts", "\u0641\u0627\u064A\u0641\u0631_\u062F\u0639\u0645", "\u05E4\u05D9\u05D9\u05D1\u05E8_\u05EA\u05DE\u05D9\u05DB\u05D4", "\u0444\u0430\u0439\u0432\u0435\u0440_\u043F\u043E\u0434\u0434\u0435\u0440\u0436\u043A\u0430", "Fiverr\u5BA2\u670D", "moderator_fiverr", "official.fiverr", "FIVERR", "fiverr_destek", "fiverr_pomoc"])(
    "%s is brand impersonation",
    (handle) => {
      const r = verdictOf(handle);
      expect(r.verdict).toBe("brand_impersonation");
      expect(r.target).toBeNull();
      expect(rules(r)).toContain("brand_word");
    },
  );

  it.each(["video_editor_pro", "social_media_sara", "updates_by_tom", "care_bear_designs", "it_support_marek", "hoosier_fan", "five_oaks_pottery", "fever_pitch_podcast", "fiber_support_team", "i_love_fiverr", "fiverr_seller_anna", "marcom_agency", "anna_\u0444\u043E\u0442\u043E", "\u9648\u9759\u63D2\u753B", "editorial_writer_jane", "picks_and_shovels"])(
    "%s stays clean",
    (handle) => {
      expect(verdictOf(handle)).toEqual({ handle, verdict: "clean", target: null, reasons: [] });
    },
  );
});

describe("another platform's registry (the brand and the official list are configuration)", () => {
  const sc = buildLookalikeIndex(["Stripchat", "SC_Models_Help", "stripchat_news", "Payouts.Team", "lena_k_support"], { brandWords: ["stripchat"], domains: ["stripchat.com"] });
  it.each([
    ["Str\u0456pchat", "lookalike", "Stripchat"],
    ["StripchatNews", "lookalike", "stripchat_news"],
    ["SC-Models-HeIp", "lookalike", "SC_Models_Help"],
    ["payouts_team_official", "lookalike", "Payouts.Team"],
    ["lena_k_supp0rt", "lookalike", "lena_k_support"],
    // The brand is itself an official handle here, so brand + role word imitates that account.
    ["Stripchat_Hilfe", "lookalike", "Stripchat"],
    ["strlpchat.moderator", "lookalike", "Stripchat"],
    ["\u0441\u0442\u0440\u0438\u043F\u0447\u0430\u0442_\u043F\u043E\u0434\u0434\u0435\u0440\u0436\u043A\u0430", "brand_impersonation", null],
    ["stripe_payments", "clean", null],
    ["FiverrSupport", "clean", null],
    ["chat_support_anna", "clean", null],
  ])("%s → %s %s", (handle, verdict, target) => {
    expect(checkHandle(sc, handle)).toMatchObject({ verdict, target });
  });
});

describe("properties", () => {
  it("never throws and answers the same twice, for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        const a = checkHandle(fiverr, s);
        expect(checkHandle(fiverr, s)).toEqual(a);
        expect(["official", "lookalike", "brand_impersonation", "clean"]).toContain(a.verdict);
      }),
      { numRuns: 1000 },
    );
  });

  it("an official handle with one letter swapped for its Cyrillic twin is a lookalike of that handle", () => {
    const twins: Record<string, string> = { a: "\u0430", e: "\u0435", o: "\u043E", c: "\u0441", p: "\u0440", i: "\u0456", s: "\u0455" };
    fc.assert(
      fc.property(fc.constantFrom(...officialHandles), fc.nat(), (h, n) => {
        const spots = [...h].map((ch, i) => (twins[ch] ? i : -1)).filter((i) => i >= 0);
        fc.pre(spots.length > 0);
        const i = spots[n % spots.length]!;
        const spoof = [...h].map((ch, k) => (k === i ? twins[ch]! : ch)).join("");
        expect(checkHandle(fiverr, spoof)).toMatchObject({ verdict: "lookalike", target: h });
      }),
    );
  });

  it("one typo in an official handle (insert, delete, change, swap) is a lookalike of it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...officialHandles), fc.nat(), fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz".split("")), fc.constantFrom("insert", "delete", "change", "swap"), (h, pos, letter, op) => {
        const at = pos % h.length;
        const edited =
          op === "insert" ? h.slice(0, at) + letter + h.slice(at)
          : op === "delete" ? h.slice(0, at) + h.slice(at + 1)
          : op === "change" ? h.slice(0, at) + letter + h.slice(at + 1)
          : at + 1 < h.length ? h.slice(0, at) + h[at + 1] + h[at] + h.slice(at + 2) : h + letter;
        fc.pre(edited.toLowerCase() !== h.toLowerCase());
        // An edit that makes or breaks rn, vv or cl changes two letters as a reader sees them (prn reads pm).
        const pairs = (s: string) => (s.toLowerCase().match(/rn|vv|cl/g) ?? []).length;
        fc.pre(pairs(edited) === pairs(h));
        expect(checkHandle(fiverr, edited), edited).toMatchObject({ verdict: "lookalike", target: h });
      }),
      { numRuns: 1000 },
    );
  });

  it("the brand with any role word of any language, joined any way, is flagged", () => {
    const roles = Object.entries(defaultWordData.roles).flatMap(([, words]) => words);
    fc.assert(
      fc.property(fc.constantFrom(...roles), fc.constantFrom("fiverr", "Fiverr", "FIVERR", "flverr", "fiv3rr", "\u0444\u0430\u0439\u0432\u0435\u0440"), fc.constantFrom("_", ".", "-", ""), fc.boolean(), (role, brand, sep, brandFirst) => {
        const handle = brandFirst ? `${brand}${sep}${role}` : `${role}${sep}${brand}`;
        expect(checkHandle(fiverr, handle).verdict, handle).not.toBe("clean");
      }),
      { numRuns: 1500 },
    );
  });

  it("the index finds what a scan over every official handle finds (edit distance ≤ 1 on keys)", () => {
    const handles = Array.from({ length: 300 }, (_, i) => `user_${(i * 7919).toString(36)}_${["anna", "omar", "chen", "lena"][i % 4]}`);
    const index = buildLookalikeIndex(handles, { brandWords: ["fiverr"] });
    const keys = handles.map(comparisonKey);
    fc.assert(
      fc.property(fc.constantFrom(...handles), fc.nat(), fc.constantFrom("x", "q", ""), (h, pos, ins) => {
        const at = pos % (h.length + 1);
        const q = h.slice(0, at) + ins + h.slice(at + (ins ? 0 : 1));
        const r = checkHandle(index, q);
        const scan = keys.some((k) => damerauLevenshtein(comparisonKey(q), k, 1) <= 1);
        if (scan) expect(r.verdict).not.toBe("clean");
      }),
      { numRuns: 500 },
    );
  });
});
