// Phone numbers: international (+ or 00), national (trunk 0), bare national numbers of the
// countries that write them without a prefix, and numbers dictated in words. The phone metadata
// (libphonenumber) says how sure each is: strong (valid), possible or weak; the rules decide by it.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { T, toOriginal, flagsOf, type Mapped } from "../normalize.ts";
import { memoised } from "./anchors.ts";
import type { DetectorContext } from "./context.ts";
import { UNDER_PHONE, UNDER_SPELLED_PHONE, overlaps, push, type Found } from "./found.ts";
import { eachStickyMatch } from "./matches.ts";
import { isSpace, runStarts } from "./shape.ts";
import { isAsciiDigitCode } from "../code-points.ts";

// ---- phones ----
// A letter right before a number glues it into a word ("ID12345678"), except Han and kana, written without spaces
// ("電話番号は090-1234-5678です", "手机号13800138000"): the (?!…) inside each look-behind lets those through.
// Emoji and other pictographs may part the groups too ("+44 7700🔸900🔸123"): \p{So} among the separators.
const INTL_PHONE = /(?<!(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])\p{L}|[\p{N}#/])(?:\+|00)\s?\d(?:[\s().\/\-–\p{So}]{0,3}\d){5,16}(?![\p{N}])/uy;
// A sentence may end right after a number ("call me on 07911 123456."): only punctuation followed by more digits continues it.
// The area code may end in a slash, German style ("0176/12345678").
// A dash set off by spaces may part the groups ("0152 – 3344556"), as in an international number.
// (A dash right after a Hebrew letter is a prefix's: "ל-0541234567" = to 054….)
const NATIONAL_PHONE = /(?<!(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])\p{L}|[\p{N}#/.,])(?<!(?:^|[^\u05d0-\u05ea])-)\(?0\d(?:\d{1,3}\/(?=\d))?(?:(?:[\s().\-\p{So}]{0,2}|\s[\-–]\s)\d){7,11}(?!\p{N}|[.,\-\/]\p{N})/uy;
/**
 * A national number written without trunk 0 or country code, as in the US, India, China or Brazil
 * ("415 555 2671", "98765 43210", "138 1024 7765", "(11) 98765-4321"): 10 or 11 digits in a few groups,
 * spaces and hyphens only between them (with dots and colons it is a date or a time: "21.03.2025 18:00"), or a line
 * break: a number typed a group per line ("il mio numero\n347\n123\n4567").
 * Nearly every such number is valid in one of those countries, so the metadata is not asked (it costs
 * ~8 µs a number): it is a "possible" number, and the rules want a contact word beside it. A Brazilian
 * mobile number may set its leading 9 apart after the two-digit area code ("11 9 8765 4321", "(21) 9 9876-5432").
 * Longer runs are an international number without its "+" ("971501234567", "971 50 123 4567") only when the
 * metadata finds it valid, and then also just "possible": an order number may pass by chance.
 */
const BARE_NATIONAL = /(?<!(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])\p{L}|[\p{N}#/.,:\-+])(?:\(?\d\d\)?[ \-]{1,2}9(?=[ \-]\d)|\(?\d{2,15}\)?)(?:(?:[ \-]{1,2}|[ \t]*\n[ \t]*)\d{2,5}){0,3}(?!\p{N}|[.,:\-\/]\p{N})/uy;
/**
 * Fewest digits of a bare national number: a shorter run is a price, a code or a date. Eight and nine digit
 * numbers (Spain, Portugal, Poland, Latvia: "612 34 56 78", "26123456") are "short": only a contact verb or a
 * messenger right beside them makes them a number to call.
 */
export const BARE_NATIONAL_MIN_DIGITS = 8;
const BARE_NATIONAL_FULL_DIGITS = 10;
/** A bare number typed one digit at a time ("1 3 8 0 0 1 3 8 0 0 0"). */
/** (A dash set off by spaces may part its groups: "0 1 5 2 – 3 3 4 4 5 5 6".) */
const SPACED_BARE = /(?<!(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])\p{L}|[\p{N}#/.,:\-+])\d(?:(?: | [\-–] )\d){7,10}(?!\p{N}|[.,:\-\/]\p{N})/uy;
const BARE_NATIONAL_MAX_DIGITS = 11;
/** Most digits of any phone number (E.164). */
const MAX_PHONE_DIGITS = 15;
/**
 * A bare number in groups parted by single dots ("415.555.2671", "612.34.56.78"): like a short one, it counts only
 * beside a contact word (dotted groups are also amounts and dates: "12.500.000", "21.03.2025" are no number).
 */
const DOTTED_BARE = /(?<!(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])\p{L}|[\p{N}#/.,:\-+])\d{2,5}(?:\.\d{2,5}){2,4}(?!\p{N}|[.,:\-\/]\p{N})/uy;
const DOTTED_DATE = /^\d{1,2}\.\d{1,2}\.\d{2,4}$/;
/** Thousands parted by dots ("12.500.000"): an amount. */
const DOTTED_AMOUNT = /^\d{1,3}(?:\.\d{3})+$/;
/** A dictated number (all digits from number words) long enough to be a phone number, with no prefix. */
const SPELLED_DIGITS = /(?<![\p{N}+])\d{7,15}(?![\p{N}])/uy;
/** How sure the phone metadata is that +digits is a number: strong (valid) | possible | weak. */
function phoneStrength(digits: string): string {
  const p = parsePhoneNumberFromString(`+${digits}`);
  return p?.isValid() ? "strong" : p?.isPossible() ? "possible" : "weak";
}

/** What the phone patterns need of the text's digits (its DigitShape). */
export type PhoneDigits = { longestRun: number; chain: number; runs: number[] };

export function findPhones(text: string, v: Mapped, out: Found, ctx: DetectorContext, d: PhoneDigits): void {
  if (v.flags && d.longestRun >= 7) {
    eachStickyMatch(text, SPELLED_DIGITS, startsOf(SPELLED_DIGITS, text, d.runs), (m) => {
      if (!(flagsOf(v, m.index, m.index + m[0].length) & T.spelled) || (m.index > 0 && text[m.index - 1] === "+")) return;
      const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
      if (!overlaps(out, s, e, UNDER_SPELLED_PHONE)) push(out, v, m.index, m.index + m[0].length, "phone", m[0], { detail: "weak" });
    });
  }
  for (const re of [INTL_PHONE, NATIONAL_PHONE]) {
    const intl = re === INTL_PHONE;
    eachStickyMatch(text, re, startsOf(re, text, d.runs), (m) => {
      const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
      if (overlaps(out, s, e, UNDER_PHONE)) return;
      // "+44 (0) 7700…": the bracketed trunk zero is not dialled from abroad.
      let digits = m[0].replace(/\(\s?0\s?\)/, "").replace(/\D/g, "");
      if (intl && m[0].startsWith("00")) digits = digits.slice(2);
      // "00 0000 0000 …" in a template is no number: a real one uses several different digits.
      if (digits.length < 7 || digits.length > 15 || new Set(digits).size < 3) return;
      const detail = intl ? memoised(ctx.phones, digits, phoneStrength) : "weak";
      push(out, v, m.index, m.index + m[0].length, "phone", intl ? `+${digits}` : digits, { detail });
    });
  }
  // Eight digits with at most three characters between neighbours (a ")" and two spaces or hyphens) make a chain of eight.
  if (d.chain < BARE_NATIONAL_MIN_DIGITS) return;
  eachStickyMatch(text, DOTTED_BARE, startsOf(DOTTED_BARE, text, d.runs), (m) => {
    const count = digitCount(m[0]);
    if (count < BARE_NATIONAL_MIN_DIGITS || count > BARE_NATIONAL_MAX_DIGITS || DOTTED_DATE.test(m[0]) || DOTTED_AMOUNT.test(m[0]) || referenceTail(text, m.index)) return;
    const digits = m[0].replace(/\D/g, "");
    if (new Set(digits).size < 3 || counting(digits)) return;
    const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
    if (!overlaps(out, s, e, UNDER_PHONE)) push(out, v, m.index, m.index + m[0].length, "phone", digits, { detail: "short" });
  });
  const bareInternational = (m: RegExpExecArray) => {
    const digits = m[0].replace(/\D/g, "");
    if (!/^[ \d]+$/.test(m[0]) || referenceTail(text, m.index)) return;
    // A number the metadata only finds possible (the fictional "44 7700 900 …" range) is read as one only beside a
    // contact verb or a messenger, like a short bare number.
    const strength = memoised(ctx.phones, digits, phoneStrength);
    if (strength === "weak") return;
    const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
    if (!overlaps(out, s, e, UNDER_PHONE)) push(out, v, m.index, m.index + m[0].length, "phone", `+${digits}`, { detail: strength === "strong" ? "possible" : "short" });
  };
  for (const re of [BARE_NATIONAL, SPACED_BARE]) {
    eachStickyMatch(text, re, startsOf(re, text, d.runs), (m) => {
      // Most matches are prices and dates: counted before any string is made of them.
      const count = digitCount(m[0]);
      if (count > BARE_NATIONAL_MAX_DIGITS && count <= MAX_PHONE_DIGITS && re === BARE_NATIONAL) return bareInternational(m);
      if (count < BARE_NATIONAL_MIN_DIGITS || count > BARE_NATIONAL_MAX_DIGITS) return;
      if (referenceTail(text, m.index) || (count < BARE_NATIONAL_FULL_DIGITS && !/^\d+(?: \d+)*$/.test(m[0]))) return;
      const digits = m[0].replace(/\D/g, "");
      if (new Set(digits).size < 3 || counting(digits)) return;
      const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
      if (!overlaps(out, s, e, UNDER_PHONE)) push(out, v, m.index, m.index + m[0].length, "phone", digits, { detail: count >= BARE_NATIONAL_FULL_DIGITS ? "possible" : "short" });
    });
  }
}

// Where each phone pattern can start. Every one of them excludes a digit right before its match,
// so its first digit starts a digit run; before it there may be the pattern's "+" (and a space) or "(".

function startsOf(re: RegExp, text: string, runs: number[]): number[] {
  return PHONE_PATTERNS.find(([p]) => p === re)![1](text, runs);
}

/** INTL_PHONE: a "+" before a run (maybe a space between), or a run that starts with "00". */
function intlStarts(text: string, runs: number[]): number[] {
  const starts: number[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    const r = runs[k]!;
    if (text.charCodeAt(r - 1) === PLUS) starts.push(r - 1);
    else if (text.charCodeAt(r - 2) === PLUS && isSpace(text.charCodeAt(r - 1))) starts.push(r - 2);
    if (runs[k + 1]! - r >= 2 && text.charCodeAt(r) === ZERO && text.charCodeAt(r + 1) === ZERO) starts.push(r);
  }
  return starts;
}

/** NATIONAL_PHONE: a run of two or more digits that starts with the trunk 0, or the "(" before it. */
function nationalStarts(text: string, runs: number[]): number[] {
  const starts: number[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    const r = runs[k]!;
    if (runs[k + 1]! - r >= 2 && text.charCodeAt(r) === ZERO) pushWithBracket(text, starts, r);
  }
  return starts;
}

/** SPACED_BARE: a single digit and a space ("1 3 8 0 …"). */
function spacedStarts(text: string, runs: number[]): number[] {
  const starts: number[] = [];
  for (let k = 0; k < runs.length; k += 2) if (runs[k + 1]! - runs[k]! === 1 && text.charCodeAt(runs[k + 1]!) === SPACE) starts.push(runs[k]!);
  return starts;
}

/**
 * DOTTED_BARE: a run of two to five digits with a dot and a digit right after it. The pattern's first \d{2,5}
 * must take the whole run (a digit cannot stand where its dot must), so the dot follows the run: most runs
 * (prices, times, plain numbers) are out before the pattern is tried.
 */
function dottedStarts(text: string, runs: number[]): number[] {
  const starts: number[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    const length = runs[k + 1]! - runs[k]!;
    const after = runs[k + 1]!;
    if (length >= 2 && length <= 5 && text.charCodeAt(after) === DOT && isAsciiDigitCode(text.charCodeAt(after + 1))) starts.push(runs[k]!);
  }
  return starts;
}

/** The starts, each after the "(" right before it if there is one. */
function withBracketsBefore(text: string, runStarts: number[]): number[] {
  const starts: number[] = [];
  for (const r of runStarts) pushWithBracket(text, starts, r);
  return starts;
}

function pushWithBracket(text: string, starts: number[], r: number): void {
  if (text.charCodeAt(r - 1) === OPEN_BRACKET) starts.push(r - 1);
  starts.push(r);
}

/** Each phone pattern with where it can start, for the tests that compare it with a scan of every position. */
export const PHONE_PATTERNS: [RegExp, (text: string, runs: number[]) => number[]][] = [
  [SPELLED_DIGITS, (_text, runs) => runStarts(runs, 7, 15)],
  [INTL_PHONE, intlStarts],
  [NATIONAL_PHONE, nationalStarts],
  [BARE_NATIONAL, (text, runs) => withBracketsBefore(text, runStarts(runs, 2, MAX_PHONE_DIGITS))],
  [SPACED_BARE, spacedStarts],
  [DOTTED_BARE, dottedStarts],
];

const PLUS = 43;
const ZERO = 48;
const SPACE = 32;
const DOT = 46;
const OPEN_BRACKET = 40;

/**
 * The tail of a code or a reference ("FO4412 7700 9015", "FO 2207 7700 913", "# 5512 …"), not a number of one's own.
 * (A short number must also be digits and single spaces only: hyphens make backup codes, "4821-0937".)
 */
function referenceTail(text: string, at: number): boolean {
  const before = /(\S+)\s$/.exec(text.slice(Math.max(0, at - 12), at))?.[1] ?? "";
  return /\d|^[A-Z]{2,4}$|^#/.test(before);
}

/** Digits that count up one by one ("1 2 3 4 5 6 7 8 9": a list, a rating scale): no number of anyone's. */
function counting(digits: string): boolean {
  for (let k = 1; k < digits.length; k++) if (digits.charCodeAt(k) !== digits.charCodeAt(k - 1) + 1) return false;
  return true;
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}
