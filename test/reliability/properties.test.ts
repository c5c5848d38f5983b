// Cross-cutting property tests for the small pure pieces every route leans on:
// canonical JSON (audit hashes), opaque cursors (pagination), ETag matching,
// handle keys and channel normalisation. The scanner and lookalike engines
// carry their own property tests.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { canonicalJson } from "../../src/audit/canonical-json.ts";
import { decodeCursor, encodeCursor } from "../../src/http/pagination.ts";
import { ApiError } from "../../src/http/problem.ts";
import { assertMatches, etagOf, requireIfMatch } from "../../src/http/etag.ts";
import { handleKey } from "../../src/registry/accounts.service.ts";
import { normalizeChannelValue, type ChannelKind } from "../../src/channels/normalize.ts";

// Any Unicode, lone surrogates included: what a JSON body can carry.
const anyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: fc.constantFrom("\ud800", "\udfff", "\u{1F600}", "a", "é", "ж", "\u202e"), maxLength: 20 }),
);
const anyJson = fc.jsonValue({ maxDepth: 5 });

/** What a TEXT column does to a string: UTF-8 out and back in. */
const throughUtf8 = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s));
function deepMapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === "string") return f(v);
  if (Object.is(v, -0)) return 0; // JSON has no negative zero
  if (Array.isArray(v)) return v.map((x) => deepMapStrings(x, f));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [f(k), deepMapStrings(x, f)]));
  return v;
}
function shuffleKeys(v: unknown, seed: number): unknown {
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, seed));
  if (v && typeof v === "object") {
    const entries = Object.entries(v);
    const rotated = entries.length ? [...entries.slice(seed % entries.length), ...entries.slice(0, seed % entries.length)].reverse() : entries;
    return Object.fromEntries(rotated.map(([k, x]) => [k, shuffleKeys(x, seed)]));
  }
  return v;
}

describe("canonical JSON (the audit hash input)", () => {
  test("is valid JSON that parses back to the same value", () => {
    fc.assert(fc.property(anyJson, (v) => {
      expect(JSON.parse(canonicalJson(v))).toEqual(deepMapStrings(v, throughUtf8));
    }));
  });

  test("does not depend on the order keys were inserted in", () => {
    fc.assert(fc.property(anyJson, fc.nat(), (v, seed) => {
      expect(canonicalJson(shuffleKeys(v, seed))).toBe(canonicalJson(v));
    }));
  });

  test("is unchanged by a round trip through a TEXT column (lone surrogates included)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: "grapheme", maxLength: 10 }), fc.oneof(anyString, fc.array(anyString, { maxLength: 3 }))), (v) => {
        expect(canonicalJson(deepMapStrings(v, throughUtf8))).toBe(canonicalJson(v));
      }),
    );
  });
});

describe("opaque cursors", () => {
  test("every string and finite number survives encode → decode, in any script", () => {
    fc.assert(fc.property(anyString, (s) => {
      expect(decodeCursor(encodeCursor(s), "string")).toBe(s);
    }));
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), (n) => {
      expect(decodeCursor(encodeCursor(n), "number")).toBe(n === 0 ? 0 : n);
    }));
  });

  test("encoded cursors are URL-safe without escaping", () => {
    fc.assert(fc.property(anyString, (s) => {
      expect(encodeCursor(s)).toMatch(/^[A-Za-z0-9_-]*$/);
    }));
  });

  test("anything else is refused as a validation problem, never another error", () => {
    const garbage = fc.oneof(anyString, fc.base64String({ maxLength: 80 }), anyJson.map((v) => btoa(JSON.stringify(v) ?? "")).map((s) => s.replace(/=+$/, "")));
    fc.assert(
      fc.property(garbage, fc.constantFrom("string" as const, "number" as const), (c, kind) => {
        try {
          const v = decodeCursor(c, kind);
          expect(typeof v).toBe(kind);
          if (kind === "number") expect(Number.isFinite(v)).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(ApiError);
          expect((err as ApiError).code).toBe("validation-failed");
        }
      }),
    );
  });
});

describe("If-Match handling", () => {
  test("any header value either matches, or fails as 412/428; it never throws anything else", () => {
    const entity = { id: "acc_0123", version: 3 };
    fc.assert(
      fc.property(fc.oneof(anyString, fc.constantFrom("*", etagOf(entity), `W/${etagOf(entity)}`, `"x", ${etagOf(entity)}`, "")), (header) => {
        try {
          assertMatches(entity, requireIfMatch(header));
        } catch (err) {
          expect(err).toBeInstanceOf(ApiError);
          expect(["precondition-failed", "precondition-required"]).toContain((err as ApiError).code);
        }
      }),
    );
  });

  test("only the current version's ETag (or *) matches", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1000 }), fc.nat({ max: 1000 }), (current, sent) => {
        const ok = () => assertMatches({ id: "acc_1", version: current }, requireIfMatch(etagOf({ id: "acc_1", version: sent })));
        if (current === sent) expect(ok).not.toThrow();
        else expect(ok).toThrow(ApiError);
      }),
    );
  });
});

describe("handle keys", () => {
  test("never throw, are stable under repetition, and ignore ASCII case", () => {
    fc.assert(
      fc.property(anyString, (h) => {
        const k = handleKey(h);
        expect(handleKey(k)).toBe(k);
      }),
    );
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/), (h) => {
      expect(handleKey(h.toUpperCase())).toBe(handleKey(h.toLowerCase()));
    }));
  });
});

describe("channel normalisation", () => {
  const kinds: ChannelKind[] = ["email", "phone", "url", "domain", "social", "messenger"];
  test("never throws, for any kind and any text", () => {
    fc.assert(fc.property(fc.constantFrom(...kinds), anyString, (kind, v) => {
      expect(typeof normalizeChannelValue(kind, v)).toBe("string");
    }));
  });

  test("letter case and surrounding space do not make a second channel", () => {
    fc.assert(
      fc.property(fc.constantFrom<ChannelKind>("email", "domain", "url", "social", "messenger"), fc.stringMatching(/^[a-z0-9.@:/_-]{1,40}$/), (kind, v) => {
        expect(normalizeChannelValue(kind, `  ${v.toUpperCase()} `)).toBe(normalizeChannelValue(kind, v));
      }),
    );
  });
});
