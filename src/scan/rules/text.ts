// Text helpers of the rules: sentence and clause breaks, and the values written right after a
// messenger name or a secret word. (The languages a message is written in: rule-langs.ts.)
import type { Entity } from "../detectors/entities.ts";
import moneyWords from "./money-words.json" with { type: "json" };
import { escapeRegExp } from "../regexp.ts";

type Span = { start: number; end: number };

export const SENTENCE_END = /[.!?;\n。！？؟]+(?=\s|$)|\n|\s[–—]\s/gu;
export const CLAUSE_END = /[.!?;\n。！？؟]+(?=\s|$)|\n|\s[–—-]\s|,\s|，|、|،|[()]|\s(?:but|aber|bet|но|но,|لكن|אבל|pero|mas|mais|ma|ama|ale|लेकिन|但是|でも|tapi|nhưng)\s/giu;

/** Where each match of a global regex ends (test() moves lastIndex there: no match object per sentence). */
export function boundaries(text: string, re: RegExp): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  while (re.test(text)) out.push(re.lastIndex);
  return out;
}
/** How many bounds are ≤ pos (an ascending list): the index of the sentence or clause pos is in. */
export function indexOf(bounds: number[], pos: number): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bounds[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** "is" between a name and its value ("my telegram is mike_dev", "meu insta é…", "parole ir…", "пароль это…"). */
const COPULA = "is|ist|ir|est|es|é|è|e|это|є|הוא|هي|هو";

/**
 * A label between the name and the handle ("tg nick: …"); the words for "ID" of scripts whose chats write
 * them without a colon ("ไลน์ ไอดี som99", "카톡 아이디 kim88") are labels in any case.
 */
const HANDLE_LABEL = String.raw`(?:(?:name|id|nick|user(?:name)?|ник|اسم|שם)\s*[:：]\s*|(?:ไอดี|아이디|アイディ)\s*[:：]?\s*)?`;
/** A handle-like token right after a messenger name ("tg: ieva_foto", "IG → lena.artz", "meu insta é rafa.design"). */
const HANDLE_AFTER = new RegExp(String.raw`^[\s:：\-–—→>=,]{0,6}(?:(?:${COPULA})\s+)?${HANDLE_LABEL}@?([\p{L}\p{N}]+(?:[._][\p{L}\p{N}]+)+|[\p{L}]+[._]?\d{2,}|[\p{L}\p{N}]*_[\p{L}\p{N}_]+)`, "iu");
/** A handle typed one character at a time ("o k s a n a _ d e s i g n", "@ m e h m e t _ d e v"), after the separators. */
/** Fewest characters (spaces included) of a handle typed one character at a time: five characters. */
const SPACED_HANDLE_MIN = 9;
const SPACED_HANDLE = new RegExp(String.raw`^([\s:：\-–—→>=,]{0,6}(?:(?:${COPULA})\s+)?${HANDLE_LABEL}(?:@ ?)?)((?:[\p{L}\p{N}_.] ){4,}[\p{L}\p{N}_.])(?![\p{L}\p{N}])`, "u");

/** A word spelled out with dots ("t.e.l.e.g.r.a.m"): neither a handle nor a password. */
const SPELLED_WORD = /^(?:\p{L}\.)+\p{L}$/u;

export function handleAfter(text: string, from: number, entities: Entity[]): (Span & { value: string }) | undefined {
  // Full-width forms ("：ｌｉｎ＿ｄｅｓｉｇｎ８８") read as ASCII; only when NFKC keeps every offset in place.
  const raw = text.slice(from, from + 60);
  const nfkc = raw.normalize("NFKC");
  const after = nfkc.length === raw.length ? nfkc : raw;
  let found = spacedHandle(after);
  if (!found) {
    const m = HANDLE_AFTER.exec(after);
    if (m) found = { at: m[0].length - m[1]!.length, length: m[1]!.length, value: m[1]! };
  }
  if (!found) return undefined;
  const { value } = found;
  // Digits alone are a number, a dotted domain an address, a word spelled out with dots a word.
  if (/^\d+([._]\d+)*$/.test(value) || /\.(com|net|org|de|lv|io)$/i.test(value) || SPELLED_WORD.test(value)) return undefined;
  const start = from + found.at;
  const end = start + found.length;
  // Part of an e-mail address: that entity speaks for itself.
  if (entities.some((e) => e.kind === "email" && e.start <= start && e.end >= end)) return undefined;
  return { start, end, value };
}

/** A spaced-out token that reads as a handle once its spaces are gone: where it stands, its length as written, the handle. */
function spacedHandle(after: string): { at: number; length: number; value: string } | undefined {
  const m = SPACED_HANDLE.exec(after);
  if (!m) return undefined;
  // The last spaced character may be the sentence's own (a particle: "카톡 k i m 8 8 로 연락"): shorter tries too.
  for (let typed = m[2]!; typed.length >= SPACED_HANDLE_MIN; typed = typed.slice(0, -2)) {
    const joined = typed.replace(/ /g, "");
    const h = HANDLE_AFTER.exec(joined);
    if (h && h[0] === joined) return { at: m[1]!.length, length: typed.length, value: joined };
  }
  return undefined;
}

const SCRIPTS_NOT_IN_PASSWORDS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

const CREDENTIAL_AFTER = new RegExp(String.raw`^\s*(?:[:=：]|${COPULA})?\s*[:=：]?\s*(\S{6,64})`, "iu");

/** A password-like value right after a secret word ("pass Summer2024!", "parole: Rudens2024"). */
export function credentialAfter(text: string, from: number): Span | undefined {
  const m = CREDENTIAL_AFTER.exec(text.slice(from, from + 80));
  if (!m) return undefined;
  const v = m[1]!.replace(/[.,;]$/, "");
  if (SPELLED_WORD.test(v)) return undefined;
  // Passwords are typed in Latin letters, digits and symbols: "密码长度是多少位…", "パスワードは8文字以上" go on talking about it.
  if (SCRIPTS_NOT_IN_PASSWORDS.test(v)) return undefined;
  // Without ":" or "is" before it, a word with the sentence's own punctuation ("hasło działa?", "parole
  // strādā!") is a question or a remark, not a value ("password: Qwerty!!" still is one).
  const announced = /[:=：]|\p{L}/u.test(m[0].slice(0, m[0].length - m[1]!.length));
  const body = announced ? v : v.replace(/[.,;:!?…]+$/u, "");
  if (!(/\p{L}/u.test(body) && /\p{N}/u.test(body)) && !/^[^\s\p{L}\p{N}]*\p{L}+[^\s\p{L}\p{N}]+/u.test(body)) return undefined;
  const start = from + m[0].length - m[1]!.length;
  return { start, end: start + v.length };
}

const moneySymbols = `[${escapeRegExp(moneyWords.symbols)}]`;
const CURRENCY_BEFORE = new RegExp(`${moneySymbols}\\s?$|(?<![\\p{L}])(?:${moneyWords.before.map(escapeRegExp).join("|")})[\\s:]*$`, "iu");
// A word ending in "*" is a stem ("руб*": рублей, рубля).
const afterWords = moneyWords.after.map((w) => (w.endsWith("*") ? `${escapeRegExp(w.slice(0, -1))}\\p{L}*` : escapeRegExp(w)));
const CURRENCY_AFTER = new RegExp(`^\\s?(?:${moneySymbols}|(?:${afterWords.join("|")})(?![\\p{L}]))`, "iu");

/** A digit group written as money ("budget $600", "600 dollars"): a price, not a code. */
export function isAmount(text: string, span: Span): boolean {
  return CURRENCY_BEFORE.test(text.slice(Math.max(0, span.start - 12), span.start)) || CURRENCY_AFTER.test(text.slice(span.end, span.end + 10));
}
