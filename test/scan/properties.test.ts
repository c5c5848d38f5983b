// Property tests: the scanner takes any string (lone surrogates, bidi controls, floods of
// combining marks, huge inputs) without throwing, reports spans inside the text whose
// `matched` is exactly the text there, and answers the same way twice.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createScanner } from "../../src/scan/scanner.ts";
import { entityView, toOriginal, wordView } from "../../src/scan/normalize.ts";

const scanner = createScanner();

const tricky = fc.constantFrom(
  "\ud800", "\udfff", "\u202e", "\u2066", "\u200b", "\u0301", "\u0651", "\u20e3", "\ufe0f", "𝟑", "٣", "ﬁ", "İ", "ß", "@", ".", " ", "\n", "0", "1", "+",
  "wa.me/", "paypal", "password", "fіverr", "w h a t s", "P a s s", "at", "dot", "4111 1111 1111 1111", "DE89 3704", "+44 7700",
);
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  { weight: 2, arbitrary: tricky },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
);
const message = fc.array(unit, { maxLength: 200 }).map((parts) => parts.join(""));

function checkResult(text: string) {
  const r = scanner.scan(text);
  for (const f of r.findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.start).toBeLessThanOrEqual(f.end);
    expect(f.matched).toBe(text.slice(f.start, f.end));
  }
  expect(r.labels.length === 0).toBe(r.risk === "none");
  return r;
}

describe("scanner properties", () => {
  it("never throws, spans lie inside the text, and the answer is deterministic", () => {
    fc.assert(
      fc.property(message, (text) => {
        const r = checkResult(text);
        expect(scanner.scan(text)).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it("handles 64 KiB inputs: random, combining floods, bidi and surrogate runs", () => {
    const inputs = [
      "a" + "\u0301".repeat(65535),
      "\u202e\u2066".repeat(32768),
      "\ud800".repeat(65536),
      "w h a t s a p p ".repeat(4096),
      "+44 7700 900 123 ".repeat(3800),
      "@".repeat(65536),
      "a.".repeat(32768),
    ];
    for (const text of inputs) checkResult(text);
    fc.assert(fc.property(fc.string({ unit: "binary", minLength: 30000, maxLength: 65536 }), (text) => void checkResult(text)), { numRuns: 3 });
  });

  it("every unit of both normalised views maps into the original text, in order", () => {
    fc.assert(
      fc.property(message, (text) => {
        for (const view of [entityView(text), wordView(entityView(text))]) {
          let last = 0;
          for (let i = 0; i < view.text.length; i++) {
            const [s, e] = toOriginal(view, i, i + 1);
            expect(s).toBeGreaterThanOrEqual(0);
            expect(e).toBeLessThanOrEqual(text.length);
            expect(s).toBeGreaterThanOrEqual(Math.min(last, s));
            last = s;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
