// The sentence breaks found by the look-behind regex give the ends of the regex that defines them (SENTENCE_END):
// the order of search and the space each match uses up included. And the clause breaks, now built from the same
// end marks, still end where they did.
import { describe, expect, it } from "vitest";
import { boundaries, CLAUSE_END, indexOf, newPieceLookup, SENTENCE_END, sentenceBreaks } from "../../src/scan/rules/text.ts";

/** A small deterministic generator (the tests must not flake). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe("sentenceBreaks", () => {
  // Every character an alternative starts or ends with, other spaces and dashes, letters, a surrogate pair and a
  // lone half, and the pieces whose order of search matters (a dash right after the space a break took).
  const pieces = [..." \n\t\u00a0\u3000.!?;。！？؟।۔,()–—-xé😀"].concat(["\ud835", " – ", " — ", ". – ", "\n– "]);
  it("agree with the regex on random texts", () => {
    const r = random(5);
    for (let m = 0; m < 20000; m++) {
      let text = "";
      for (let k = Math.floor(r() * 30); k > 0; k--) text += pieces[Math.floor(r() * pieces.length)];
      expect(sentenceBreaks(text), JSON.stringify(text)).toEqual(boundaries(text, SENTENCE_END));
    }
  });

  it("end a run of marks at its last line break when no space follows it, and a dash only with its own space before it", () => {
    expect(sentenceBreaks("ok?!\n!x")).toEqual([4, 5]);
    expect(sentenceBreaks("a. b – c")).toEqual([2, 7]);
    expect(sentenceBreaks("a – – b")).toEqual([4]); // the first dash's break took the space the second needs
    expect(sentenceBreaks("a -- b")).toEqual([]);
  });
  it("end at Hindi's danda and Urdu's full stop as at a full stop", () => {
    expect(sentenceBreaks("नंबर बदल दीजिए। अब")).toEqual([15]);
    expect(sentenceBreaks("شکریہ۔ اب")).toEqual([6]);
  });

  it("end at a full stop of the scripts written without spaces, with no space after it", () => {
    expect(sentenceBreaks("実装しました。APIキーは入力してください。")).toEqual([7, 22]);
    expect(sentenceBreaks("好的！我们继续？OK. next")).toEqual([3, 8, 11]);
  });
});

describe("clause breaks", () => {
  it("end where the regex they were first written as ends them", () => {
    const written = /[.!?;\n。！？؟]+(?=\s|$)|[。！？]+|\n|\s[–—-]\s|,\s|，|、|،|[()]|\s(?:but|aber|bet|но|но,|لكن|אבל|pero|mas|mais|ma|ama|ale|लेकिन|但是|でも|tapi|nhưng)\s/giu;
    const pieces = [..." \n\t\u00a0.!?;。,，、،()–—-xé😀"].concat(["\ud835", "but", "BUT", "butter", "НО", "но,", "maſ", "nhưng", "但是", " but ", ", but ", " – ", " - but ", "\n but", "\n- "]);
    const r = random(21);
    for (let m = 0; m < 20000; m++) {
      let text = "";
      for (let k = Math.floor(r() * 30); k > 0; k--) text += pieces[Math.floor(r() * pieces.length)];
      expect(boundaries(text, CLAUSE_END), JSON.stringify(text)).toEqual(boundaries(text, written));
    }
  });

  it("end at a comma and a spaced word, the word only with its own spaces", () => {
    expect(boundaries("yes but no, ma vie", CLAUSE_END)).toEqual([8, 12]);
    expect(boundaries("yes,  But no", CLAUSE_END)).toEqual([5, 10]);
    expect(boundaries("yes, But no", CLAUSE_END)).toEqual([5]); // the comma took the space "But" needed
    expect(boundaries("a butter b (c) x - y", CLAUSE_END)).toEqual([12, 14, 19]);
  });
});

describe("newPieceLookup", () => {
  it("answers indexOf over the breaks (and whether a position is in a given piece), asked in order and at random, for a longer then a shorter text", () => {
    const lookup = newPieceLookup(sentenceBreaks);
    const r = random(9);
    for (const text of ["One. Two! Three?\nFour – five. ".repeat(12), "a. b", "", "no break at all here"]) {
      lookup.load(text);
      const ends = sentenceBreaks(text);
      for (let p = -1; p <= text.length + 1; p++) expect(lookup.at(p), `${p}`).toBe(indexOf(ends, p));
      for (let k = 0; k < 500; k++) {
        const p = Math.floor(r() * (text.length + 3)) - 1;
        expect(lookup.at(p), `${p}`).toBe(indexOf(ends, p));
        const k = Math.floor(r() * (ends.length + 1));
        expect(lookup.isIn(k, p), `${k} ${p}`).toBe(indexOf(ends, p) === k);
      }
      expect(lookup.breaks()).toEqual(ends);
    }
  });
});
