import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { charBeforeIs, charIs, eachWordToken, isLabelChar, isSpelledLabelChar, isWordAt, isWordChar, MAX_MEMO_ENTRIES, memoised, newCharClasses, newWordMatcher, previousIndex, runStartBefore } from "../../src/scan/detectors/anchors.ts";
import { digitShape, textShape } from "../../src/scan/detectors/shape.ts";
import { base58check, bech32Valid, cnpjValid, cpfValid, ibanValid, israeliIdValid, italianTaxCodeValid, latvianPersonalCodeValid, luhnValid, peselValid, ssnShapeValid, turkishIdValid } from "../../src/scan/detectors/checksums.ts";
import { sha256 } from "../../src/scan/detectors/sha256.ts";
import { createEntityDetector, plainUrl, type Entity } from "../../src/scan/detectors/entities.ts";
import { spellNumbers } from "../../src/scan/detectors/spelled.ts";
import { entityView } from "../../src/scan/normalize.ts";
import { createScanner } from "../../src/scan/scanner.ts";

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
const detect = createEntityDetector({
  atWords: ["at", "ät", "et", "собака", "שטרודל"],
  dotWords: ["dot", "punkt", "punkts", "点", "точка", "נקודה"],
  mailHosts: new Set(["gmail.com"]),
  hostWords: new Map([["яндекс", "yandex"], ["ру", "ru"], ["ג׳ימייל", "gmail"], ["קום", "com"]]),
});
const numberWords = new Map(Object.entries({ plus: "+", four: "4", seven: "7", zero: "0", nine: "9", one: "1", two: "2", three: "3", double: "x2", četri: "4", septiņi: "7", nulle: "0" }));
function entities(text: string, kind?: Entity["kind"]): Entity[] {
  const a = entityView(text);
  const found = detect(a, spellNumbers(a, numberWords));
  for (const e of found) {
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(text.length);
  }
  return kind ? found.filter((e) => e.kind === kind) : found;
}
const values = (text: string, kind: Entity["kind"]) => entities(text, kind).map((e) => e.value);

describe("check digits", () => {
  it("SHA-256 matches the standard test vectors", () => {
    expect(hex(sha256(new TextEncoder().encode("abc")))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hex(sha256(new Uint8Array(0)))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(hex(sha256(new TextEncoder().encode("a".repeat(1000))))).toBe("41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
  });

  it("Luhn, IBAN mod-97, base58check, bech32", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(ibanValid("DE89370400440532013000")).toBe(true);
    expect(ibanValid("DE89370400440532013001")).toBe(false);
    expect(ibanValid("LV80BANK0000435195001")).toBe(true);
    expect(base58check("1BoatSLRHtKNngkdXEeobR76b53LETtpyT")?.[0]).toBe(0);
    expect(base58check("1BoatSLRHtKNngkdXEeobR76b53LETtpyU")).toBeUndefined();
    expect(bech32Valid("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")).toBe(true);
    expect(bech32Valid("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr")).toBe(false);
  });

  it("Italian codice fiscale, spaced CPF, CNPJ as a payment id", () => {
    expect(italianTaxCodeValid("RSSMRA85T10A562S")).toBe(true);
    expect(italianTaxCodeValid("RSSMRA85T10A562T")).toBe(false);
    expect(italianTaxCodeValid("RSSMRA85T35A562S")).toBe(false); // day 35 is no day
    expect(values("mio cf: rssmra85t10a562s.", "gov_id")).toEqual(["RSSMRA85T10A562S"]);
    expect(values("codice ABCDEF12G34H567I", "gov_id")).toEqual([]);
    expect(values("meu cpf: 390 533 447 05", "gov_id")).toEqual(["390 533 447 05"]);
    expect(values("meu cpf: 390 533 447 06", "gov_id")).toEqual([]);
    expect(cnpjValid("11222333000181")).toBe(true);
    expect(cnpjValid("11222333000182")).toBe(false);
    expect(values("chave pix 11.222.333/0001-81", "payment_id")).toEqual(["11.222.333/0001-81"]);
    expect(values("chave pix 11.222.333/0001-82", "payment_id")).toEqual([]);
  });

  it("identity numbers: Israeli ID, Latvian personal code, SSN shape, Brazilian CPF, PESEL, TC kimlik no", () => {
    expect(peselValid("88031435187")).toBe(true);
    expect(peselValid("01250757979")).toBe(true); // born in 2001: month 25
    expect(peselValid("88031435188")).toBe(false);
    expect(peselValid("88131435187")).toBe(false); // month 13
    expect(turkishIdValid("62601815964")).toBe(true);
    expect(turkishIdValid("62601815965")).toBe(false);
    expect(turkishIdValid("02601815964")).toBe(false);
    expect(cpfValid("52998224725")).toBe(true);
    expect(cpfValid("52998224726")).toBe(false);
    expect(cpfValid("11111111111")).toBe(false);
    expect(values("CPF 529.982.247-25 ok", "gov_id")).toEqual(["529.982.247-25"]);
    expect(values("CPF 529.982.247-26 ok", "gov_id")).toEqual([]);
    expect(israeliIdValid("000000018")).toBe(true);
    expect(israeliIdValid("000000019")).toBe(false);
    expect(latvianPersonalCodeValid("32119910021")).toBe(true);
    expect(latvianPersonalCodeValid("01019912345")).toBe(false);
    expect(ssnShapeValid("123456789")).toBe(true);
    expect(ssnShapeValid("666123456")).toBe(false);
    expect(ssnShapeValid("123004567")).toBe(false);
  });
});

describe("dictated numbers", () => {
  it("reads runs of number words as digits, tens and units together", () => {
    const words = new Map(Object.entries({ zéro: "0", six: "6", douze: "12", trente: "30", quatre: "4", cinquante: "50", soixante: "60", dix: "10", huit: "8", plus: "+", double: "x2", one: "1", two: "2", seven: "7" }));
    expect(spellNumbers(entityView("zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit"), words).text).toBe("0612345678");
    expect(spellNumbers(entityView("plus one double seven two"), words).text).toBe("+1772");
    const plain = entityView("one two and six");
    expect(spellNumbers(plain, words)).toBe(plain); // fewer than four number words in a row: left alone
  });

  it("reads hundreds, multiplying hundreds and connectors after tens; digits as written stay as they are", () => {
    const words = new Map(Object.entries({ восемь: "8", девять: "9", сто: "100", двести: "200", двадцать: "20", три: "3", пять: "5", one: "1", five: "5", hundred: "x100", and: "&", twenty: "20", three: "3", four: "4", treinta: "30", y: "&", cuatro: "4", seis: "6", uno: "1", dos: "2", é: "&" }));
    expect(spellNumbers(entityView("восемь девять сто двадцать три"), words).text).toBe("89123"); // "девять сто" is no 900
    expect(spellNumbers(entityView("восемь девять двести пять"), words).text).toBe("89205");
    expect(spellNumbers(entityView("one hundred and twenty three four"), words).text).toBe("1234");
    expect(spellNumbers(entityView("five hundred three four"), words).text).toBe("5034"); // 503, then 4
    expect(spellNumbers(entityView("seis uno dos treinta y cuatro"), words).text).toBe("61234");
    const broken = entityView("seis uno dos y tres cuatro");
    expect(spellNumbers(broken, words)).toBe(broken); // a connector after a unit breaks the run: 3 + 2 words
    expect(spellNumbers(entityView("$140 three four five one"), words).text).toBe("$1403451"); // 140 is no "hundred forty" to add 3 to
  });

  it("joins tens and a teen only after the French 60 and 80: elsewhere a teen after tens is a number of its own", () => {
    const words = new Map(Object.entries({ null: "0", eins: "1", siebzig: "70", zwölf: "12", vierunddreißig: "34", zéro: "0", six: "6", soixante: "60", douze: "12", trente: "30", quatre: "4" }));
    expect(spellNumbers(entityView("null eins siebzig zwölf vierunddreißig"), words).text).toBe("0170 12 34".replace(/ /g, ""));
    expect(spellNumbers(entityView("zéro six soixante douze trente quatre"), words).text).toBe("0672" + "34");
    // A number word with a hyphen inside ("quatre-vingt"), whole; "trente-quatre" is two words that add up.
    const fr = new Map(Object.entries({ zéro: "0", six: "6", quatre: "4", vingt: "20", "quatre-vingt": "80", douze: "12", trente: "30", dix: "10", neuf: "9" }));
    expect(spellNumbers(entityView("zéro six quatre-vingt-douze trente-quatre quatre-vingt-dix-neuf"), fr).text).toBe("06923499");
  });

  it("keeps an apostrophe inside a number word (Ukrainian п'ять, дев’ять)", () => {
    const words = new Map(Object.entries({ нуль: "0", шість: "6", "п'ять": "5", "дев’ять": "9" }));
    expect(spellNumbers(entityView("нуль шість п'ять дев’ять"), words).text).toBe("0659");
  });

  it("splits runs of Thai, kana or Han into number words", () => {
    const words = new Map(Object.entries({ ศูนย์: "0", แปด: "8", หนึ่ง: "1", สอง: "2", ぜろ: "0", きゅう: "9", いち: "1", に: "2", 八: "8", 六: "6" }));
    expect(spellNumbers(entityView("เบอร์ ศูนย์แปดหนึ่ง สองสอง"), words).text).toBe("เบอร์ 08122");
    expect(spellNumbers(entityView("ぜろきゅうぜろ いちに"), words).text).toBe("09012");
    expect(spellNumbers(entityView("加扣扣 八八六六"), words).text).toBe("加扣扣 8866");
    // Korean spaces its words, not the syllables of a dictated number; a word of other syllables breaks the run.
    const korean = new Map(Object.entries({ 공: "0", 일: "1", 이: "2", 삼: "3", 사: "4", 오: "5", 육: "6", 칠: "7", 팔: "8" }));
    expect(spellNumbers(entityView("문자 주세요 공일공 일이삼사 오육칠팔"), korean).text).toBe("문자 주세요 01012345678");
    expect(spellNumbers(entityView("사진 이사 일정"), korean).text).toBe("사진 이사 일정"); // too few number syllables for a number
    const sentence = entityView("にほんご");
    expect(spellNumbers(sentence, words)).toBe(sentence); // one number word in a word of the sentence
  });
});

describe("entity detectors", () => {
  it("phones: international numbers in any digits and separators, dictated numbers, not order numbers or dates", () => {
    expect(values("call +44 7700 900123 now", "phone")).toEqual(["+447700900123"]);
    expect(values("٠٠٤٤٧٧٠٠٩٠٠١٢٣", "phone")).toEqual(["+447700900123"]);
    expect(values("+4 4-7 7 0 0/9 0 0 1 2 3", "phone")).toEqual(["+447700900123"]);
    expect(values("plus four four seven seven zero zero nine zero zero one two three", "phone")).toEqual(["+447700900123"]);
    expect(values("plus četri četri septiņi septiņi nulle nulle", "phone")).toEqual([]); // too short for a number
    expect(values("Order FO4412 7700 9015, delivery 21.03.2025 18:00, SKU 4470-0900-1123, ticket #1-555-0143-22", "phone")).toEqual([]);
    expect(entities("+44 7700 900123", "phone")[0]!.detail).not.toBe("weak");
  });

  it("phones: national numbers without trunk 0 or country code are possible numbers, dates and times are not", () => {
    expect(entities("text me at 415 555 2671", "phone").map((e) => [e.value, e.detail])).toEqual([["4155552671", "possible"]]);
    expect(values("mera number 98765 43210 hai", "phone")).toEqual(["9876543210"]);
    expect(values("电话 138 1024 7765", "phone")).toEqual(["13810247765"]);
    // Han and kana touch the number without a space; a Latin letter glues it into a word
    expect(values("電話番号は090-1234-5678です", "phone")).toEqual(["09012345678"]);
    expect(values("我的手机号13800138000", "phone")).toEqual(["13800138000"]);
    expect(values("ID12345678 FO12345678901", "phone")).toEqual([]);
    expect(values("delivery 21.03.2025 18:00, 10:30-11:45, 1 111 111 111", "phone")).toEqual([]);
  });

  it("phones: a longer bare run is an international number without its +: a valid one possible, one only possible short", () => {
    expect(entities("call me 971501234567", "phone").map((e) => [e.value, e.detail])).toEqual([["+971501234567", "possible"]]);
    expect(values("whatsapp 9️⃣1️⃣9️⃣8️⃣7️⃣6️⃣5️⃣4️⃣3️⃣2️⃣1️⃣0️⃣", "phone")).toEqual(["+919876543210"]); // keycap digits
    // +44 7700 900… is the fictional range: possible, not valid, so the rules want a contact verb or a messenger beside it
    expect(entities("call me 447700900123", "phone").map((e) => [e.value, e.detail])).toEqual([["+447700900123", "short"]]);
    expect(values("ref 999999999999", "phone")).toEqual([]); // no such country code
    expect(values("ref 123456789012345", "phone")).toEqual([]);
  });

  it("phones: a sentence may end right after a number; 8–9 digit bare numbers are short ones, codes and references are not numbers", () => {
    expect(values("call me on 07911 123456.", "phone")).toEqual(["07911123456"]);
    expect(values("my number is 415 555 0198, call me", "phone")).toEqual(["4155550198"]);
    expect(values("ruf mich an: 0176 12345678.", "phone")).toEqual(["017612345678"]);
    expect(entities("llámame al 612 34 56 78", "phone").map((e) => [e.value, e.detail])).toEqual([["612345678", "short"]]);
    expect(values("backup codes 4821-0937 and 7765-1204", "phone")).toEqual([]);
    expect(values("Pasūtījuma numurs FO 2207 7700 913, termiņš 05.09.", "phone")).toEqual([]);
    expect(values("call me 1 3 8 0 0 1 3 8 0 0 0", "phone")).toEqual(["13800138000"]); // one digit at a time
    expect(values("na konto 61 1090 1014 0000 0712 1981 2874", "iban")).toEqual(["PL61109010140000071219812874"]); // a Polish NRB is an IBAN without "PL"
    expect(values("na konto 61 1090 1014 0000 0712 1981 2875", "iban")).toEqual([]); // mod 97 fails
    expect(values("rate 1 2 3 4 5 6 7 8 9 10 stars", "phone")).toEqual([]);
  });

  it("phones: emoji or pictographs between the groups part them like spaces", () => {
    expect(values("call me +44 7700🔸900🔸123", "phone")).toEqual(["+447700900123"]);
    expect(values("ruf an 0176🔹1234🔹5678", "phone")).toEqual(["017612345678"]);
    expect(values("whatsapp +44 7700 ☎ 900 123", "phone")).toEqual(["+447700900123"]);
    expect(values("prices 50 ⭐ 100 ⭐ 150", "phone")).toEqual([]);
  });

  it("phones: dotted bare numbers are short ones, not dates or amounts; a German area code may end in a slash", () => {
    expect(entities("text me 415.555.2671", "phone").map((e) => [e.value, e.detail])).toEqual([["4155552671", "short"]]);
    expect(values("llámame al 612.34.56.78", "phone")).toEqual(["612345678"]);
    expect(values("am 21.03.2025, Budget 12.500.000, v2.14.3, 192.168.100.200", "phone")).toEqual([]);
    expect(values("ruf an 0176/12345678", "phone")).toEqual(["017612345678"]);
    expect(values("תקפיץ לי הודעה ל-0541234567", "phone")).toEqual(["0541234567"]); // a Hebrew prefix's dash
    expect(values("order 12-0541234567", "phone")).toEqual([]);
    expect(values("Rechnung 2025/12345678", "phone")).toEqual([]);
  });

  it("phones: O for 0 and l or I for 1 inside a number no other letter touches", () => {
    expect(values("call me +44 77OO 9OO 123", "phone")).toEqual(["+447700900123"]);
    expect(values("my number is O7911 123456", "phone")).toEqual(["07911123456"]);
    expect(values("call me on 4l5 555 O143", "phone")).toEqual(["4155550143"]);
    expect(values("Order FO4412 77OO 9015", "phone")).toEqual([]); // a reference: the letters before it keep it a code
    expect(values("Office 365, the O2 network, H2O, 2O.O3.2O25", "phone")).toEqual([]);
  });

  it("phones: a Brazilian mobile number may set its leading 9 apart after the area code, other lone digits part numbers", () => {
    expect(values("me chama no zap 11 9 8765 4321", "phone")).toEqual(["11987654321"]);
    expect(values("meu whats (21) 9 9876-5432", "phone")).toEqual(["21998765432"]);
    expect(values("tested on 11 9 devices, android 9 8 and 7", "phone")).toEqual([]);
    expect(values("pedido 11 9 8765 entregue", "phone")).toEqual([]); // seven digits
  });

  it("links: a host whose ending only looks like a top-level domain (rn for m, 0 for o) is read as the host it passes for", () => {
    const spoof = entities("confirm at fiverr.corn/verify", "url");
    expect(spoof.map((e) => [e.value, e.detail, e.spoofedTld])).toEqual([["fiverr.com/verify", "fiverr.com", "corn"]]);
    expect(values("https://flverr.c0m/login", "url")).toEqual(["https://flverr.com/login"]);
    expect(values("the corn field on fiverr.com", "url")).toEqual(["fiverr.com"]);
    expect(entities("visit fiverr.com", "url")[0]!.spoofedTld).toBeUndefined();
  });

  it("e-mail addresses with at-words of several words, and at/dot words with vowel signs", () => {
    const d = createEntityDetector({ atWords: ["at", "at the rate", "ऐट द रेट"], dotWords: ["dot", "डॉट"], mailHosts: new Set(["gmail.com"]), hostWords: new Map(Object.entries({ जीमेल: "gmail", कॉम: "com" })) });
    const emails = (t: string) => d(entityView(t)).filter((e) => e.kind === "email").map((e) => e.value);
    expect(emails("mail rahul.design at the rate gmail dot com pls")).toEqual(["rahul.design@gmail.com"]);
    expect(emails("मेरा ईमेल amit.sharma ऐट द रेट जीमेल डॉट कॉम है")).toEqual(["amit.sharma@gmail.com"]);
    expect(emails("the rate is fixed at the rate card")).toEqual([]);
  });

  it("e-mail addresses on a webmail name without its ending, with a real @ or a bracketed at-word only", () => {
    expect(values("mail me: anna@gmail", "email")).toEqual(["anna@gmail.com"]);
    expect(values("mike.designs.co (at) gmail and we'll sort it", "email")).toEqual(["mike.designs.co@gmail.com"]);
    expect(values("have a look at gmail for the calendar", "email")).toEqual([]);
    expect(values("rahul.design@okaxis", "email")).toEqual([]);
  });

  it("e-mail addresses with the at- and dot-words of unspaced scripts glued to the address", () => {
    const cjk = createEntityDetector({ atWords: ["艾特", "アット", "アットマーク", "แอท"], dotWords: ["点", "ドット", "ดอท"], mailHosts: new Set(["gmail.com"]) });
    const mails = (text: string) => cjk(entityView(text)).filter((e) => e.kind === "email").map((e) => e.value);
    expect(mails("邮箱 zhang艾特qq点com")).toEqual(["zhang@qq.com"]);
    expect(mails("邮箱 zhang@163点com")).toEqual(["zhang@163.com"]);
    expect(mails("メールは taroアットマークgmailドットcom です")).toEqual(["taro@gmail.com"]); // the longer at-word first
    expect(mails("อีเมล somchaiแอทgmailดอทcom")).toEqual(["somchai@gmail.com"]);
    expect(mails("下午3点见，记得艾特小王")).toEqual([]);
  });

  it("e-mail addresses dictated in another script, with the host names spelled in it", () => {
    expect(values("олег собака яндекс точка ру", "email")).toEqual(["олег@yandex.ru"]);
    expect(values("נועה שטרודל ג׳ימייל נקודה קום", "email")).toEqual(["נועה@gmail.com"]);
    expect(values("олег собака неизвестно точка что", "email")).toEqual([]);
  });

  it("links after a Hebrew or Arabic proclitic and a hyphen, and user-info that is no valid escape", () => {
    expect(values("שלח ל-wa.me/447700900123", "url")).toEqual(["wa.me/447700900123"]);
    expect(values("my-site.com", "url")).toEqual(["my-site.com"]);
    expect(entities("see https://%E0%A4%A@fiverr.com/x now", "url")[0]!.userinfo).toBe("%E0%A4%A");
  });

  it("e-mail addresses, also spelled out with at/dot words or brackets", () => {
    expect(values("mail: Max.Muster@GMX.de", "email")).toEqual(["max.muster@gmx.de"]);
    expect(values("jonas punkt grafik at gmx punkt de", "email")).toEqual(["jonas.grafik@gmx.de"]);
    expect(values("lena[ät]posteo[punkt]de", "email")).toEqual(["lena@posteo.de"]);
    expect(values("name (at) gmail (dot) com", "email")).toEqual(["name@gmail.com"]);
    expect(values("write to sam at gmail.com", "email")).toEqual(["sam@gmail.com"]);
    expect(values("verify your identity at fiverr-check.com", "email")).toEqual([]);
    expect(values("meet at noon", "email")).toEqual([]);
  });

  it("links: schemes, bare domains, defanged and spelled dots, user-info tricks; not file names or versions", () => {
    expect(values("see https://fiverr.com/support.", "url")).toEqual(["https://fiverr.com/support"]);
    expect(values("go to fiverr-verify.co/login now", "url")).toEqual(["fiverr-verify.co/login"]);
    expect(values("iex (irm 'fonti[.]lv/i.ps1')", "url")).toEqual(["fonti.lv/i.ps1"]);
    expect(values("discord . gg / 7hK2pQ", "url")).toEqual(["discord.gg/7hK2pQ"]);
    expect(values("fiverr点com点secure点cn", "url")).toEqual(["fiverr.com.secure.cn"]);
    // typed one character at a time: read without the spaces, as a spaced host
    const spacedOut = entities("go to f i v e r r - h e l p . c o m to appeal", "url");
    expect(spacedOut.map((e) => [e.value, e.spaced])).toEqual([["fiverr-help.com", true]]);
    expect(values("b i t . l y / 3 x Y z", "url")).toEqual(["bit.ly/3xYz"]);
    expect(values("c o m p a n y . c o m y", "url")).toEqual(["company.com"]); // a one-letter word after the run
    expect(values("grades A . B . C . D", "url")).toEqual([]);
    const userinfo = entities("fiverr.com@login-lv.info/gig/9921", "url");
    expect(userinfo.map((e) => [e.detail, e.userinfo])).toEqual([["login-lv.info", "fiverr.com"]]);
    expect(values("v2.14.3 of Node.js, file tracker_fix.zip and setup.exe", "url")).toEqual([]);
  });

  it("links: a Markdown or HTML link keeps the site name its text shows", () => {
    const md = entities("see [fiverr.com](https://secure-order.top/pay) now", "url");
    expect(md.map((e) => [e.detail, e.shownAs])).toEqual([["secure-order.top", "fiverr.com"], ["fiverr.com", undefined]]);
    const html = entities('<a href="https://evil.xyz/o">https://www.fiverr.com/orders</a>', "url");
    expect(html[0]).toMatchObject({ detail: "evil.xyz", shownAs: "www.fiverr.com" });
    expect(entities("[my portfolio](https://anna-design.com)", "url")[0]?.shownAs).toBeUndefined();
  });

  it("IBANs with spaces, slashes or spaced letters, validated; cards by Luhn; wallets by checksum", () => {
    expect(values("DE89 3704 0044 0532 0130 00 und", "iban")).toEqual(["DE89370400440532013000"]);
    expect(values("DE89 / 3704 / 0044 / 0532 / 0130 / 00", "iban")).toEqual(["DE89370400440532013000"]);
    expect(values("konts: L V 8 0 B A N K 0000 4351 9500 1", "iban")).toEqual(["LV80BANK0000435195001"]);
    expect(values("DE89 3704 0044 0532 0130 01", "iban")).toEqual([]);
    expect(values("card 4111 1111 1111 1111 exp", "card")).toEqual(["4111111111111111"]);
    expect(values("4111 1111 1111 1112", "card")).toEqual([]);
    expect(values("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "crypto")).toEqual(["bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"]);
    expect(values("to 1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "crypto")).toEqual(["1BoatSLRHtKNngkdXEeobR76b53LETtpyT"]);
    expect(entities("0x52908400098527886E0F7030069857D2E4169EE7", "crypto")[0]?.detail).toBe("eth");
  });

  it("identity numbers, handles, payment ids and executables", () => {
    expect(entities("TC no: 7 0 3 0 8 2 4 6 2 0 2", "gov_id")[0]?.detail).toBe("tr_id");
    expect(entities("PESEL 88031435187", "gov_id").length).toBe(1);
    expect(entities("SSN 123-45-6789", "gov_id")[0]?.detail).toBe("ssn");
    expect(entities("kods 321199-10021", "gov_id")[0]?.detail).toBe("lv_personal_code");
    expect(entities("ת.ז 000000018", "gov_id")[0]?.detail).toBe("il_id");
    expect(entities("ת.ז 000000019", "gov_id")).toEqual([]);
    expect(entities("PESEL 88031435187, dzięki", "gov_id")[0]?.detail).toBe("pl_pesel");
    expect(entities("TC kimlik no: 62601815964.", "gov_id")[0]?.detail).toBe("tr_id");
    expect(entities("nr 88031435187,5", "gov_id")).toEqual([]);
    expect(values("tg @kira_edits", "handle")).toEqual(["kira_edits"]);
    expect(values("UPI rahul.design@okaxis", "payment_id")).toEqual(["rahul.design@okaxis"]);
    expect(values("run FontFixer_setup.exe or open the .docm", "executable")).toEqual(["fontfixer_setup.exe", ".docm"]);
  });
});

describe("detector pre-scans and anchors", () => {
  it("memoised computes once per key, remembers falsy answers and stays bounded", () => {
    const memo = new Map<string, boolean>();
    let calls = 0;
    const compute = (k: string) => (calls++, k.length > 3);
    expect(memoised(memo, "ab", compute)).toBe(false);
    expect(memoised(memo, "ab", compute)).toBe(false);
    expect(calls).toBe(1);
    for (let i = 0; i < MAX_MEMO_ENTRIES + 10; i++) memoised(memo, `k${i}`, compute);
    expect(memo.size).toBeLessThanOrEqual(MAX_MEMO_ENTRIES);
    expect(memoised(memo, "abcd", compute)).toBe(true);
  });

  it("character runs step over astral letters and look up Unicode classes once", () => {
    const cls = newCharClasses();
    const text = "x 𠀀ab-c.d";
    expect(runStartBefore(text, 8, cls, isLabelChar)).toBe(2); // "𠀀ab-c" (a two-unit Han letter first)
    expect(charBeforeIs(text, 4, cls, isWordChar)).toBe(true); // after the surrogate pair
    expect(charIs(text, 3, cls, isWordChar)).toBe(false); // a lone low surrogate half is no letter
    expect(previousIndex(text, 4)).toBe(2);
    expect(charBeforeIs("жa", 1, cls, isSpelledLabelChar)).toBe(true);
    expect(charBeforeIs("中a", 1, cls, isSpelledLabelChar)).toBe(false);
  });

  it("word tokens match their lists as a case-insensitive Unicode regex would", () => {
    const at = newWordMatcher(["at", "собака", "アット"]);
    const found: string[] = [];
    eachWordToken("mail AT home, or (СОБАКА) or アット or at-home or cat", [at], (_m, s, e) => found.push("mail AT home, or (СОБАКА) or アット or at-home or cat".slice(s, e)));
    expect(found).toEqual(["AT", "СОБАКА", "アット"]);
    const longS = newWordMatcher(["arobaſe"]); // long s folds to "s": ASCII tokens go to the regex
    expect(isWordAt(longS, "AROBASE", 0, 7)).toBe(true);
    const umlaut = newWordMatcher(["ät", "παπάκι"]);
    expect(isWordAt(umlaut, "ÄT", 0, 2)).toBe(true); // the first letter folds too
    expect(isWordAt(umlaut, "ΠΑΠΆΚΙ", 0, 6)).toBe(true);
    expect(isWordAt(umlaut, "bt", 0, 2)).toBe(false);
  });

  it("the digit and text shapes say exactly what the regex pre-tests said", () => {
    const alphabet = fc.constantFrom("1", "2", "0", " ", "-", "+", "(", ")", ".", "a", "B", "\u00a0", "/", "@", ":", "[", "]", "dot", "x", "abcdefghij", "0123456789", "ж");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((xs) => xs.join("")), (t) => {
        const d = digitShape(t);
        expect(d.threeClose).toBe(/\d\D{0,3}\d\D{0,3}\d/.test(t));
        expect(d.longestRun >= 3).toBe(/\d{3}/.test(t));
        expect(d.longestRun >= 9).toBe(/\d{9}/.test(t));
        expect(d.cardRun >= 13).toBe(/\d(?:[ \-]?\d){12}/.test(t));
        expect(d.closePair).toBe(/\d\s?\d/.test(t));
        expect(d.pairs).toEqual([...t].flatMap((c, q) => (/\d/.test(c) && /^\s?\d/.test(t.slice(q + 1)) ? [q] : [])));
        if (/(?:\+|00|\(?0)\s?\d(?:\D{0,3}\d){5}/.test(t)) expect(d.chain).toBeGreaterThanOrEqual(6);
        const s = textShape(t);
        const defanged = (i: number) => /^(?:\[\.\]|\(\.\)|\[dot\]|\(dot\))/i.exec(t.slice(i))?.[0].length;
        expect(s.separators).toEqual([...t].flatMap((c, i) => (c === "." ? [i, i + 1] : defanged(i) ? [i, i + defanged(i)!] : [])));
        expect(s.openBrackets).toEqual([...t].flatMap((c, i) => ("([{<".includes(c) ? [i] : [])));
        expect({ ...s, separators: undefined, openBrackets: undefined }).toEqual({ ...d, separators: undefined, openBrackets: undefined, at: t.includes("@"), spacedDot: t.includes(" . "), slashes: t.includes("//"), scheme: t.includes("://"), longAlnumRun: /[A-Za-z0-9]{25}/.test(t) });
      }),
      { numRuns: 3000 },
    );
  });

  it("plainUrl gives what the WHATWG parser gives, or leaves the link to it", () => {
    const piece = fc.constantFrom("a", "Z", "0", "9", "-", ".", "/", "xn--", "0x", "..", "%2e", "?", "#", "@", ":", "\\", "é", "_", "~", "'", "\t", " ", "com", "1");
    const scheme = fc.constantFrom("", "", "http://", "HTTPS://", "ftp://", "foo://", "http:/");
    fc.assert(
      fc.property(scheme, fc.array(piece, { minLength: 1, maxLength: 12 }).map((xs) => xs.join("")), (s, rest) => {
        const clean = s + rest;
        const plain = plainUrl(clean);
        if (!plain) return;
        const url = new URL(s ? clean : `http://${clean}`);
        expect(plain).toEqual({ hostname: url.hostname, pathname: url.pathname });
        expect(url.username).toBe("");
      }),
      { numRuns: 5000 },
    );
    expect(plainUrl("Fiverr.com/Support")).toEqual({ hostname: "fiverr.com", pathname: "/Support" });
    expect(plainUrl("1.2.3.4")).toBeUndefined(); // IPv4: the parser rewrites it
    expect(plainUrl("host.com:8080")).toBeUndefined();
    expect(plainUrl("HTTPS://Fiverr.com")).toEqual({ hostname: "fiverr.com", pathname: "/" });
  });

  it("anchored searches find what a scan of every position finds", () => {
    expect(values("write to max . muster punkt x (at) gmx (dot) de", "email")).toEqual(["muster.x@gmx.de"]);
    expect(values("b.c.d.e.f.g.h.i.j@mail.de", "email")).toEqual(["b.c.d.e.f.g.h.i.j@mail.de"]); // nine parts before the "@"
    expect(values("a.b.c.d.e.f.g.h.i.j@mail.de", "email")).toEqual([]); // ten are more than an address has
    expect(values("bad(dot)ru", "url")).toEqual(["bad.ru"]);
    expect(entities("bad(dot)ru", "url")[0]!.spaced).toBe(true); // no "." or ":": found as a spelled host only
    expect(values("get my_setup.exe and x-y.sh now", "executable")).toEqual(["my_setup.exe", "x-y.sh"]);
    expect(values("IBAN: de89 3704 0044 0532 0130 00", "iban")).toEqual(["DE89370400440532013000"]);
  });
});

describe("link verdicts", () => {
  const scanner = createScanner();
  const rules = (text: string) => scanner.scan(text).findings.filter((f) => f.label === "suspicious_link").map((f) => f.rule);

  it("a bare public IP address with the platform's or a brand's name in its path imitates it; a private one is a dev server", () => {
    expect(rules("open http://185.23.44.10/fiverr/login")).toEqual(["link_lookalike"]);
    expect(rules("open http://45.12.7.3/paypal-login/x")).toEqual(["link_brand_imitation"]);
    expect(rules("dev server http://127.0.0.1:3000/fiverr-clone and http://192.168.1.10/fiverr")).toEqual([]);
    expect(rules("open http://185.23.44.10/orders")).toEqual([]);
    expect(rules("staging http://34.122.10.5/paypal-integration-demo and http://34.1.2.3/fiverr-clone")).toEqual([]); // a topic, no lure
  });

  it("a site named for a product built after the platform (its name spelt right, a topic word, no lure word) is no imitation", () => {
    expect(rules("my demo: fiverr-clone-demo.netlify.app and fiverr-script-demo.com")).toEqual([]);
    expect(rules("verify at fiverr-clone-login.com")).toEqual(["link_lookalike"]); // a lure word beside it
    expect(rules("see flverr-template.com")).toEqual(["link_lookalike"]); // misspelt: no developer's clone
    expect(rules("my work: fiverr-portfolio.xyz/amy")).toEqual(["link_lookalike"]); // a portfolio is no product of the platform
  });

  it("an ordinary word one letter from the platform's name, spelt as the word, is no misspelling of it", () => {
    expect(rules("rates from the fixer.io API, plans on fiber.com, sites.google.com/view/river-tours")).toEqual([]);
    expect(rules("log in at fiver.com or fivver.com")).toEqual(["link_lookalike", "link_lookalike"]);
    expect(rules("see fixer-fiverr.com")).toEqual(["link_lookalike"]); // the platform's own name beside the word
  });

  it("the platform's name typed a letter a label is its imitation", () => {
    expect(rules("log in at f.i.v.e.r.r.com/verify or f.i.v.e.r.r-support.com")).toEqual(["link_lookalike", "link_lookalike"]);
    expect(rules("see a.b.c.d.com")).toEqual([]);
  });

  it("a redirect whose query holds a lookalike, a user-info trick or a short link passes its verdict on", () => {
    expect(rules("brief: https://www.google.com/url?q=https://fiverr-help.top/brief")).toEqual(["link_lookalike"]);
    expect(rules("brief: https://l.facebook.com/l.php?u=https%3A%2F%2Fbit.ly%2F3xYz")).toEqual(["link_shortener"]);
    expect(rules("brief: https://www.google.com/url?q=https://drive.google.com/file/d/1x")).toEqual([]);
    expect(rules("brief: https://www.google.com/url?q=fiverr-help.top/x")).toEqual(["link_lookalike"]); // a bare host with a path
    expect(rules("search: https://www.google.com/search?q=fiverr.help+center&v=1.2")).toEqual([]);
    const chat = scanner.scan("https://l.instagram.com/?u=https%3A%2F%2Fwa.me%2F447700900123").findings.map((f) => f.rule);
    expect(chat).toContain("messenger_link"); // a chat behind the redirect is off_platform, not a hidden lure
  });

  it("a link that shows the platform, a brand or a file host but goes elsewhere is masked", () => {
    expect(rules("order: [fiverr.com](https://secure-order.top/pay)")).toEqual(["link_masked"]);
    expect(rules("files: [drive.google.com](https://files-share.top/d)")).toEqual(["link_masked"]);
    expect(rules("order: [www.fiverr.com](https://www.fiverr.com/orders)")).toEqual([]);
    expect(rules("my site: [anna-design.com](https://anna-design.netlify.app)")).toEqual([]);
    expect(rules("files: [wetransfer.com](https://we.tl/t-AbC123) and [youtube.com](https://youtu.be/dQw4w9WgXcQ)")).toEqual([]);
  });

  it("a brand whose name is an ordinary word counts glued to a lure word only; a bare brand subdomain needs one too", () => {
    expect(rules("sites: https://apple-orchard-farm.com https://wise-owl-tutoring.com https://google.github.io/x")).toEqual([]);
    expect(rules("login: https://apple-id-login.com")).toEqual(["link_brand_imitation"]);
    expect(rules("login: https://paypal.secure-login.top/x")).toEqual(["link_brand_imitation"]);
  });

  it("the platform's or a brand's address in a foreign path, and a path-named site named after them", () => {
    expect(rules("orders: https://order-portal.top/www.fiverr.com/orders")).toEqual(["link_lookalike"]);
    expect(rules("sign in: https://evil.top/paypal.com/signin")).toEqual(["link_brand_imitation"]);
    expect(rules("old page: https://web.archive.org/web/2020/https://www.fiverr.com/")).toEqual([]);
    expect(rules("stats: https://www.similarweb.com/website/fiverr.com/ and https://builtwith.com/paypal.com")).toEqual([]);
    expect(rules("info: https://sites.google.com/view/fiverr-support/login")).toEqual(["link_lookalike"]);
    expect(rules("my site: https://sites.google.com/view/annadesign/home")).toEqual([]);
  });

  it("the platform's name in another script or a listed spelling as part of a host, in Unicode or punycode", () => {
    expect(rules("order: https://файвер-поддержка.рф/x and https://xn----7sbbglaedjxs7bmmg6c.xn--p1ai/x")).toEqual(["link_lookalike", "link_lookalike"]);
    expect(rules("order: https://פייבר-תמיכה.co.il/o https://phiverr-help.com")).toEqual(["link_lookalike", "link_lookalike"]);
    expect(rules("portfolio: https://дизайн-студия.рф/работы")).toEqual([]);
  });

  it("shorteners and brand names on free hosts", () => {
    expect(rules("file: ouo.io/Xy12 and han.gl/Ab12")).toEqual(["link_shortener", "link_shortener"]);
    expect(rules("files: https://googledrive-share.online/a, https://yandex-disk.top/d")).toEqual(["link_brand_imitation", "link_brand_imitation"]);
  });
});
