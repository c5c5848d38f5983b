import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { confusablePairs, CONFUSABLES_ENTRIES, CONFUSABLES_SOURCE, prototypeOf, skeleton } from "../../src/text/confusables.ts";

describe("confusables data", () => {
  it("records where it came from and holds the whole table", () => {
    expect(CONFUSABLES_SOURCE).toMatch(/confusables/);
    expect(CONFUSABLES_ENTRIES).toBeGreaterThan(6000);
    expect([...confusablePairs()].length).toBe(CONFUSABLES_ENTRIES);
  });

  it("every confusables.txt pair (NFD-stable source) shares a skeleton", () => {
    const failures: string[] = [];
    for (const [from, proto] of confusablePairs()) {
      // The table is defined on NFD text: compare pairs whose both sides are in NFD.
      if (from.normalize("NFD") !== from || proto.normalize("NFD") !== proto) continue;
      if (skeleton(from) !== skeleton(proto)) failures.push(`${from.codePointAt(0)!.toString(16)} → ${proto}`);
    }
    expect(failures).toEqual([]);
  });

  it("maps well-known homoglyphs to their Latin prototype", () => {
    expect(prototypeOf("\u0430")).toBe("a"); // Cyrillic a
    expect(prototypeOf("\u03BF")).toBe("o"); // Greek omicron
    expect(prototypeOf("\u0456")).toBe("i"); // Cyrillic i
    expect(prototypeOf("a")).toBeUndefined();
    expect(skeleton("p\u0430yp\u0430l")).toBe(skeleton("paypal"));
    expect(skeleton("\u{1D41F}\u{1D422}\u{1D42F}\u{1D41E}\u{1D42B}\u{1D42B}")).toBe(skeleton("fiverr")); // mathematical bold
  });

  it("drops default-ignorable code points", () => {
    expect(skeleton("fi\u200Bve\u200Drr\uFE0F")).toBe(skeleton("fiverr"));
  });

  it("different letters keep different skeletons", () => {
    expect(skeleton("fiverr")).not.toBe(skeleton("fivarr"));
  });

  it("never throws and is deterministic on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        expect(skeleton(s)).toBe(skeleton(s));
      }),
      { numRuns: 500 },
    );
  });
});
