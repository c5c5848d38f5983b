import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isMixedScript, scriptOf, scriptsOf } from "../../src/text/scripts.ts";
import { findBidiControls, hasBidiControls } from "../../src/text/bidi.ts";
import { findDefaultIgnorables, removeDefaultIgnorables } from "../../src/text/ignorables.ts";

describe("scripts", () => {
  it("names the script of a code point", () => {
    expect(scriptOf("a")).toBe("Latin");
    expect(scriptOf("\u0430")).toBe("Cyrillic");
    expect(scriptOf("\u03B1")).toBe("Greek");
    expect(scriptOf("\u0641")).toBe("Arabic");
    expect(scriptOf("\u05E4")).toBe("Hebrew");
    expect(scriptOf("_")).toBe("Common");
    expect(scriptOf("\u0301")).toBe("Inherited");
  });

  it("lists the scripts of a string without Common and Inherited", () => {
    expect(scriptsOf("fiv\u0435rr_1")).toEqual(["Latin", "Cyrillic"]);
    expect(scriptsOf("123_-")).toEqual([]);
  });

  it("flags Latin mixed with Cyrillic or Greek, not Japanese writing", () => {
    expect(isMixedScript("p\u0430ypal")).toBe(true);
    expect(isMixedScript("fiverr\u03BF")).toBe(true);
    expect(isMixedScript("paypal")).toBe(false);
    expect(isMixedScript("\u6771\u4EAC\u30BF\u30EF\u30FC")).toBe(false);
    expect(isMixedScript("\u0444\u0430\u0439\u0432\u0435\u0440")).toBe(false);
  });

  it("never throws on any string", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 30 }), (s) => {
      scriptsOf(s);
      isMixedScript(s);
    }), { numRuns: 300 });
  });
});

describe("bidi controls and default ignorables", () => {
  it("finds bidi controls", () => {
    expect(hasBidiControls("abc\u202Egpj.exe")).toBe(true);
    expect(findBidiControls("a\u200Fb\u2066c")).toEqual(["\u200F", "\u2066"]);
    expect(hasBidiControls("plain")).toBe(false);
  });

  it("removes zero-width and other default-ignorable code points", () => {
    expect(removeDefaultIgnorables("fi\u200Bverr\u00AD")).toBe("fiverr");
    expect(findDefaultIgnorables("a\u200Cb\u2060")).toEqual(["\u200C", "\u2060"]);
  });
});
