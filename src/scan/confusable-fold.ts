// Confusable letters folded inside one word of the view: in a mainly Latin word the other-script
// look-alikes become Latin (Теlеgrаm, fіverr → telegram, fiverr) and Arabic or Hebrew letters their
// sound (انydesk → anydesk), in a mainly Cyrillic one the
// Latin look-alikes become Cyrillic (пaроль). Each folded unit is flagged T.confusables.
import { prototypeOf } from "../text/confusables.ts";
import { T, type MappedBuilder } from "./mapped.ts";
import { infoOf, type CharMemo } from "./char-info.ts";
import { arabicArticleLength, codePointIn, isProcliticCode } from "./code-points.ts";
import latinLookalikes from "./latin-lookalikes.json" with { type: "json" };
import latinSoundalikes from "./latin-soundalikes.json" with { type: "json" };
import { cyrillicSoundOf, foldScriptSwitch } from "./script-switch.ts";

/** Letters UTS #39 gives no Latin prototype that still pass for one (ω for w). */
const EXTRA_LOOKALIKES: Record<string, string> = latinLookalikes.letters;
/** Arabic and Hebrew letters written for a Latin one in a mixed word ("انydesk"): their sound, not their look. */
const SOUNDALIKES: Record<string, string> = latinSoundalikes.letters;
/** Most Arabic or Hebrew letters read by sound in one Latin word (a switched syllable, not a whole word). */
const MAX_SOUNDALIKES = 3;

/** Latin letters that look like Cyrillic ones, for the reverse trick: "пaроль" with a Latin a. */
const LATIN_TO_CYRILLIC: Record<string, string> = { a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", k: "к", m: "м", t: "т", h: "н", b: "в", i: "і" };
/** LATIN_TO_CYRILLIC by code (0: none). */
const CYRILLIC_TWIN = new Int32Array(0x80);
for (const [latin, cyrillic] of Object.entries(LATIN_TO_CYRILLIC)) CYRILLIC_TWIN[latin.charCodeAt(0)] = cyrillic.charCodeAt(0);
/** The one Cyrillic letter each other Latin letter sounds as (0: none, or more than one: "x" is "кс"). */
const CYRILLIC_SOUND = new Int32Array(0x80);
for (let c = 97; c <= 122; c++) {
  const sound = cyrillicSoundOf(String.fromCharCode(c));
  if (sound?.length === 1) CYRILLIC_SOUND[c] = sound.charCodeAt(0);
}
const NO_SOUND = new Int32Array(0x80);

/**
 * In a mainly Cyrillic word, Latin look-alike letters become the Cyrillic ones, and a Latin letter with no look-alike
 * the one it sounds as ("телегrам"); false when the word is not such a case (a letter of a third script).
 */
function foldLatinIntoCyrillic(units: MappedBuilder, from: number, to: number, cache: CharMemo | undefined): boolean {
  const { codes, flags } = units;
  // Sounds only in a word that is Cyrillic by intent: one of "раsаs" (р, а look Latin) hides the Latin "pasas".
  let ownCyrillic = false;
  for (let k = from; k < to; ) {
    const c = codePointIn(codes, k, to);
    k += c > 0xffff ? 2 : 1;
    if (c >= 0x80 && infoOf(c, cache).cyrillic && infoOf(c, cache).asciiProto === null) ownCyrillic = true;
  }
  const sound = ownCyrillic ? CYRILLIC_SOUND : NO_SOUND;
  for (let k = from; k < to; ) {
    const c = codePointIn(codes, k, to);
    k += c > 0xffff ? 2 : 1;
    if (c < 0x80) {
      if (c >= 97 && c <= 122 && !CYRILLIC_TWIN[c] && !sound[c]) return false;
    } else if (infoOf(c, cache).letter && !infoOf(c, cache).cyrillic) return false;
  }
  for (let k = from; k < to; k++) {
    const c = codes[k]!;
    const twin = c < 0x80 ? CYRILLIC_TWIN[c]! || sound[c]! : 0;
    if (twin) {
      codes[k] = twin;
      flags[k] = flags[k]! | T.confusables;
    }
  }
  return true;
}

/** The word's first n units are proclitic letters (its only letters not in Latin). */
function startsWithProclitics(codes: Uint16Array, from: number, n: number): boolean {
  for (let k = from; k < from + n; k++) if (!isProcliticCode(codes[k]!)) return false;
  return true;
}

/**
 * Folds other-script letters to Latin in a word that has Latin letters and only confusable others
 * (Теlеgrаm, fіverr). The word is the last one in the units, from `from` on.
 */
export function foldConfusables(units: MappedBuilder, from: number, src: string, cache: CharMemo | undefined): void {
  const { codes, start, end, flags } = units;
  const to = units.length;
  let latin = 0;
  let foreign = 0;
  for (let k = from; k < to; ) {
    const c = codePointIn(codes, k, to);
    k += c > 0xffff ? 2 : 1;
    if (c < 0x80) {
      if (c >= 97 && c <= 122) latin++;
      continue;
    }
    const info = infoOf(c, cache);
    if (!info.letter) continue;
    if (info.latin && !info.asciiProto) latin++;
    else foreign++;
  }
  if (foreign === 0 || latin === 0) return;
  // "בwhatsapp", "بpaypal": a proclitic glued to a Latin name stays as typed (the lexicon's walk starts a term after it).
  if (foreign <= 2 && startsWithProclitics(codes, from, foreign)) return;
  // "الcode", "الـOTP", "بالpaypal": the Arabic article glued to a Latin word stays too.
  const article = arabicArticleLength(codes, from, to);
  if (foreign <= 3 && article === foreign) return;
  // "בwhatѕapp", "بpаypal": after the prefix, the Latin word with its look-alikes is folded on its own.
  const prefix = article || (isProcliticCode(codes[from]!) && codes[from]! >= 0x590 ? (isProcliticCode(codes[from + 1]!) && codes[from + 1]! >= 0x590 ? 2 : 1) : 0);
  if (prefix && from + prefix < to && codes[from + prefix]! < 0x590) return foldConfusables(units, from + prefix, src, cache);
  // "ватсapp", "واتسapp", "whatsапп": a switch of keyboard in mid-word is read by sound (script-switch.ts).
  if (foldScriptSwitch(units, from, cache)) return;
  if (foreign > latin && foldLatinIntoCyrillic(units, from, to, cache)) return;
  const chars: { cp: number; folded: number; a0: number; a1: number; f: number }[] = [];
  for (let k = from; k < to; ) {
    const c = codePointIn(codes, k, to);
    const char = { cp: c, folded: c, a0: start[k]!, a1: end[k]!, f: flags[k]! };
    chars.push(char);
    k += c > 0xffff ? 2 : 1;
    const info = c < 0x80 ? undefined : infoOf(c, cache);
    if (!info || !info.letter || (info.latin && !info.asciiProto)) continue;
    // The prototype of the cased character (Cyrillic Т → T), then lower case.
    const cased = src.slice(char.a0, char.a1);
    // Sounds only for a few letters in a mainly Latin word: "واتسابlogo" is an Arabic word and an English one glued together.
    let proto = (latin > foreign && foreign <= MAX_SOUNDALIKES ? SOUNDALIKES[cased] : undefined) ?? (prototypeOf(cased) ?? prototypeOf(String.fromCodePoint(c)))?.toLowerCase();
    if (!proto || !/^[a-z]$/.test(proto)) proto = EXTRA_LOOKALIKES[String.fromCodePoint(c).toLowerCase()];
    if (!proto) return;
    char.folded = proto.charCodeAt(0);
  }
  // Written again from `from`: a folded astral letter takes one unit instead of two.
  units.length = from;
  for (const { cp, folded, a0, a1, f } of chars) {
    const flag = folded !== cp ? f | T.confusables : f;
    if (folded <= 0xffff) units.push(folded, a0, a1, flag);
    else {
      units.push(0xd800 + ((folded - 0x10000) >> 10), a0, a1, flag);
      units.push(0xdc00 + ((folded - 0x10000) & 0x3ff), a0, a1, flag);
    }
  }
}
