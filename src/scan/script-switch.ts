// A word typed half in one script and half in another: "ватсapp", "واتسapp", "וואטסapp", "телеgram", "whatsапп".
// Such a word is not a look-alike (no letter passes for another) but a switch of keyboard in mid-word, so the
// shorter half is read by its sound in the other half's script (script-soundalikes.json) and the word matches
// the lexicon's "ватсапп*", "واتساب", "וואטסאפ", "whatsapp". Only words of exactly two runs of letters are read so:
// interleaved letters ("пaроль", "Теlеgrаm") are look-alikes, left to confusable-fold.ts.
import { T, type MappedBuilder } from "./mapped.ts";
import { infoOf, type CharMemo } from "./char-info.ts";
import { codePointIn } from "./code-points.ts";
import sounds from "./script-soundalikes.json" with { type: "json" };

type Script = "cyrillic" | "arabic" | "hebrew" | "devanagari";
type LatinTo = {
  double: boolean;
  letters: Record<string, string>;
  finals?: Record<string, string>;
  medial?: Record<string, string>;
  vowelSigns?: Record<string, string>;
  virama?: string;
};
const VOWELS = new Set("aeiouy");
const LATIN_TO: Record<Script, LatinTo> = sounds.latinTo;
const CYRILLIC_TO_LATIN: Record<string, string> = sounds.toLatin.cyrillic;
const LATIN = "latin";

/** The script of a letter among Latin and the three above; undefined for other scripts and for non-letters. */
function scriptOf(cp: number, cache: CharMemo | undefined): Script | typeof LATIN | undefined {
  if (cp >= 97 && cp <= 122) return LATIN;
  if (cp < 0x80) return undefined;
  if (cp >= 0x05d0 && cp <= 0x05ea) return "hebrew";
  if ((cp >= 0x0620 && cp <= 0x064a) || (cp >= 0x066e && cp <= 0x06d3)) return "arabic";
  if (cp >= 0x0900 && cp <= 0x097f) return "devanagari"; // its vowel signs and virama are of the run too
  const info = infoOf(cp, cache);
  if (!info.letter) return undefined;
  return info.cyrillic ? "cyrillic" : info.latin ? LATIN : undefined;
}

type Char = { cp: number; a0: number; a1: number; f: number; latin: boolean };

/**
 * Reads the last word of the units (from `from` on) across its switch of script, when it is one run of Latin
 * letters and one of Cyrillic, Arabic, Hebrew or Devanagari letters; true when it did. A Cyrillic run counts only
 * when one of its letters has no Latin look-alike ("whatsапп", "ватсapp"; "раypal", "уоur" are look-alikes), and a
 * single Latin letter in a Cyrillic word is a look-alike too ("cкинь"): those are left to the look-alike folds.
 */
export function foldScriptSwitch(units: MappedBuilder, from: number, cache: CharMemo | undefined): boolean {
  const { codes, start, end, flags } = units;
  const to = units.length;
  const chars: Char[] = [];
  let other: Script | undefined;
  let runs = 0;
  let latinLetters = 0;
  for (let k = from; k < to; ) {
    const cp = codePointIn(codes, k, to);
    const script = scriptOf(cp, cache);
    if (script === undefined) return false;
    if (script !== LATIN) {
      if (other !== undefined && other !== script) return false;
      other = script;
    }
    const latin = script === LATIN;
    if (chars.length === 0 || chars[chars.length - 1]!.latin !== latin) runs++;
    if (latin) latinLetters++;
    chars.push({ cp, a0: start[k]!, a1: end[k]!, f: flags[k]!, latin });
    k += cp > 0xffff ? 2 : 1;
  }
  if (runs !== 2 || other === undefined) return false;
  // Cyrillic letters that all pass for Latin ones ("уоur", "раsаs") hide a Latin word: look-alikes, not a switch.
  if (other === "cyrillic" && !hasOwnCyrillic(chars, cache)) return false;
  const otherLetters = chars.length - latinLetters;
  if (latinLetters <= otherLetters) {
    if (other === "cyrillic" && latinLetters === 1) return false;
    writeLatinAs(units, from, chars, LATIN_TO[other]);
    return true;
  }
  if (other !== "cyrillic") return false;
  units.length = from;
  for (const c of chars) pushAll(units, c.latin ? String.fromCodePoint(c.cp) : CYRILLIC_TO_LATIN[String.fromCodePoint(c.cp)] ?? String.fromCodePoint(c.cp), c, !c.latin);
  return true;
}

/** Some Cyrillic letter of the word has no Latin look-alike (в, л, п, ш…): the word is Cyrillic by intent. */
export function hasOwnCyrillic(chars: { cp: number; latin: boolean }[], cache: CharMemo | undefined): boolean {
  return chars.some((c) => !c.latin && infoOf(c.cp, cache).cyrillic && infoOf(c.cp, cache).asciiProto === null);
}

/** Writes the word again from `from`, its Latin letters in the other script by sound. */
function writeLatinAs(units: MappedBuilder, from: number, chars: Char[], table: LatinTo): void {
  units.length = from;
  const lastLatin = chars[chars.length - 1]!.latin;
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k]!;
    const ch = String.fromCodePoint(c.cp);
    if (!c.latin) {
      pushAll(units, ch, c, false);
      continue;
    }
    // pp is one ب or פ: those scripts write no doubled letters.
    if (table.double && k > 0 && chars[k - 1]!.latin && chars[k - 1]!.cp === c.cp) continue;
    const prev = k > 0 ? chars[k - 1]! : undefined;
    // After a consonant: a Latin one of the run, or the abugida's own at the switch ("पेपal" is पेपाल).
    const afterConsonant = prev !== undefined && (prev.latin ? !VOWELS.has(String.fromCodePoint(prev.cp)) : table.vowelSigns !== undefined && isDevanagariConsonant(prev.cp));
    let out = (afterConsonant ? (table.medial?.[ch] ?? table.vowelSigns?.[ch]) : undefined) ?? table.letters[ch] ?? ch;
    // An abugida joins two consonants with a virama (ग्र).
    const next = chars[k + 1];
    if (table.virama && !VOWELS.has(ch) && next?.latin && next.cp !== c.cp && !VOWELS.has(String.fromCodePoint(next.cp))) out += table.virama;
    if (lastLatin && k === chars.length - 1 && table.finals) out = table.finals[out] ?? out;
    pushAll(units, out, c, true);
  }
}

function pushAll(units: MappedBuilder, s: string, c: Char, changed: boolean): void {
  for (let i = 0; i < s.length; i++) units.push(s.charCodeAt(i), c.a0, c.a1, changed ? c.f | T.confusables : c.f);
}

/** The Cyrillic letters a Latin one sounds as ("r" is "р"), for a Latin letter with no look-alike in a Cyrillic word ("телегrам"). */
export function cyrillicSoundOf(latin: string): string | undefined {
  return LATIN_TO.cyrillic.letters[latin];
}

/** A Devanagari consonant letter (क…ह, and the nukta forms क़…य़): it carries the inherent a that a vowel sign replaces. */
function isDevanagariConsonant(cp: number): boolean {
  return (cp >= 0x0915 && cp <= 0x0939) || (cp >= 0x0958 && cp <= 0x095f);
}
