// Numbers written as words ("plus four four seven seven…", "četri četri septiņi") become
// digits, so the phone and IBAN detectors see them. Only runs of several number words are
// rewritten: a lone "one" or "un" in a sentence stays a word.
import type { Mapped } from "../normalize.ts";
import type { PerUnit } from "../mapped.ts";
import { T, origEnd, origStart } from "../normalize.ts";
import { isSpace } from "./shape.ts";
import { MAX_NUMBER_WORD, OTHER, asciiMayBeKey, lookupNumberWord, newNumberWords, otherMayBeKey, wordKind, type NumberWords } from "./number-words.ts";

export { newNumberWords, numberWordKey, numberWordKeys, type NumberWords } from "./number-words.ts";

/** Fewest number words in a run before it is read as a dictated number. */
export const MIN_SPELLED_RUN = 4;

/** A token that may be part of a dictated number; joined: no other word since the previous such token. */
type Tok = { s: number; e: number; value: string; word: boolean; joined: boolean };

/** A run of letters and marks, matched from a given place (sticky: lastIndex tells where the run ends, no match object). */
const LETTERS_OR_MARKS = /[\p{L}\p{M}]+/uy;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** End of the run of letters and marks that starts at i (i itself when none starts there). */
function wordEnd(text: string, i: number): number {
  // Most words are ASCII: walk them by char code, and ask the regex only from the first other character.
  let j = i;
  while (j < text.length && isAsciiLetter(text.charCodeAt(j))) j++;
  if (j === text.length || text.charCodeAt(j) < 0x80) return j;
  LETTERS_OR_MARKS.lastIndex = j;
  const end = LETTERS_OR_MARKS.test(text) ? LETTERS_OR_MARKS.lastIndex : j;
  // An apostrophe inside a word belongs to it: Ukrainian "п'ять", "дев’ять".
  if (end > i && end + 1 < text.length && APOSTROPHES.includes(text[end]!) && text.charCodeAt(end + 1) >= 0x80) return wordEnd(text, end + 1);
  return end;
}
const APOSTROPHES = "'’ʼ";
const codePointLength = (text: string, i: number) => (text.codePointAt(i)! > 0xffff ? 2 : 1);

/**
 * The digit runs, "+" signs and number words of the text, in order (the tokens of /[\p{L}\p{M}]+|\d+|\+/u).
 * Other words are not kept, only noted: they break a run.
 */
function numberTokens(text: string, words: NumberWords): Tok[] {
  const toks: Tok[] = [];
  let broken = true;
  const keep = (s: number, e: number, value: string, word: boolean) => {
    toks.push({ s, e, value, word, joined: !broken });
    broken = false;
  };
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      keep(i, j, text.slice(i, j), false);
      i = j;
    } else if (c === 43) {
      keep(i, i + 1, "+", false);
      i++;
    } else if (c < 0x80 && !isAsciiLetter(c)) {
      i++;
    } else {
      let j = wordEnd(text, i);
      // A number word written with a hyphen inside it ("quatre-vingt" 80, "quatre-vingts"): the whole word when it is one.
      if (j > i && text.charCodeAt(j) === HYPHEN) {
        const k = wordEnd(text, j + 1);
        if (k > j + 1 && k - i <= MAX_NUMBER_WORD && lookupNumberWord(words.map, text.slice(i, k), OTHER) !== undefined) j = k;
      }
      if (j === i) {
        i += codePointLength(text, i);
        continue;
      }
      const kind = wordKind(text, i, j);
      // Most words are no number word: one whose first letters start no key is out before a string is made of it.
      const mayBeKey = kind === OTHER ? otherMayBeKey(words, text, i) : asciiMayBeKey(words, text, i, j);
      const v = j - i > MAX_NUMBER_WORD || !mayBeKey ? undefined : lookupNumberWord(words.map, text.slice(i, j), kind);
      // A connector joins only after tens or hundreds ("treinta y cuatro"); elsewhere "y", "e", "and" are words of the sentence.
      if (v === CONNECTOR) {
        const last = toks[toks.length - 1];
        if (!broken && last?.word && TENS_OR_HUNDREDS.test(last.value)) keep(i, j, v, false);
        else broken = true;
      } else if (v !== undefined) keep(i, j, v, true);
      else if (isUnspacedCode(c)) keepSegments(text, i, j, words, keep, () => (broken = true));
      else broken = true;
      i = j;
    }
  }
  return toks;
}

const HYPHEN = 45;

/** The value of words that join tens and units ("treinta y cuatro", "douăzeci și doi"): they say no digit. */
const CONNECTOR = "&";

const TENS_OR_HUNDREDS = /^(?:[2-9]0|[1-9]00|x100)$/;

/** The value of a "hundred" that a unit before it multiplies (en "hundred", tr "yüz"); ru "двести" is plain "200". */
const HUNDRED_TIMES = "x100";

/**
 * Thai, kana and Han are written without spaces: a run of them may be several number words ("ศูนย์แปดหนึ่ง").
 * So are Korean number syllables within a word ("공일공 일이삼사"), though Korean spaces its words.
 */
function isUnspacedCode(c: number): boolean {
  return (c >= 0x0e00 && c <= 0x0e7f) || (c >= 0x3040 && c <= 0x30ff) || c === 0x3007 || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3);
}

/** Splits text[i, j) into number words, longest first; a part that is none breaks the run there. */
function keepSegments(text: string, i: number, j: number, words: NumberWords, keep: (s: number, e: number, value: string, word: boolean) => void, brk: () => void): void {
  for (let p = i; p < j; ) {
    let found = 0;
    let value: string | undefined;
    // The parts are looked up as written: none starts with a unit no key starts with, and none is longer than the longest key.
    for (let len = words.firstUnits[text.charCodeAt(p)] === 1 ? Math.min(words.longest, j - p) : 0; len > 0 && found === 0; len--) {
      value = words.map.get(text.slice(p, p + len));
      if (value !== undefined && value !== CONNECTOR) found = len;
    }
    if (found === 0) {
      brk();
      p++;
      continue;
    }
    keep(p, p + found, value!, true);
    p += found;
  }
}

/** Whether text[s, e) is all GAP characters: /^[\s,.;:\-–—/()،、，]*$/u without slicing it out. */
function isGap(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (!isGapChar(text.charCodeAt(k))) return false;
  return true;
}
function isGapChar(c: number): boolean {
  return isSpace(c) || c === 44 || c === 46 || c === 59 || c === 58 || c === 45 || c === 0x2013 || c === 0x2014 || c === 47 || c === 40 || c === 41 || c === 0x060c || c === 0x3001 || c === 0xff0c;
}

/** A dictated number: the span [s, e) of its tokens in the entity view and the digits they say. */
type Run = { s: number; e: number; digits: string };

/** The runs of MIN_SPELLED_RUN or more number words (digits and "+" may sit among them), each read as digits. */
function dictatedRuns(text: string, toks: Tok[]): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < toks.length; ) {
    let j = i;
    let words = 0;
    while (j < toks.length && (j === i || (toks[j]!.joined && isGap(text, toks[j - 1]!.e, toks[j]!.s)))) {
      if (toks[j]!.word) words++;
      j++;
    }
    // A connector at either end belongs to the sentence, not to the number.
    let a = i;
    let b = j;
    while (a < b && toks[a]!.value === CONNECTOR) a++;
    while (b > a && toks[b - 1]!.value === CONNECTOR) b--;
    if (words >= MIN_SPELLED_RUN) runs.push({ s: toks[a]!.s, e: toks[b - 1]!.e, digits: digitsOf(toks, a, b) });
    i = Math.max(j, i + 1);
  }
  return runs;
}

/**
 * The digits tokens [i, j) say: "double"/"triple" repeat the next one; hundreds, tens and units make one
 * number ("сто двадцать три" 123, "trente-quatre" 34, "soixante-dix-huit" 78, "treinta y cuatro" 34).
 */
function digitsOf(toks: Tok[], i: number, j: number): string {
  let digits = "";
  let repeat = 1;
  /** The next number word after k, past connectors (-1: none). */
  const next = (k: number) => {
    let n = k + 1;
    while (n < j && toks[n]!.value === CONNECTOR) n++;
    return n < j && toks[n]!.word ? n : -1;
  };
  for (let k = i; k < j; k++) {
    let v = toks[k]!.value;
    if (v === CONNECTOR) continue;
    if (v === "x2" || v === "x3") {
      repeat = v === "x2" ? 2 : 3;
      continue;
    }
    // (Digits as written stay as they are: "$140 drei…" is 140 then 3.)
    if (!toks[k]!.word) {
      digits += v.repeat(v === "+" ? 1 : repeat);
      repeat = 1;
      continue;
    }
    // A unit before a multiplying "hundred" (x100) multiplies it ("five hundred", "beş yüz", "deux cents"); alone it is 100.
    if (v === HUNDRED_TIMES) v = "100";
    const h = /^[1-9]$/.test(v) ? next(k) : -1;
    if (h >= 0 && toks[h]!.value === HUNDRED_TIMES) {
      v = String(Number(v) * 100);
      k = h;
    }
    if (/^[1-9]00$/.test(v)) {
      const t = next(k);
      if (t >= 0 && /^(\d|[1-9]\d)$/.test(toks[t]!.value)) {
        v = String(Number(v) + Number(toks[t]!.value));
        k = t;
      }
    }
    // Tens then units are one number below the next hundred ("soixante dix huit": 60 + 10 + 8). Only the French 60 and
    // 80 take a ten or a teen ("soixante-douze" 72, "quatre-vingt-treize" 93): "siebzig zwölf" is 70 then 12.
    for (let u = next(k); u >= 0 && /^[2-9]0$/.test(String(Number(v) % 100)) && takesUnit(Number(v) % 100, toks[u]!.value) && (Number(v) % 100) + Number(toks[u]!.value) < 100; u = next(k)) {
      v = String(Number(v) + Number(toks[u]!.value));
      k = u;
    }
    digits += v.repeat(v === "+" ? 1 : repeat);
    repeat = 1;
  }
  return digits;
}

/** A tens value (20…90) and a number word after it make one number: a unit, or a ten or teen after 60 or 80. */
function takesUnit(tens: number, value: string): boolean {
  return /^\d$/.test(value) || ((tens === 60 || tens === 80) && /^1\d$/.test(value));
}

/**
 * The entity view with dictated numbers replaced by their digits; the same object when there are none.
 * words: the scanner's newNumberWords index (a plain map is indexed on each call).
 */
export function spellNumbers(a: Mapped, words: NumberWords | Map<string, string>): Mapped {
  const index = words instanceof Map ? newNumberWords(words) : words;
  if (index.map.size === 0) return a;
  const runs = dictatedRuns(a.text, numberTokens(a.text, index));
  return runs.length === 0 ? a : withDigits(a, runs);
}

/** a with each run's words replaced by its digits; each digit maps to the whole run (the words do not split digit by digit). */
function withDigits(a: Mapped, runs: Run[]): Mapped {
  let length = a.text.length;
  for (const r of runs) length += r.digits.length - (r.e - r.s);
  const start = new Int32Array(length);
  const end = new Int32Array(length);
  // Transform bits (T) fit in a byte.
  const flags = new Uint8Array(length);
  let text = "";
  let at = 0; // next unit of the output
  let pos = 0; // next unit of a
  const copy = (to: number) => {
    text += a.text.slice(pos, to);
    copyUnits(start, a.start, pos, to, at, 0);
    copyUnits(end, a.end, pos, to, at, 1);
    if (a.flags) copyUnits(flags, a.flags, pos, to, at, 0);
    at += to - pos;
    pos = to;
  };
  for (const r of runs) {
    copy(r.s);
    text += r.digits;
    const s = origStart(a, r.s);
    const e = origEnd(a, r.e - 1);
    start.fill(s, at, at + r.digits.length);
    end.fill(e, at, at + r.digits.length);
    flags.fill(T.spelled, at, at + r.digits.length);
    at += r.digits.length;
    pos = r.e;
  }
  copy(a.text.length);
  return { text, start, end, flags };
}

/** Copies src[from, to) to dst from at; a null map is the identity (unit k maps to k + shift). */
function copyUnits(dst: Int32Array | Uint8Array, src: PerUnit | null, from: number, to: number, at: number, shift: number): void {
  if (src === null) for (let k = from; k < to; k++) dst[at + k - from] = k + shift;
  // The views' maps are typed arrays: copied natively.
  else if (src instanceof Int32Array) dst.set(src.subarray(from, to), at);
  else for (let k = from; k < to; k++) dst[at + k - from] = src[k]!;
}
