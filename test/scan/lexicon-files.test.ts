import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Shape checks on the per-language lexicon data files, independent of the engine that loads them:
// a malformed or sloppy file should fail here with the file and the term named.
const dir = join(import.meta.dirname, "../../src/scan/lexicons");
const requiredLanguages = ["de", "lv", "ar", "he", "ru", "uk", "es", "pt", "fr", "it", "tr", "pl", "hi", "zh", "ja", "id", "vi", "ms", "tl"];
const files = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "global.json");

type LexiconFile = { lang: string; concepts: Record<string, string[]>; numberWords: Record<string, string>; atWords: string[]; dotWords: string[] };
const load = (file: string): LexiconFile => JSON.parse(readFileSync(join(dir, file), "utf8")) as LexiconFile;

describe("lexicon data files", () => {
  it("exist for every required language", () => {
    for (const lang of requiredLanguages) expect(files, lang).toContain(`${lang}.json`);
  });

  for (const file of files) {
    describe(file, () => {
      const lex = load(file);

      it("names its own language", () => {
        expect(lex.lang).toBe(file.replace(/\.json$/, ""));
      });

      it("has non-empty, trimmed, lower-case terms, unique within each concept, with * only at the end", () => {
        for (const [concept, terms] of Object.entries(lex.concepts)) {
          expect(Array.isArray(terms), concept).toBe(true);
          const seen = new Set<string>();
          for (const term of terms) {
            const where = `${file} ${concept}: ${JSON.stringify(term)}`;
            expect(term.trim(), where).toBe(term);
            expect(term.replace(/\*$/, "").length, where).toBeGreaterThan(0);
            expect(term.slice(0, -1).includes("*"), where).toBe(false);
            expect(term.toLocaleLowerCase(lex.lang), where).toBe(term);
            expect(seen.has(term), `duplicate ${where}`).toBe(false);
            seen.add(term);
          }
        }
      });

      it("maps number words to one or two digits, hundreds, "+", a repeat mark or a connector and lists at/dot words", () => {
        expect(Object.keys(lex.numberWords).length).toBeGreaterThanOrEqual(10);
        for (const [word, digits] of Object.entries(lex.numberWords)) {
          expect(digits, `${file} ${word}`).toMatch(/^(\d{1,2}|[1-9]00|\+|x2|x3|x100|&)$/);
        }
        const digitsCovered = new Set(Object.values(lex.numberWords).filter((d) => /^\d$/.test(d)));
        expect(digitsCovered.size, `${file} zero..nine`).toBe(10);
        expect(lex.atWords.length).toBeGreaterThan(0);
        expect(lex.dotWords.length).toBeGreaterThan(0);
      });
    });
  }
});
