import { describe, expect, it } from "vitest";
import { MappedBuilder, entityView, flagsOf, newCharCache, newEntityCache, toOriginal, transformNames, wordView, type Mapped } from "../../src/scan/normalize.ts";

const word = (s: string) => wordView(entityView(s)).text;

/** The original text behind the derived span of `needle` in the word view. */
function originalOf(text: string, needle: string): string {
  const w = wordView(entityView(text));
  const i = w.text.indexOf(needle);
  expect(i, `${needle} in ${w.text}`).toBeGreaterThanOrEqual(0);
  const [s, e] = toOriginal(w, i, i + needle.length);
  return text.slice(s, e);
}

describe("entity view", () => {
  it("folds digits of every script, keycaps, fullwidth forms and drops invisible characters", () => {
    expect(entityView("٠٠٤٤ ۳ ३ ３").text).toBe("0044 3 3 3");
    expect(entityView("➕1️⃣5️⃣5️⃣").text).toBe("+155");
    expect(entityView("052־1234567").text).toBe("052-1234567"); // the Hebrew maqaf is a hyphen
    expect(entityView("W🅰️tsapp 🅟🅐🅨").text).toBe("WAtsapp PAY"); // emoji letters, but not flags
    expect(entityView("🇧🇷").text).toBe("🇧🇷");
    expect(entityView("pay\u200bpal").text).toBe("paypal");
    expect(entityView("ﬁverr․com").text).toBe("fiverr.com");
  });

  it("reads an ideographic full stop between ASCII letters or digits as a host's dot, elsewhere as a sentence's end", () => {
    expect(entityView("fiverr。com-verify｡top").text).toBe("fiverr.com-verify.top");
    expect(entityView("fiverr‧help").text).toBe("fiverr.help");
    expect(entityView("加我微信。谢谢").text).toBe("加我微信. 谢谢");
    expect(entityView("完成。Thanks").text).toBe("完成. Thanks");
  });

  it("asks NFKC only when a character may change or compose with the one before", () => {
    // Characters that are their own NFKC form and carry no marks: the text as it is, unmapped.
    for (const s of ["привет мир", "你好、世界", "Grüße 🙂 שלום\tok"]) expect(entityView(s)).toEqual({ text: s, start: null, end: null, flags: null });
    // A mark composes with the letter before it; Hangul jamo make NFKC change the text too, so their
    // view is built unit by unit (the view composes only marks) and its tab reads as a space.
    expect(entityView("e\u0301x").text).toBe("éx");
    const hangul = entityView("가\u11a8\tok");
    expect([hangul.text, Array.from(hangul.start!)]).toEqual(["가\u11a8 ok", [0, 1, 2, 3, 4]]);
    expect(entityView("\u1100\u1161\tok").text).toBe("\u1100\u1161 ok");
    // An astral character outside the emoji planes (Kirat Rai vowels compose, Unicode 16): mapped by pairs.
    const kiratRai = "\u{16D63}\u{16D67}\t";
    if (kiratRai.normalize("NFKC") !== kiratRai) expect(Array.from(entityView(kiratRai).end!)).toEqual([2, 2, 4, 4, 5]);
    expect(entityView("🙂\u{1F642}\tok").start).toBeNull();
  });

  it("knows every character outside the astral planes that composes with the one before: marks and Hangul jamo", () => {
    // What the NFKC gate of the entity view stands on, checked against this engine's Unicode data:
    // the non-first parts of canonical decompositions, and the first part of a character's own.
    const mayJoin = (cp: number) => /\p{M}/u.test(String.fromCodePoint(cp)) || (cp >= 0x1100 && cp <= 0x11ff);
    const seconds = new Set<number>();
    const firsts = new Map<number, number>();
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k).filter((cp) => cp < 0xd800 || cp > 0xdfff);
    for (const cp of [...range(0x80, 0x10000), ...range(0x1f000, 0x20000)]) {
      const parts = [...String.fromCodePoint(cp).normalize("NFD")].map((c) => c.codePointAt(0)!);
      for (const p of parts.slice(1)) seconds.add(p);
      if (!mayJoin(cp)) firsts.set(cp, parts[0]!);
    }
    expect([...seconds].filter((cp) => cp < 0x10000 && !mayJoin(cp))).toEqual([]);
    expect([...firsts].filter(([, first]) => seconds.has(first)).map(([cp]) => cp)).toEqual([]);
  });

  it("maps every unit back into the original text", () => {
    const s = "a\u200b٣b ﬁ 1️⃣";
    const a = entityView(s);
    for (let i = 0; i < a.text.length; i++) {
      const [x, y] = toOriginal(a, i, i + 1);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(s.length);
      expect(x).toBeLessThan(y);
    }
  });
});

describe("word view", () => {
  it("lower-cases, drops diacritics and turns punctuation runs into one space", () => {
    expect(word("Atsūti man PAROLI!!  Überweisung…")).toBe("atsuti man paroli uberweisung");
    expect(word("Trust-&-Safety")).toBe("trust safety");
  });

  it("reads a letter held down as one, but not a run the word starts with, nor digits", () => {
    expect(word("whaaaatsapp الوااااتس כתוב לייייי")).toBe("whatsapp الواتس כתוב לי");
    expect(word("www sss cccd bbbb x1000")).toBe("www sss cccd bbbb x1000");
    expect(word("whaaaatsаpp")).toBe("whatsapp"); // also in a word the token pass takes (a Cyrillic а)
    expect(originalOf("call me on whaaaatsapp!", "whatsapp")).toBe("whaaaatsapp");
  });

  it("folds confusable letters only in mainly-Latin words", () => {
    expect(word("Теlеgrаm")).toBe("telegram"); // Cyrillic Т, е, а
    expect(word("fіverr")).toBe("fiverr"); // Cyrillic і
    expect(word("ватсап телеграм")).toBe("ватсап телеграм");
  });

  it("folds Latin look-alikes into mainly Cyrillic words (пaроль with a Latin a)", () => {
    expect(word("скинь пaроль")).toBe("скинь пароль");
    expect(word("Telegram-бот")).toBe("telegram бот");
  });

  it("undoes leet next to accented Latin letters and next to symbols already read as letters", () => {
    expect(word("dime tu c0ntr4s3ñ4")).toBe("dime tu contrasena");
    expect(word("passa o c0d1g0")).toBe("passa o codigo");
    expect(word("send me ur c0d3")).toBe("send me ur code");
    expect(word("v2 a3 b4 x1 1080p")).toBe("v2 a3 b4 x1 1080p");
  });

  it("folds letters that pass for Latin ones without a UTS #39 prototype (ω for w)", () => {
    expect(word("add me on ωhatsapp")).toBe("add me on whatsapp");
    expect(word("καλημέρα σας")).toBe("καλημέρα σας"); // Greek words stay Greek
  });

  it("joins letters spaced out with an emoji between them", () => {
    expect(word("add me on W🔥h🔥a🔥t🔥s🔥A🔥p🔥p")).toBe("add me on whatsapp");
  });

  it("undoes digit leet inside Cyrillic words", () => {
    expect(word("ск1нь п4роль")).toBe("скинь пароль");
    expect(word("пар0ль к4рты")).toBe("пароль карты");
    expect(word("заказ 4 шт")).toBe("заказ 4 шт"); // a number between words stays a number
  });

  it("reads @ between Hebrew or Arabic letters as alef, but not in an address or beside a Latin letter", () => {
    expect(word("و@تساب")).toBe("واتساب");
    expect(word("ب@ي بال")).toBe("باي بال");
    expect(word("וו@טסאפ")).toBe("וואטסאפ");
    expect(word("הסיסמ@")).toBe("הסיסמא"); // at the word's end after two letters
    expect(word("info@site.co.il")).toBe("info site co il");
    expect(word("@יוסי")).toBe("יוסי"); // a handle's @ is no letter
  });

  it("undoes leet in two-letter words beside a word in leet, and after a leading digit in a word with more leet", () => {
    expect(word("m0t d3 p@sse")).toBe("mot de passe");
    expect(word("c0d1c3 d1 v3r1f1c4")).toBe("codice di verifica");
    expect(word("c0d1g0 d3 4c3ss0")).toBe("codigo de acesso");
    expect(word("A4 C4 4k 3d 1st mp3 b2b 1080p")).toBe("a4 c4 4k 3d 1st mp3 b2b 1080p"); // sizes, codes and formats stay
    expect(word("print d3 on paper")).toBe("print d3 on paper"); // no word in leet beside it
  });

  it("drops combining strokes, underlines and stress marks stacked on letters", () => {
    expect(word("w̶h̶a̶t̶s̶a̶p̶p̶")).toBe("whatsapp");
    expect(word("p̲a̲s̲s̲w̲o̲r̲d̲")).toBe("password");
    expect(word("паро́ль")).toBe("пароль");
    expect(word("Việt Nam й ё")).toBe("viet nam й ё"); // precomposed letters keep their own folds
  });

  it("undoes leetspeak but keeps e-mail addresses and numbers", () => {
    expect(word("wh@ts@pp")).toBe("whatsapp");
    expect(word("d1scord F!verr C0de")).toBe("discord fiverr code");
    expect(word("s3nh@ max@gmail.com")).toBe("senha max gmail com");
    expect(word("order FO4412 v2 mp4")).toBe("order fo4412 v2 mp4");
  });

  it("joins runs of single spaced or dotted letters", () => {
    expect(word("dein P a s s w o r t und")).toBe("dein passwort und");
    expect(word("t.e.l.e.g.r.a.m")).toBe("telegram");
    expect(word("w h @ t s a p p")).toBe("whatsapp");
    expect(word("C‑o‑d‑e")).toBe("code");
    expect(word("pague no p i x")).toBe("pague no pix");
    expect(word("plan a b")).toBe("plan a b");
    expect(word("ה-O.T.P")).toBe("ה otp"); // a run stays in one script
    expect(word("הס י ס מ ה")).toBe("הסיסמה"); // a glued prefix before the run joins it
    expect(word("W  h  a  t  s  a  p  p")).toBe("whatsapp"); // evenly double-spaced
    expect(word("s e n d  m e  t h e  c o d e")).toBe("send me the code"); // a wider gap is a word break
    expect(word("आधार न ं ब र")).toBe("आधार नंबर"); // a spaced-out vowel sign joins its letter
  });

  it("joins spelled-out letters glued to kana or Han, with their vowel signs, or parted by an emoji", () => {
    expect(word("L I N Eで連絡")).toBe("lineで連絡"); // the particle glued to the last letter
    expect(word("ペ イ ペ イで払って")).toBe("ペイペイで払って");
    expect(word("加我v x")).toBe("加我vx"); // the first letter glued to Han
    expect(word("टे.ली.ग्रा.म पे")).toBe("टेलीग्राम पे"); // dotted syllables; the spaced word after them stays
    expect(word("है तो वो भी")).toBe("है तो वो भी"); // short Hindi words parted by spaces are words
    expect(word("ไ ล น์")).toBe("ไลน์");
    expect(word("V❤X 微 信")).toBe("vx 微 信"); // an emoji joins two letters, a space between two Han letters does not
  });

  it("ends a run of spelled-out letters at a colon or a change of separator", () => {
    expect(word("加我v x：L e e 8 8 6")).toBe("加我vx lee 8 8 6");
    expect(word("P a s s w o r t t.e.l.e.g.r.a.m")).toBe("passwort telegram");
    expect(word("A-n-y-D-e-s-k i")).toBe("anydesk i");
  });

  it("reads Arabic or Hebrew letters switched into a Latin word by sound, and leaves a glued proclitic as typed", () => {
    expect(word("انydesk")).toBe("anydesk");
    expect(word("טeamviewer")).toBe("teamviewer");
    expect(word("בwhatsapp")).toBe("בwhatsapp");
    // So does the Arabic article, alone or after a proclitic ("الـOTP", "بالpaypal", "عالwhatsapp").
    expect(word("الـotp")).toBe("الotp");
    expect(word("بالpaypal")).toBe("بالpaypal");
    expect(word("عالwhatsapp")).toBe("عالwhatsapp");
    // and a look-alike inside the Latin word after it is folded ("בwhatѕapp" with a Cyrillic ѕ)
    expect(word("בwhatѕapp")).toBe("בwhatsapp");
    expect(word("بالpаypal")).toBe("بالpaypal");
    // An Arabic word and an English one glued together: the Arabic one is not read in Latin (the shorter Latin run is read in Arabic, script-switch.ts).
    expect(word("واتسابlogo")).toBe("واتسابلوجو");
  });

  it("reads the shorter half of a word typed in two scripts by its sound in the other half's script", () => {
    expect(word("ватсapp")).toBe("ватсапп"); // by sound, not the look-alikes "ватсарр"
    expect(word("واتسapp")).toBe("واتساب"); // pp is one ب
    expect(word("וואטסapp")).toBe("וואטסאפ");
    expect(word("טלגram")).toBe("טלגרם"); // no a after a consonant, final mem
    expect(word("телеgram")).toBe("телеграм"); // a tie goes to the local script
    expect(word("तेलीgram")).toBe("तेलीग्राम"); // virama between consonants, vowel sign after one
    expect(word("व्हाट्सapp")).toBe("व्हाट्साप"); // after its consonant a Latin vowel is a vowel sign
    expect(word("पेपal")).toBe("पेपाल");
    expect(word("whatsапп")).toBe("whatsapp"); // п has no Latin look-alike: read by sound
    expect(word("раypal")).toBe("paypal"); // Cyrillic look-alikes stay look-alikes
    expect(word("cкинь")).toBe("скинь"); // one Latin letter in a Cyrillic word is a look-alike
    expect(word("телегrам")).toBe("телеграм"); // a Latin letter with no Cyrillic look-alike is read by sound
    expect(word("пaроль")).toBe("пароль");
  });

  it("round-trips offsets: a normalised word maps to the text the reader sees", () => {
    expect(originalOf("Schreib mir auf Теlеgrаm!", "telegram")).toBe("Теlеgrаm");
    expect(originalOf("tbh wh@ts@pp, ok", "whatsapp")).toBe("wh@ts@pp");
    expect(originalOf("dein P a s s w o r t und", "passwort")).toBe("P a s s w o r t");
    expect(originalOf("pay\u200bpal me", "paypal")).toBe("pay\u200bpal");
    // through an entity view that changed the text: several original units to one, one to several
    expect(originalOf("on ﬁverr (٣ days)", "fiverr")).toBe("ﬁverr");
    expect(originalOf("on ﬁverr (٣ days)", "3 days")).toBe("٣ days");
  });

  it("records the transforms applied", () => {
    const w = wordView(entityView("Теlеgrаm"));
    expect(transformNames(flagsOf(w, 0, w.text.length))).toContain("confusables");
    const l = wordView(entityView("wh@ts@pp"));
    expect(transformNames(flagsOf(l, 0, l.text.length))).toContain("leet");
    // the entity view's transforms reach the word view's units
    const e = wordView(entityView("pay\u200bpal ﬁverr ٣"));
    expect([4, 7, 14].map((i) => transformNames(flagsOf(e, i, i + 1)))).toEqual([[], ["nfkc"], ["digits"]]);
    expect(transformNames(flagsOf(e, 0, 6))).toEqual(["ignorables"]);
  });
});

describe("MappedBuilder", () => {
  it("grows past its capacity and keeps every unit", () => {
    const b = new MappedBuilder(2);
    for (let i = 0; i < 1000; i++) b.push(97 + (i % 26), i, i + 1, i % 3);
    const m = b.build();
    expect(m.text).toHaveLength(1000);
    expect(m.text.slice(0, 3)).toBe("abc");
    expect(Array.from(m.start!).slice(998)).toEqual([998, 999]);
    expect(Array.from(m.end!).slice(0, 2)).toEqual([1, 2]);
    expect(Array.from(m.flags!).slice(0, 4)).toEqual([0, 1, 2, 0]);
  });

  it("makes room ahead with reserve() and starts over with clear()", () => {
    const b = new MappedBuilder(1);
    b.reserve(50);
    expect(b.codes.length).toBeGreaterThanOrEqual(50);
    b.push(120, 0, 1, 0);
    b.clear();
    b.push(121, 5, 6, 8);
    const m = b.build();
    expect(m.text).toBe("y");
    expect([m.start![0], m.end![0], m.flags![0]]).toEqual([5, 6, 8]);
  });

  it("gives the code units exactly: a byte-order mark, surrogate pairs and lone surrogates", () => {
    // U+FFFD is what a decoder makes of a lone surrogate: alone it is kept, beside one both are.
    for (const s of ["\ufeffhi", "a🙂b", "x\ud800y", "\udc00", "🙂\ud83d", "a\ufffdb", "\ufffd\ud800", "\ud83d\ude42\ufffd"]) {
      const b = new MappedBuilder();
      for (let i = 0; i < s.length; i++) b.push(s.charCodeAt(i), i, i + 1, 0);
      expect(b.build().text).toBe(s);
    }
    expect(new MappedBuilder().build().text).toBe("");
  });
});

describe("views with the scanner's memos", () => {
  const snapshot = (m: Mapped) => ({ text: m.text, start: m.start && Array.from(m.start), end: m.end && Array.from(m.end), flags: m.flags && Array.from(m.flags) });
  const texts = [
    "Schreib mir auf Теlеgrаm! wh@ts@pp, ok",
    "pay\u200bpal ➕44 ٣٣ 1️⃣ ﬁverr e\u0301 x\ud800",
    "للدفع ה-O.T.P הס י ס מ ה пaроль пар0ль",
    // plain tokens around every kind of token the plain-token loop leaves to the token pass:
    // leet, لل, Unicode spaces (U+0085 too), astral, a confusable word, a non-ASCII Latin fold
    "hello w0rld, ok x للدفع y a\u00a0b\u3000c\u0085d e 🙂 f Fіverr g ŋa h أهلا ok!",
    "ok d1scord", "Ünïcödé wörds ßtraße",
    // longer than every initial workspace: units, words, a leet token
    Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? "w h a t s" : i % 5 === 0 ? "Fіverr" : `wörd${i % 10}`)).join(" ") + " " + "h4x0r".repeat(40),
  ];

  it("give what the bare calls give, call after call on the same memos", () => {
    const entity = newEntityCache();
    const chars = newCharCache();
    for (let round = 0; round < 2; round++) {
      for (const t of texts) {
        const a = entityView(t, entity);
        expect(snapshot(a)).toEqual(snapshot(entityView(t)));
        expect(snapshot(wordView(a, chars))).toEqual(snapshot(wordView(entityView(t))));
      }
    }
  });

  it("take plain tokens in one loop up to the first token it leaves to the token pass", () => {
    const chars = newCharCache();
    wordView(entityView("привет", newEntityCache()), chars); // memoises the Cyrillic letters
    const src = "Hi, привет w0w ok";
    chars.work.begin(src, chars);
    expect(chars.work.addPlainTokens(src, 0, chars)).toBe(11); // "w0w": leet
    expect([chars.work.units.build().text, chars.work.words]).toEqual(["hi привет", 2]);
    chars.work.begin("привет", undefined);
    expect(chars.work.addPlainTokens("привет", 0, undefined)).toBe(0); // no memo: ASCII only
  });

  it("build each bare call in its own arrays", () => {
    const a = entityView("ﬁ one");
    const b = entityView("ﬁ two");
    expect(a.text).toBe("fi one");
    expect(Array.from(a.end!)).toEqual([1, 1, 2, 3, 4, 5]);
    expect(wordView(a).text).toBe("fi one");
    expect(wordView(b).text).toBe("fi two");
  });
});
