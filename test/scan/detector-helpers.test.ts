// The detectors' cheap paths (char-code token matching, number-word lookup without NFD, the
// dictated-number view built by slices) against the plain regex and string code they replace.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { eachWordToken, isWordAt, newWordMatcher } from "../../src/scan/detectors/token-words.ts";
import { ASCII, LOWER_ASCII, OTHER, asciiMayBeKey, lookupNumberWord, otherMayBeKey, wordKind } from "../../src/scan/detectors/number-words.ts";
import { newNumberWords, spellNumbers } from "../../src/scan/detectors/spelled.ts";
import { extensionAt } from "../../src/scan/detectors/executables.ts";
import { digitShape, runStarts, textShape } from "../../src/scan/detectors/shape.ts";
import { withDigitLetters } from "../../src/scan/detectors/digit-letters.ts";
import { PHONE_PATTERNS } from "../../src/scan/detectors/phones.ts";
import { NUMBER_PATTERNS } from "../../src/scan/detectors/numbers.ts";
import { eachStickyMatch } from "../../src/scan/detectors/matches.ts";
import { T } from "../../src/scan/normalize.ts";
import type { Mapped } from "../../src/scan/mapped.ts";

/** The lookup as it was written before its fast paths. */
function referenceLookup(words: Map<string, string>, t: string): string | undefined {
  if (t.length > 20) return undefined;
  const lower = t.toLowerCase();
  return words.get(lower) ?? (/[\u00c0-\u024f\u0386-\u03ce\u0400-\u04ff\u0622-\u0626\u1e00-\u1eff]/.test(lower) ? words.get(lower.normalize("NFD").replace(/\p{M}+/gu, "")) : undefined);
}

const letters = ["a", "Z", "e", "é", "É", "ё", "Ё", "е", "й", "и", "ж", "Ж", "\u0301", "\u0308", "\u0483", "한", "ᄒ", "ς", "Σ", "σ", "ά", "α", "İ", "i", "ß", "ǅ", "ḯ", "ő", "آ", "ا", "Ω", "ﬁ", "ſ", "K", "x", "𝐀"];
const word = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 6 }).map((xs) => xs.join(""));

describe("number-word lookup", () => {
  it("finds what lower case, then NFD without marks, finds", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(word, { maxLength: 30 }), (keys, tokens) => {
        const words = new Map<string, string>();
        for (const k of keys) {
          words.set(k.toLowerCase(), k);
          words.set(k.toLowerCase().normalize("NFD").replace(/\p{M}+/gu, ""), k);
        }
        for (const t of [...tokens, ...keys, ...keys.map((k) => k.toUpperCase())]) expect(lookupNumberWord(words, t, wordKind(t, 0, t.length))).toBe(referenceLookup(words, t));
      }),
      { numRuns: 400 },
    );
  });

  it("tells lower-case ASCII, ASCII and other words apart", () => {
    expect(wordKind("xsevenx", 1, 6)).toBe(LOWER_ASCII);
    expect(wordKind("Seven", 0, 5)).toBe(ASCII);
    expect(wordKind("sieben drei", 7, 11)).toBe(LOWER_ASCII);
    expect(wordKind("fünf", 0, 4)).toBe(OTHER);
  });
});

describe("at- and dot-word tokens", () => {
  const pieces = ["at", "AT", "At", "a", "t", "ät", "ÄT", "dot", "DoT", "собака", "СОБАКА", "точка", "点", "アット", "ſt", "ſ", "K", "k", "(", ")", "[", "<", " ", "\u00a0", "\n", "x", "cat", "@", "\ud83d\ude00", "é"];
  const lists = [["at", "ät", "собака", "アット"], ["dot", "точка", "点", "k"], ["ſt", "a"], ["K"]];
  it("finds exactly the tokens the case-insensitive Unicode regex accepts", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((xs) => xs.join("")), (text) => {
        for (const list of lists) {
          const m = newWordMatcher(list);
          const found: string[] = [];
          eachWordToken(text, [m], (_m, s, e) => found.push(`${s}:${text.slice(s, e)}`));
          const exact = new RegExp(`^(?:${list.join("|")})$`, "iu");
          const expected: string[] = [];
          for (const t of text.matchAll(/[^\s()[\]{}<>]+/g)) if (exact.test(t[0])) expected.push(`${t.index}:${t[0]}`);
          expect(found).toEqual(expected);
          for (const t of text.matchAll(/[^\s()[\]{}<>]+/g)) expect(isWordAt(m, text, t.index, t.index + t[0].length)).toBe(exact.test(t[0]));
        }
      }),
      { numRuns: 400 },
    );
  });

  it("matches one-letter ASCII words by their char code", () => {
    const m = newWordMatcher(["a", "at"]);
    expect(isWordAt(m, "A", 0, 1)).toBe(true);
    expect(isWordAt(m, "b", 0, 1)).toBe(false);
    expect(isWordAt(m, "aT", 0, 2)).toBe(true);
    expect(isWordAt(m, "ab", 0, 2)).toBe(false);
  });
});

describe("number-word index", () => {
  const map = new Map(Object.entries({ one: "1", on: "x2", y: "&", "ศูนย์": "0", "แปด": "8", "四": "4", "dziewięć": "9" }));
  const words = newNumberWords(map);
  it("rules out ASCII words by their first letters, in any case", () => {
    expect(asciiMayBeKey(words, "ONE", 0, 3)).toBe(true);
    expect(asciiMayBeKey(words, "Onion", 0, 5)).toBe(true); // only the first two letters count: the map decides
    expect(asciiMayBeKey(words, "Oz", 0, 2)).toBe(false);
    expect(asciiMayBeKey(words, "Y", 0, 1)).toBe(true);
    expect(asciiMayBeKey(words, "yes", 0, 3)).toBe(false); // "y" is a key alone, no key starts with "ye"
    expect(asciiMayBeKey(words, "two", 0, 3)).toBe(false);
    expect(words.longest).toBe(8);
    expect(words.firstUnits["ศ".charCodeAt(0)]).toBe(1);
    expect(words.firstUnits["ก".charCodeAt(0)]).toBe(0);
  });
  it("finds the runs the plain map finds", () => {
    const pieces = ["one", "ONE", "On", "y", "Y", "yes", "two", "ศูนย์", "แปด", "ก", "四", "五", "dziewięć", "DZIEWIĘĆ", " ", ", ", "-", "7"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((xs) => xs.join("")), (text) => {
        const a: Mapped = { text, start: null, end: null, flags: null };
        expect(spellNumbers(a, words).text).toBe(spellNumbers(a, map).text);
        // Each word alone: what the index lets through includes every word the map knows.
        for (const m of text.matchAll(/[A-Za-z]+/g)) if (map.has(m[0].toLowerCase())) expect(asciiMayBeKey(words, text, m.index, m.index + m[0].length)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("number-word index, other letters", () => {
  it("lets through every word the lookup finds, by its first letter", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.array(word, { maxLength: 30 }), (keys, tokens) => {
        const map = new Map<string, string>();
        for (const k of keys) for (const key of [k.toLowerCase(), k.toLowerCase().normalize("NFD").replace(/\p{M}+/gu, "")]) map.set(key, k);
        const words = newNumberWords(map);
        for (const t of [...tokens, ...keys, ...keys.map((k) => k.toUpperCase())]) {
          if (wordKind(t, 0, t.length) !== OTHER) continue;
          if (lookupNumberWord(map, t, OTHER) !== undefined) expect(otherMayBeKey(words, t, 0)).toBe(true);
        }
      }),
      { numRuns: 600 },
    );
  });
  it("rules out a word whose first letter starts no key in any form", () => {
    const words = newNumberWords(new Map(Object.entries({ "восемь": "8", "dziewięć": "9", "dziewiec": "9" })));
    expect(otherMayBeKey(words, "ВОСЕМЬ", 0)).toBe(true);
    expect(otherMayBeKey(words, "Ďziewięć", 0)).toBe(true); // without its caron, "d" starts a key
    expect(otherMayBeKey(words, "привет", 0)).toBe(false);
    expect(otherMayBeKey(words, "\u0301x", 0)).toBe(true); // a mark first: left to the lookup
  });
});

describe("dictated-number view", () => {
  const words = new Map(Object.entries({ one: "1", two: "2", three: "3", four: "4", plus: "+" }));
  it("maps each digit to the whole run and the rest to where it came from", () => {
    const a: Mapped = { text: "x one, two three four y", start: null, end: null, flags: null };
    const v = spellNumbers(a, words);
    expect(v.text).toBe("x 1234 y");
    expect(Array.from(v.start!)).toEqual([0, 1, 2, 2, 2, 2, 21, 22]);
    expect(Array.from(v.end!)).toEqual([1, 2, 21, 21, 21, 21, 22, 23]);
    expect(Array.from(v.flags!)).toEqual([0, 0, T.spelled, T.spelled, T.spelled, T.spelled, 0, 0]);
  });

  it("keeps the view's own mapping and flags outside the runs", () => {
    // "X" stood for two units of the original text (a full-width letter, say): everything after it is one unit later.
    const start = [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
    const end = start.map((s, i) => (i === 0 ? 1 : s + 1));
    const flags = [T.nfkc, ...Array<number>(19).fill(0)];
    // As plain arrays, and as the typed arrays the views give.
    for (const a of [{ text: "X one two three four", start, end, flags }, { text: "X one two three four", start: Int32Array.from(start), end: Int32Array.from(end), flags: Int32Array.from(flags) }] as Mapped[]) {
      const v = spellNumbers(a, words);
      expect(v.text).toBe("X 1234");
      expect(Array.from(v.start!)).toEqual([0, 2, 3, 3, 3, 3]);
      expect(Array.from(v.end!)).toEqual([1, 3, 21, 21, 21, 21]);
      expect(Array.from(v.flags!)).toEqual([T.nfkc, 0, T.spelled, T.spelled, T.spelled, T.spelled]);
    }
  });
});

describe("executable extension test", () => {
  const EXTENSION = /\.(?:exe|msi|bat|cmd|ps1|vbs|vbe|scr|jar|apk|dmg|pkg|docm|xlsm|pptm|dotm|xlam|hta|lnk|reg|sh|run|appimage|deb|crx|xpi)(?![\p{L}\p{N}])/iuy;
  const pieces = [".", "exe", "EXE", "Sh", "s", "h", "ſ", "\u212a", "ln", "appimage", "APPIMAGE", "docm", "x", "1", "é", "ж", " ", "-", "_", "ps1", "\u0301"];
  it("says what the extension pattern says at every dot", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((xs) => xs.join("")), (text) => {
        for (let i = text.indexOf("."); i >= 0; i = text.indexOf(".", i + 1)) {
          EXTENSION.lastIndex = i;
          expect(extensionAt(text, i)).toBe(EXTENSION.test(text));
        }
      }),
      { numRuns: 2000 },
    );
  });
  it("takes ASCII runs by the list and leaves folded letters to the pattern", () => {
    expect(extensionAt("setup.exe now", 5)).toBe(true);
    expect(extensionAt("a.appimage", 1)).toBe(true);
    expect(extensionAt("a.appimagex", 1)).toBe(false);
    expect(extensionAt("see you. then", 7)).toBe(false);
    expect(extensionAt("x.ſh", 1)).toBe(true); // long s folds to "s"
    expect(extensionAt("x.shé", 1)).toBe(false);
  });
});

describe("number patterns tried at digit runs", () => {
  const pieces = ["0", "00", "1", "7", "12", "345", "4111", "0044", "98765", "123456789", " ", "  ", "-", ".", ",", ":", "/", "(", ")", "+", "#", "a", "ж", "٣", "²", "\u00a0", "\n", "–"];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((xs) => xs.join(""));
  const globalMatches = (re: RegExp, t: string) => [...t.matchAll(new RegExp(re.source, re.flags.replace("y", "g")))].map((m) => `${m.index}:${m[0]}`);
  const anchoredMatches = (re: RegExp, t: string, starts: number[]) => {
    const found: string[] = [];
    eachStickyMatch(t, re, starts, (m) => void found.push(`${m.index}:${m[0]}`));
    return found;
  };
  it("finds what a scan of every position finds", () => {
    fc.assert(
      fc.property(text, (t) => {
        const { runs } = digitShape(t);
        expect(runs).toEqual([...t.matchAll(/\d+/g)].flatMap((m) => [m.index, m.index + m[0].length]));
        for (const [re, startsOf] of PHONE_PATTERNS) expect(anchoredMatches(re, t, startsOf(t, runs))).toEqual(globalMatches(re, t));
        for (const [re, [min, max]] of NUMBER_PATTERNS) expect(anchoredMatches(re, t, runStarts(runs, min, max))).toEqual(globalMatches(re, t));
      }),
      { numRuns: 3000 },
    );
  });
  it("skips the runs a pattern cannot start at", () => {
    expect(runStarts(digitShape("id 123456789, 12345678 and 1234567890").runs, 9, 9)).toEqual([3]);
    const intl = PHONE_PATTERNS.find(([re]) => re.source.includes("[\\p{N}#/])(?:\\+|00)"))![1];
    expect(intl("call +44 7700 or 0049 30 or + 1 555 or 12", digitShape("call +44 7700 or 0049 30 or + 1 555 or 12").runs)).toEqual([5, 17, 28]);
  });
});

describe("digit letters", () => {
  const plain = (text: string): Mapped => ({ text, start: null, end: null, flags: null });
  it("reads O, l and I as digits only in a run no letter of any script touches", () => {
    expect(withDigitLetters(plain("+44 77OO 9OO 123")).text).toBe("+44 7700 900 123");
    expect(withDigitLetters(plain("4l5 555 0143, O7911 123456")).text).toBe("415 555 0143, 07911 123456");
    for (const t of ["FO4412", "Office 365", "h2o", "é7OO", "7OOж", "no digits: OOl"]) expect(withDigitLetters(plain(t)).text).toBe(t);
  });
  it("gives the same answer from the digit runs of textShape as from its own walk", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9OoIl é.ж-]{0,24}$/), (t) => {
        const v = plain(t);
        expect(withDigitLetters(v, textShape(t).runs)).toEqual(withDigitLetters(v));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("eachStickyMatch", () => {
  const re = /\w+ at \w+/y;
  const text = "me at john at host";
  const starts = [0, 6, 14];
  it("skips the starts inside an accepted match, like a global scan", () => {
    const seen: string[] = [];
    eachStickyMatch(text, re, starts, (m) => void seen.push(m[0]));
    expect(seen).toEqual(["me at john"]);
  });
  it("tries the starts inside a rejected match", () => {
    const seen: string[] = [];
    eachStickyMatch(text, re, starts, (m) => (seen.push(m[0]), m[0] !== "me at john"));
    expect(seen).toEqual(["me at john", "john at host"]);
  });
});
