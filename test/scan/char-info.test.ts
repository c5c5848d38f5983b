import { describe, expect, it } from "vitest";
import { FOLD_CP_SHIFT, FOLD_DIACRITICS, FOLD_LATIN, FOLD_ONE, foldOf, infoOf, type CharMemo } from "../../src/scan/char-info.ts";
import { T } from "../../src/scan/mapped.ts";

describe("packed folds", () => {
  it("agree with the CharInfo of every BMP code point outside the surrogates", () => {
    const memo: CharMemo = { bmp: [], other: new Map() };
    for (let cp = 0x80; cp < 0x10000; cp += cp < 0x3000 ? 1 : 7) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const v = foldOf(cp, memo);
      const info = infoOf(cp, memo);
      expect(foldOf(cp, memo)).toBe(v); // memoised
      if (!(v & FOLD_ONE)) {
        expect(info.outCp < 0 || (info.f !== 0 && info.f !== T.diacritics)).toBe(true);
        continue;
      }
      expect([v >>> FOLD_CP_SHIFT, (v >> 2) & 3, (v & FOLD_LATIN) !== 0, v & FOLD_DIACRITICS ? T.diacritics : 0]).toEqual([info.outCp, info.outClass, info.outLatin, info.f]);
    }
  });
});
