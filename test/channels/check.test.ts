import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildChannelIndex, checkChannel, detectValueKind } from "../../src/channels/check.ts";
import { normalizeChannelValue, normalizePhone } from "../../src/channels/normalize.ts";
import { asciiDigits } from "../../src/channels/digits.ts";
import { decodePunycode, hostToAscii, hostToUnicode } from "../../src/channels/punycode.ts";
import { defaultRegistry } from "../../src/registry/seed-data.ts";

const index = buildChannelIndex(defaultRegistry.channels, defaultRegistry.platform);

describe("normalisation", () => {
  it("writes phone numbers in E.164 whatever digits and punctuation they use", () => {
    for (const v of ["+972 3-631-7882", "+972 (3) 631 7882", "00972 3 631 7882", "+\u0669\u0667\u0662\u0663\u0666\u0663\u0661\u0667\u0668\u0668\u0662", "\u06F0\u06F0\u06F9\u06F7\u06F2\u06F3\u06F6\u06F3\u06F1\u06F7\u06F8\u06F8\u06F2", "+\u096F\u096D\u0968\u0969\u096C\u0969\u0967\u096D\u096E\u096E\u0968", "\uFF0B\uFF19\uFF17\uFF12\uFF13\uFF16\uFF13\uFF11\uFF17\uFF18\uFF18\uFF12"]) {
      expect(normalizePhone(v), v).toBe("+97236317882");
    }
  });

  it("maps the digits of every script to ASCII by their value", () => {
    expect(asciiDigits("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")).toBe("0123456789");
    expect(asciiDigits("\u{1D7D8}\u{1D7E1}")).toBe("09"); // double-struck, a run that follows another
    fc.assert(fc.property(fc.integer({ min: 0x80, max: 0x1ffff }), (cp) => {
      const ch = String.fromCodePoint(cp);
      if (/\p{Nd}/u.test(ch) && /^[0-9]$/.test(ch.normalize("NFKC"))) expect(asciiDigits(ch)).toBe(ch.normalize("NFKC"));
    }), { numRuns: 5000 });
  });

  it("decodes and encodes IDN host names", () => {
    expect(decodePunycode("mnchen-3ya")).toBe("m\u00FCnchen");
    expect(hostToUnicode("xn--80ak6aa92e.com")).toBe("\u0430\u0440\u0440\u04CF\u0435.com");
    expect(hostToAscii("f\u0131verr.com")).toMatch(/^xn--/);
    expect(hostToUnicode(hostToAscii("b\u00FCcher.example")!)).toBe("b\u00FCcher.example");
  });

  it("stores one e-mail, URL or domain once however it is written", () => {
    expect(normalizeChannelValue("email", " Support@FIVERR.com ")).toBe("support@fiverr.com");
    expect(normalizeChannelValue("url", "HTTPS://WWW.Fiverr.com/support/")).toBe(normalizeChannelValue("url", "fiverr.com/support?utm=x"));
    expect(normalizeChannelValue("domain", "WWW.Fiverr.COM.")).toBe("fiverr.com");
  });
});

describe("detectValueKind", () => {
  it.each([
    ["support@fiverr.com", "email"],
    ["mailto:help@x.org", "email"],
    ["https://fiverr.com/x", "url"],
    ["www.fiverr.com", "url"],
    ["fiverr.com/support", "url"],
    ["fiverr.com", "domain"],
    ["+972 3-631-7882", "phone"],
    ["\u0669\u0667\u0662\u0663\u0666\u0663\u0661\u0667\u0668\u0668\u0662", "phone"],
    ["Fiverr-Care", "handle"],
    ["editors.picks", "handle"],
    ["hoosier333", "handle"],
  ])("%s is %s", (value, kind) => expect(detectValueKind(value)).toBe(kind));
});

describe("checkChannel against the seeded channels", () => {
  it("names the registered channel for official values", () => {
    expect(checkChannel(index, "SUPPORT@fiverr.com")).toMatchObject({ verdict: "official", channel: { kind: "email", value: "support@fiverr.com" } });
    expect(checkChannel(index, "+972-3-631-7882")).toMatchObject({ verdict: "official", channel: { kind: "phone" } });
    expect(checkChannel(index, "https://www.fiverr.com/support/articles/360010452598")).toMatchObject({ verdict: "official", channel: { value: "https://www.fiverr.com/support" } });
    expect(checkChannel(index, "https://www.instagram.com/fiverr")).toMatchObject({ verdict: "official", channel: { kind: "social" } });
    expect(checkChannel(index, "https://www.fiverr.com/inbox")).toMatchObject({ verdict: "official", channel: { kind: "domain", value: "fiverr.com" } });
  });

  it.each([
    ["https://fiverr.com.secure-login.xyz/verify", "fiverr.com", "brand_in_subdomain"],
    ["flverr.com", "fiverr.com", "same_key"],
    ["https://xn--fverr-n4a.com/login", "fiverr.com", "punycode"],
    ["https://fiverr-support.help", "fiverr.com", "brand_in_domain"],
    ["https://fivver.com/orders/FO123", "fiverr.com", "brand_in_domain"], // a known misspelling of the brand (words.data.json)
    ["fiverrr.com", "fiverr.com", "edit_distance"],
    ["support@fiverr-help.com", "support@fiverr.com", "brand_in_domain"],
    ["billing@f1verr.net", "fiverr.com", "same_key"],
    ["+972 3-631-7892", "+97236317882", "edit_distance"],
    ["https://twitter.com/fiverr_support", "https://twitter.com/fiverr", "profile_name"],
    ["https://www.instagram.com/flverr.help/", "https://www.instagram.com/fiverr/", "profile_name"],
  ])("%s is a lookalike of %s", (value, target, rule) => {
    const r = checkChannel(index, value);
    expect(r.verdict).toBe("lookalike");
    expect(r.target).toBe(target);
    expect(r.reasons.map((x) => x.rule)).toContain(rule);
  });

  it("names the look-alike characters of an IDN domain", () => {
    const r = checkChannel(index, "https://xn--fverr-n4a.com/login");
    const chars = r.reasons.flatMap((x) => x.chars ?? []);
    expect(chars).toContainEqual(expect.objectContaining({ char: "\u0131", codePoint: "U+0131", imitates: "i" }));
  });

  it("does not vouch for other values", () => {
    for (const v of ["https://twitter.com/some_seller", "https://drive.google.com/file/d/1", "anna@gmail.com", "+44 20 7946 0958", "example.org"]) {
      expect(checkChannel(index, v).verdict, v).toBe("unknown");
    }
    expect(checkChannel(index, "someone@fiverr.com").reasons[0]!.rule).toBe("official_domain_unregistered_address");
  });

  it("never throws on any value", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 80 }), (s) => {
      const r = checkChannel(index, s);
      expect(["official", "lookalike", "unknown"]).toContain(r.verdict);
    }), { numRuns: 500 });
  });

  it("works for another platform's channels", () => {
    const sc = buildChannelIndex([{ kind: "email", value: "support@stripchat.com" }, { kind: "url", value: "https://stripchat.com/support" }], { domains: ["stripchat.com"], brandWords: ["stripchat"] });
    expect(checkChannel(sc, "support@stripchat.com").verdict).toBe("official");
    expect(checkChannel(sc, "https://str\u0456pchat.com/login")).toMatchObject({ verdict: "lookalike", target: "stripchat.com" });
    expect(checkChannel(sc, "support@fiverr.com").verdict).toBe("unknown");
  });
});
