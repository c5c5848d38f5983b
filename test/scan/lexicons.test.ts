import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lexiconFileNames, renderIndex } from "../../scripts/build-lexicon-index.ts";
import { lexiconFiles } from "../../src/scan/lexicons/index.ts";
import { compileLexicons, findHits, visitHits } from "../../src/scan/lexicon.ts";
import { parseLexicon } from "../../src/scan/lexicon-schema.ts";
import { entityView, normalizeTerm, T, wordView } from "../../src/scan/normalize.ts";

describe("lexicon files", () => {
  it("the generated index lists exactly the files in the folder", () => {
    const onDisk = readFileSync(new URL("../../src/scan/lexicons/index.ts", import.meta.url), "utf8");
    expect(onDisk).toBe(renderIndex(lexiconFileNames()));
    expect(Object.keys(lexiconFiles).sort()).toEqual(lexiconFileNames());
  });

  it.each(Object.entries(lexiconFiles))("%s matches the schema and every term survives normalisation", (name, raw) => {
    const file = parseLexicon(name, raw);
    expect(`${file.lang}.json`).toBe(name);
    for (const [concept, terms] of Object.entries(file.concepts)) {
      for (const t of terms) expect(normalizeTerm(t.replace(/\*$/, "")).trim(), `${name} ${concept} ${JSON.stringify(t)}`).not.toBe("");
    }
  });

  it("a bad file is rejected with the file and the term named", () => {
    expect(() => parseLexicon("xx.json", { lang: "xx", concepts: { secret: ["pass*word"] } })).toThrow(/xx\.json.*concepts\.secret\.0.*pass\*word/);
    expect(() => parseLexicon("yy.json", { lang: "yy", concepts: {}, extra: 1 })).toThrow(/yy\.json/);
  });
});

describe("compiled lexicon", () => {
  const lex = compileLexicons({
    "tt.json": { lang: "tt", concepts: { pay_verb: ["überweis*"], secret: ["password", "verification code"], messenger: ["微信"] } },
  });
  const concepts = (text: string) => findHits(lex, normalizeTerm(text)).map((h) => h.concept);

  it("matches whole words, stems and multi-word terms across punctuation", () => {
    expect(concepts("bitte Überweisung heute")).toEqual(["pay_verb"]);
    expect(concepts("my password")).toEqual(["secret"]);
    expect(concepts("passwords")).toEqual([]);
    expect(concepts("the Verification-Code, please")).toEqual(["secret"]);
  });

  it("finds a term across an emoji or symbol typed inside it (a SEAM space), and the words beside it too", () => {
    const seamed = (text: string) => {
      const v = wordView(entityView(text));
      return findHits(lex, v.text, v.flags).map((h) => `${h.concept}:${v.text.slice(h.start, h.end)}`);
    };
    expect(seamed("my pass🔑word")).toEqual(["secret:pass word"]);
    expect(seamed("my p🔑assword")).toEqual(["secret:p assword"]); // a one-letter half too
    expect(seamed("the verification★code")).toEqual(["secret:verification code"]);
    expect(seamed("my pass word")).toEqual([]); // a real space is a word break
    expect(seamed("my pass-word")).toEqual([]); // and so is a hyphen
  });

  it("matches a phrase naming the platform in a local script with the brand in Latin letters too", () => {
    const branded = compileLexicons(
      { "tt.json": { lang: "tt", concepts: { brand: ["ไฟเวอร์", "فايفر"], pay_outside: ["ไม่ต้องผ่านไฟเวอร์", "خارج فايفر"] } } },
      { brandWords: ["Fiverr"] },
    );
    const hits = (text: string) => findHits(branded, wordView(entityView(text)).text).map((h) => `${h.concept}:${h.term}`);
    expect(hits("โอนตรง ไม่ต้องผ่าน Fiverr")).toContain("pay_outside:ไม่ต้องผ่านไฟเวอร์"); // reported as the listed term
    expect(hits("ادفع خارج Fiverr")).toContain("pay_outside:خارج فايفر");
    expect(hits("ادفع خارج فايفر")).toContain("pay_outside:خارج فايفر");
    expect(branded.termCount).toBe(5); // two names, two phrases and the brand word: the Latin forms are no new terms
  });

  it("matches unspaced scripts as substrings", () => {
    expect(concepts("加我微信吧")).toEqual(["messenger"]);
  });

  it("starts a term only where a word may start", () => {
    const starts = compileLexicons({ "ss.json": { lang: "ss", concepts: { messenger: ["line", "телеграм"], pay_verb: ["ارسل", "תכתוב"] } } });
    const at = (text: string, flags?: number[]) => findHits(starts, text, flags).map((h) => `${h.concept}@${h.start}`);
    expect(at("line")).toEqual(["messenger@0"]);
    expect(at("my line")).toEqual(["messenger@3"]);
    expect(at("myline")).toEqual([]);
    expect(at("加line")).toEqual(["messenger@1"]); // after an unspaced script
    expect(at("فارسل")).toEqual(["pay_verb@1"]); // after an Arabic proclitic letter
    expect(at("ىارسل")).toEqual([]); // after another Arabic letter
    expect(at("ותכתוב")).toEqual(["pay_verb@1"]);
    const joined = "втелеграм";
    expect(at(joined)).toEqual([]);
    expect(at(joined, Array.from(joined, () => T.joined_letters))).toEqual(["messenger@1"]); // "в т е л е г р а м" joined
    // Not after a letter outside the run: the plain walk does not start there. A long term (6+ letters) inside a run
    // of spelled letters is still found (joined-run-hits.ts); a short one is not.
    expect(at(joined, Array.from(joined, (_, k) => (k === 0 ? 0 : T.joined_letters)))).toEqual(["messenger@1"]);
    expect(at("вline", Array.from("вline", (_, k) => (k === 0 ? 0 : T.joined_letters)))).toEqual([]);
    expect(at("в line", Array.from("в line", (_, k) => (k < 2 ? 0 : T.joined_letters)))).toEqual(["messenger@2"]);
  });

  it("hands each hit's output index to a visitor, in the order findHits lists them", () => {
    const text = normalizeTerm("my password and the verification code");
    const visited: string[] = [];
    visitHits(lex, text, null, (o, start, end) => void visited.push(`${lex.outputs.concept[o]}:${lex.outputs.term[o]}@${start}-${end}`));
    expect(visited).toEqual(findHits(lex, text).map((h) => `${h.concept}:${h.term}@${h.start}-${h.end}`));
    expect(visited).toEqual(["secret:password@3-11", "secret:verification code@20-37"]);
  });

  it("cost does not depend on term count: one automaton for all files", () => {
    const all = compileLexicons(lexiconFiles);
    expect(all.patterns.length).toBeGreaterThan(100);
    expect(all.trie.states).toBeGreaterThan(all.patterns.length);
  });
});
