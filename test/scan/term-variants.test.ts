import { describe, expect, it } from "vitest";
import { iForLForms, splitForms, typoForms, umlautForms } from "../../src/scan/term-variants.ts";
import { createScanner } from "../../src/scan/scanner.ts";

describe("term variants", () => {
  it("split a name once, each piece at least three letters, and leave short or multi-word names alone", () => {
    expect(splitForms("paypal")).toEqual(["pay pal"]);
    expect(splitForms("whatsapp")).toEqual(["wha tsapp", "what sapp", "whats app"]);
    expect(splitForms("skype")).toEqual([]);
    expect(splitForms("western union")).toEqual([]);
  });

  it("make one slip of the keyboard after the first letter, never the name itself", () => {
    const forms = typoForms("whatsapp");
    expect(forms).toContain("whatsap");
    expect(forms).toContain("whatsaapp");
    expect(forms).toContain("wahtsapp");
    expect(forms).not.toContain("whatsapp");
    expect(forms.every((f) => f.startsWith("w"))).toBe(true);
    expect(typoForms("viber")).toEqual([]);
  });

  it("transcribe German umlauts and ß all at once, and only in terms that have them", () => {
    expect(umlautForms("überweis*")).toEqual(["ueberweis*"]);
    expect(umlautForms("bestätigungscode")).toEqual(["bestaetigungscode"]);
    expect(umlautForms("schließ")).toEqual(["schliess"]);
    expect(umlautForms("passwort")).toEqual([]);
    const scanner = createScanner();
    expect(scanner.scan("schick mir den bestaetigungscode aus der sms").labels).toEqual(["personal_data"]);
    expect(scanner.scan("gib niemals deinen bestaetigungscode weiter").labels).toEqual([]);
  });

  it("reach the rules through the lexicon, reported under the listed name", () => {
    const scanner = createScanner();
    const r = scanner.scan("msg me on wahtsapp pls");
    expect(r.labels).toEqual(["off_platform"]);
    expect(r.findings[0]!.normalized).toBe("whatsapp");
    expect(scanner.scan("you can pay me by pay pal").labels).toEqual(["payment_request"]);
    expect(scanner.scan("the logo for the snap chat filter is ready").labels).toEqual([]);
  });
});

describe("iForLForms", () => {
  it("types a capital I for every l but a first one, as the trick is typed", () => {
    expect(iForLForms("telegram")).toEqual(["teiegram"]);
    expect(iForLForms("paypal")).toEqual(["paypai"]);
    expect(iForLForms("zelle")).toEqual(["zeiie"]); // not "zeile", a German word
  });
  it("leaves short names, names without an inner l and phrases alone", () => {
    expect(iForLForms("blik")).toEqual([]);
    expect(iForLForms("line")).toEqual([]);
    expect(iForLForms("skype")).toEqual([]);
    expect(iForLForms("western union")).toEqual([]);
  });
});
