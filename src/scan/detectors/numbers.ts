// Account and identity numbers, each kept only when its check digits (or, for
// social security numbers, the rules of their shape) pass: IBANs (mod 97), payment
// cards (Luhn), US social security numbers, Latvian personal codes, Brazilian CPFs and Israeli IDs, and the short
// digit groups (codes, CVV, PINs) that count only beside a word saying what they are. Phone
// numbers are in phones.ts; which number wins an overlap is the table in found.ts.
import { toOriginal, type Mapped } from "../normalize.ts";
import { cnpjValid, cpfValid, ibanLength, ibanValid, israeliIdValid, italianTaxCodeValid, latvianPersonalCodeValid, luhnValid, peselValid, ssnShapeValid, turkishIdValid } from "./checksums.ts";
import { UNDER_CARD, UNDER_DIGIT_CODE, UNDER_IL_ID, overlaps, push, type Found } from "./found.ts";
import { eachMatch, eachStickyMatch } from "./matches.ts";
import { isSpace, runStarts } from "./shape.ts";

// ---- IBAN ----
const IBAN_START = /(?<![\p{L}\p{N}])([A-Za-z])\s?([A-Za-z])\s?(\d)\s?(\d)/uy;

/**
 * Where an IBAN can start: two letters before a pair of check digits, each one space apart at most
 * (the only way IBAN_START can reach the pair), so one place per pair at most.
 */
function ibanStarts(text: string, pairs: number[]): number[] {
  const out: number[] = [];
  for (const q of pairs) {
    const second = letterBefore(text, q);
    const first = second < 0 ? -1 : letterBefore(text, second);
    if (first >= 0 && (out.length === 0 || first > out[out.length - 1]!)) out.push(first);
  }
  return out;
}

/** The ASCII letter right before i, or the one before a single \s there (-1: none). */
function letterBefore(text: string, i: number): number {
  if (isAsciiLetter(text.charCodeAt(i - 1))) return i - 1;
  return isSpace(text.charCodeAt(i - 1)) && isAsciiLetter(text.charCodeAt(i - 2)) ? i - 2 : -1;
}
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export function findIbans(text: string, v: Mapped, out: Found, pairs: number[]): void {
  eachStickyMatch(text, IBAN_START, ibanStarts(text, pairs), (m) => {
    const country = (m[1]! + m[2]!).toUpperCase();
    const len = ibanLength(country);
    if (!len) return;
    const from = m.index + m[0].length;
    const last = ibanEnd(text, from, len - 4);
    if (last < 0) return;
    const rest = text.slice(from, last);
    // (Commas part words too: groups read out with commas are digits and capitals only, "by 12.05, total is…" is no IBAN.)
    if (rest.includes(",") && /[a-z]/.test(rest)) return;
    const compact = country + m[3]! + m[4]! + rest.replace(IBAN_SEPARATORS, "").toUpperCase();
    if (ibanValid(compact)) push(out, v, m.index, last, "iban", compact);
  });
}
// (A comma parts the groups of an IBAN read out group by group: "LV19, PARX, nulle nulle nulle nulle, …".)
const IBAN_SEPARATORS = /[\s/.,\-]/g;

/** A Polish account number as written at home: the IBAN without "PL" (2 check digits, then 24 digits in groups of 4). */
const PL_ACCOUNT = /(?<![\p{L}\p{N}])\d{2}(?: ?\d{4}){6}(?![\p{N}])/uy;

/** Domestic account numbers that are an IBAN without its country code (Poland's NRB): valid by the same mod 97. */
export function findDomesticAccounts(text: string, v: Mapped, out: Found, runs: number[]): void {
  eachStickyMatch(text, PL_ACCOUNT, startsOf(PL_ACCOUNT, runs), (m) => {
    const compact = "PL" + m[0].replace(/ /g, "");
    if (ibanValid(compact)) push(out, v, m.index, m.index + m[0].length, "iban", compact);
  });
}

/**
 * Where an IBAN's rest ends: after `want` letters or digits from i, each after at most three
 * separators (\s / . -); -1 when the text has fewer. The string is made only for an IBAN of the right length.
 */
function ibanEnd(text: string, i: number, want: number): number {
  for (let taken = 0; taken < want; taken++) {
    let j = i;
    while (j < text.length && j - i < 3 && isIbanSeparator(text.charCodeAt(j))) j++;
    if (j >= text.length || !isAsciiAlnum(text.charCodeAt(j))) return -1;
    i = j + 1;
  }
  return i;
}
const isIbanSeparator = (c: number) => isSpace(c) || c === 47 || c === 46 || c === 45 || c === 44;
const isAsciiAlnum = (c: number) => isAsciiLetter(c) || (c >= 48 && c <= 57);

// ---- cards ----
const CARD = /(?<![\p{N}\p{L}])\d(?:[ \-]?\d){12,18}(?![\p{N}])/uy;
export function findCards(text: string, v: Mapped, out: Found, runs: number[]): void {
  eachStickyMatch(text, CARD, startsOf(CARD, runs), (m) => {
    const digits = m[0].replace(/\D/g, "");
    if (!"23456".includes(digits[0]!) || !luhnValid(digits) || /^(\d)\1+$/.test(digits)) return;
    const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
    if (overlaps(out, s, e, UNDER_CARD)) return;
    push(out, v, m.index, m.index + m[0].length, "card", digits);
  });
}

// ---- identity numbers ----
const SSN = /(?<![\p{N}\-])\d{3}-\d{2}-\d{4}(?![\p{N}\-])/uy;
const LV_CODE = /(?<![\p{N}\-])\d{6}-\d{5}(?![\p{N}\-])/uy;
/** A CPF in its written form, 000.000.000-00: the dots and the dash say what it is. */
const CPF_FORMATTED = /(?<![\p{N}\-.])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\p{N}\-])/uy;
/** A CNPJ in its written form, 00.000.000/0000-00: a company's number, no personal data, but a Pix key beside "pix". */
const CNPJ_FORMATTED = /(?<![\p{N}\-.])\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}(?![\p{N}\-])/uy;
/** Israeli identity numbers are 9 plain digits (a comma or full stop may end the sentence after one, not go on into more digits): a tenth of random 9-digit numbers pass the check, so the rules want an ID word beside one. */
const IL_ID = /(?<![\p{N}\-.,\/])\d{9}(?![\p{N}\-\/]|[.,]\p{N})/uy;
/**
 * A CPF written as 11 plain digits: one in a hundred 11-digit numbers (a Brazilian mobile among them) passes, so like an Israeli ID it wants an ID word beside it.
 * So do the other 11-digit national numbers with check digits: a Polish PESEL, a Turkish TC kimlik no, a Latvian personal code without its dash.
 */
const CPF_DIGITS = /(?<![\p{N}\-.,\/])\d{11}(?![\p{N}\-\/]|[.,]\p{N})/uy;
/** A CPF in groups split by spaces, 000 000 000 00 (or 000 000 000-00): it looks like a phone number, so it too wants an ID word. */
const CPF_SPACED = /(?<![\p{N}\-.,\/])\d{3} \d{3} \d{3}[ \-]\d{2}(?![\p{N}\-.,\/])/uy;
/** Plain-digit identity numbers, found after the phone numbers so that they never hide one. */
export function findIsraeliIds(text: string, v: Mapped, out: Found, runs: number[], longestRun: number): void {
  eachStickyMatch(text, IL_ID, startsOf(IL_ID, runs), (m) => {
    if (!israeliIdValid(m[0])) return;
    const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
    // It may overlap a national phone number: the rules decide by the words around it.
    if (!overlaps(out, s, e, UNDER_IL_ID)) push(out, v, m.index, m.index + m[0].length, "gov_id", m[0], { detail: "il_id", needsIdWord: true });
  });
  eachStickyMatch(text, CPF_SPACED, startsOf(CPF_SPACED, runs), (m) => {
    if (!cpfValid(m[0].replace(/\D/g, ""))) return;
    const detail = "br_cpf";
    const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
    if (!overlaps(out, s, e, UNDER_IL_ID)) push(out, v, m.index, m.index + m[0].length, "gov_id", m[0], { detail, needsIdWord: true });
  });
  if (longestRun < 11) return;
  eachStickyMatch(text, CPF_DIGITS, startsOf(CPF_DIGITS, runs), (m) => {
    // (A Latvian personal code typed without its dash, "12038512342", passes the same check as the dashed one.)
    const detail = cpfValid(m[0]) ? "br_cpf" : peselValid(m[0]) ? "pl_pesel" : turkishIdValid(m[0]) ? "tr_id" : latvianPersonalCodeValid(m[0]) ? "lv_personal_code" : undefined;
    if (!detail) return;
    const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
    if (!overlaps(out, s, e, UNDER_IL_ID)) push(out, v, m.index, m.index + m[0].length, "gov_id", m[0], { detail, needsIdWord: true });
  });
}

/**
 * "TC no: 7 0 3 0 8 2 4 6 2 0 2": an 11-digit identity number typed with spaces is no digit run, so the phone finder
 * reads it first; its digits still pass the ID's check, and like a plain one it counts only beside an ID word.
 */
export function findSpacedIds(out: Found): void {
  const n = out.entities.length;
  for (let k = 0; k < n; k++) {
    const e = out.entities[k]!;
    if (e.kind !== "phone" || e.detail === "strong") continue;
    const digits = e.value.replace(/\D/g, "");
    if (digits.length !== 11 || e.value.startsWith("+")) continue;
    const detail = cpfValid(digits) ? "br_cpf" : peselValid(digits) ? "pl_pesel" : turkishIdValid(digits) ? "tr_id" : undefined;
    if (detail && !out.entities.some((g) => g.kind === "gov_id" && g.start < e.end && e.start < g.end)) out.entities.push({ kind: "gov_id", start: e.start, end: e.end, value: digits, flags: e.flags, detail, needsIdWord: true });
  }
}

export function findGovIds(text: string, v: Mapped, out: Found, runs: number[]): void {
  eachStickyMatch(text, SSN, startsOf(SSN, runs), (m) => {
    if (ssnShapeValid(m[0].replace(/\D/g, ""))) push(out, v, m.index, m.index + m[0].length, "gov_id", m[0], { detail: "ssn", needsIdWord: true });
  });
  eachStickyMatch(text, LV_CODE, startsOf(LV_CODE, runs), (m) => {
    // The 6+5 shape with a failed check is still one beside a word for it ("personas kods: 120385-12345", typed from memory).
    if (latvianPersonalCodeValid(m[0].replace(/\D/g, ""))) push(out, v, m.index, m.index + m[0].length, "gov_id", m[0], { detail: "lv_personal_code" });
    else push(out, v, m.index, m.index + m[0].length, "gov_id", m[0], { detail: "lv_personal_code", needsIdWord: true });
  });
  eachStickyMatch(text, CPF_FORMATTED, startsOf(CPF_FORMATTED, runs), (m) => {
    if (cpfValid(m[0].replace(/\D/g, ""))) push(out, v, m.index, m.index + m[0].length, "gov_id", m[0], { detail: "br_cpf" });
  });
  eachStickyMatch(text, CNPJ_FORMATTED, startsOf(CNPJ_FORMATTED, runs), (m) => {
    if (cnpjValid(m[0].replace(/\D/g, ""))) push(out, v, m.index, m.index + m[0].length, "payment_id", m[0], { detail: "br_cnpj" });
  });
}

/** An Italian codice fiscale (RSSMRA85T10A562S): letters and digits in a fixed shape, its last letter a check over the rest. */
const IT_TAX_CODE = /(?<![\p{L}\p{N}])[A-Za-z]{6}\d{2}[A-Za-z]\d{2}[A-Za-z]\d{3}[A-Za-z](?![\p{L}\p{N}])/gu;
export function findItalianTaxCodes(text: string, v: Mapped, out: Found): void {
  eachMatch(text, IT_TAX_CODE, (m) => {
    const code = m[0].toUpperCase();
    if (italianTaxCodeValid(code)) push(out, v, m.index, m.index + m[0].length, "gov_id", code, { detail: "it_tax_code" });
  });
}

// ---- short digit groups (codes, CVV, PINs): they only count next to a word saying what they are ----
const DIGIT_GROUP = /(?<![\p{L}\p{N}.,\/])\d{3,8}(?:[\s\-]\d{3,4})?(?![\p{L}\p{N}%€$£]|[.,]\d)/uy;
export function findDigitCodes(text: string, v: Mapped, out: Found, runs: number[]): void {
  eachStickyMatch(text, DIGIT_GROUP, startsOf(DIGIT_GROUP, runs), (m) => {
    const [s, e] = toOriginal(v, m.index, m.index + m[0].length);
    if (overlaps(out, s, e, UNDER_DIGIT_CODE)) return;
    push(out, v, m.index, m.index + m[0].length, "digits", m[0].replace(/\D/g, ""));
  });
}

/**
 * Each number pattern with the lengths the digit run its match starts with can have: every pattern's
 * look-behind excludes a digit before it, so it starts at a run's first digit ("\d{9}" between
 * look-arounds that exclude digits is a whole run of nine). Tried only there, it finds what a scan
 * of every position finds.
 */
export const NUMBER_PATTERNS: ReadonlyMap<RegExp, [min: number, max: number]> = new Map<RegExp, [number, number]>([
  [PL_ACCOUNT, [2, Infinity]],
  [CARD, [1, Infinity]],
  [SSN, [3, 3]],
  [LV_CODE, [6, 6]],
  [CPF_FORMATTED, [3, 3]],
  [CNPJ_FORMATTED, [2, 2]],
  [IL_ID, [9, 9]],
  [CPF_DIGITS, [11, 11]],
  [CPF_SPACED, [3, 3]],
  [DIGIT_GROUP, [3, 8]],
]);

function startsOf(re: RegExp, runs: number[]): number[] {
  const [min, max] = NUMBER_PATTERNS.get(re)!;
  return runStarts(runs, min, max);
}
