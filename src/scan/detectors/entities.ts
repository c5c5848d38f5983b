// Entity detectors over the entity view: phone numbers, e-mail addresses, links, handles,
// payment cards, IBANs, wallet addresses, identity numbers, digit codes and executables.
// Every entity is validated (check digits, public suffixes, phone metadata) before it counts.
// This file builds the patterns and memos once per scanner and runs the detectors in their order
// (the ones found first win an overlap); each family is in its own file: urls, emails, handles,
// numbers, phones, wallets, executables (found.ts, matches.ts and context.ts are what they share).
import { toOriginal, type Mapped } from "../normalize.ts";
import { eachWordToken, newCharClasses, newWordMatcher } from "./anchors.ts";
import { withDigitLetters } from "./digit-letters.ts";
import { digitShape, textShape } from "./shape.ts";
import type { DetectorContext } from "./context.ts";
import { newFound, type Entity } from "./found.ts";
import { eachStickyMatch } from "./matches.ts";
import { addUrl, findLinks, findSpacedOutHosts, mayHaveLink, spelledHostStarts } from "./urls.ts";
import { addressStarts, findEmails, webmailNames, type EmailHosts } from "./emails.ts";
import { findHandles, findPaymentIds } from "./handles.ts";
import { findCards, findDigitCodes, findDomesticAccounts, findGovIds, findIbans, findIsraeliIds, findItalianTaxCodes, findSpacedIds } from "./numbers.ts";
import { BARE_NATIONAL_MIN_DIGITS, findPhones } from "./phones.ts";
import { findCrypto } from "./wallets.ts";
import { findExecutables } from "./executables.ts";
import { escapeRegExp } from "../regexp.ts";

export type { Entity, EntityKind } from "./found.ts";
export { validHost } from "./context.ts";
export { plainUrl } from "./urls.ts";

export type EntityOptions = {
  atWords: string[];
  dotWords: string[];
  /** Webmail domains: "name at gmail.com" (a bare at-word before a real domain) is an address only there. */
  mailHosts?: Set<string>;
  /** Host labels as spelled in other scripts → ASCII ("яндекс" → "yandex", "קום" → "com"): dictated addresses. */
  hostWords?: Map<string, string>;
};


/** Builds the detector set once (the e-mail pattern includes every language's at/dot words). */
export function createEntityDetector(opts: EntityOptions) {
  // Words of letters (and their marks: Devanagari "डॉट"); bracketed forms such as "(at)" are built by the pattern.
  const atWordList = opts.atWords.filter((w) => /^[\p{L}\p{M}]+$/u.test(w));
  const dotWordList = opts.dotWords.filter((w) => /^[\p{L}\p{M}]+$/u.test(w));
  // At-words of several words ("at the rate", "a còng"): in the pattern, longest first, any spaces between their
  // words; their first word marks where an address may be (the anchors are single words).
  const atPhrases = opts.atWords.filter((w) => /^[\p{L}\p{M}]+(?: [\p{L}\p{M}]+)+$/u.test(w)).sort((x, y) => y.length - x.length);
  const atAnchors = [...new Set([...atWordList, ...atPhrases.map((w) => w.slice(0, w.indexOf(" ")))])];
  const atWords = [...atPhrases.map((w) => w.split(" ").map(escapeRegExp).join("\\s+")), ...atWordList.map(escapeRegExp)];
  const dotWords = dotWordList.map(escapeRegExp);
  const open = "[\\(\\[\\{<]";
  const close = "[\\)\\]\\}>]";
  const atAlt = atWords.length ? `|\\s+(?:${atWords.join("|")})\\s+|\\s*${open}\\s*(?:${atWords.join("|")}|@)\\s*${close}\\s*` : "";
  const dotAlt = dotWords.length ? `|\\s+(?:${dotWords.join("|")})\\s+|\\s*${open}\\s*(?:${dotWords.join("|")}|\\.)\\s*${close}\\s*` : "";
  // The at- and dot-words of the scripts written without spaces need none around them either ("zhang艾特qq点com", "taroアットマークgmailドットcom").
  const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
  const cjkAtList = opts.atWords.filter((w) => unspaced.test(w) && /^[\p{L}\p{M}]+$/u.test(w)).sort((x, y) => y.length - x.length); // アットマーク before アット
  const cjkDotList = opts.dotWords.filter((w) => unspaced.test(w));
  const cjkDots = cjkDotList.map(escapeRegExp);
  const cjkAtAlt = cjkAtList.length ? `|\\s*(?:${cjkAtList.map(escapeRegExp).join("|")})\\s*` : "";
  const cjkDotAlt = cjkDots.length ? `|\\s*(?:${cjkDots.join("|")})\\s*` : "";
  const AT = `(?:\\s?@\\s?${atAlt}${cjkAtAlt})`;
  const DOT = `(?:\\.${dotAlt}${cjkDotAlt})`;
  const part = "[\\p{L}\\p{N}_%+\\-]+";
  // A Hebrew geresh or an apostrophe may sit inside a spelled label ("ג׳ימייל" = gmail).
  // (Vowel signs too: a Devanagari host word, "जीमेल", has marks inside.)
  const label = "[\\p{L}\\p{N}](?:[\\p{L}\\p{M}\\p{N}\\-׳']*[\\p{L}\\p{M}\\p{N}])?";
  // Sticky: tried only where an address can start (see addressStarts), not at every word of the message.
  const email = new RegExp(`(?<![\\p{L}\\p{N}_.%+\\-])(${part}(?:${DOT}${part}){0,8})${AT}(${label}(?:${DOT}${label}){1,8})(?![\\p{L}\\p{N}])`, "iuy");
  // A webmail name without its ending ("mike (at) gmail", "mike@yahoo"), tried after the full addresses.
  const webmailEmail = new RegExp(`(?<![\\p{L}\\p{N}_.%+\\-])(${part}(?:${DOT}${part}){0,8})${AT}(${label})(?![\\p{L}\\p{N}]|${DOT}[\\p{L}\\p{N}])`, "iuy");
  const bareAtRe = atWords.length ? new RegExp(`^\\s+(?:${atWords.join("|")})\\s+$`, "iu") : /^$/;
  // Hosts written with spelled or spaced dots: "discord . gg / x", "tinyurl נקודה com", "fiverr点com点x点cn".
  // Host labels in the scripts hosts are written in (an Arabic or Han word next to "نقطة"/"点" is not a label).
  const hostLabel = "[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{N}\\-]{1,40}";
  const spelledSep = `(?:\\s+\\.\\s+${dotAlt}${cjkDots.length ? `|\\s*(?:${cjkDots.join("|")})\\s*` : ""})`;
  const spelledHost = new RegExp(`(?<![\\p{L}\\p{N}.\\-])${hostLabel}(?:${spelledSep}${hostLabel}){1,6}(?:\\s*\\/\\s*[\\p{L}\\p{N}_\\-]+)?`, "iuy");
  const spelledSepRe = new RegExp(spelledSep, "giu");
  const dotRe = new RegExp(DOT, "giu");

  const ctx: DetectorContext = {
    cls: newCharClasses(),
    hosts: new Map(),
    phones: new Map(),
    wallets: new Map(),
    base58: new Map(),
    urls: new Map(),
    atWords: newWordMatcher(atAnchors),
    dotWords: newWordMatcher(dotWordList),
    cjkDots: cjkDotList,
    cjkAts: cjkAtList,
    cover: new Uint16Array(256),
  };
  const mailHosts = opts.mailHosts ?? new Set<string>();
  const emailHosts: EmailHosts = { mail: mailHosts, byName: webmailNames(mailHosts), spelled: opts.hostWords ?? new Map() };
  /**
   * words: whether the text has at-words or dot-words at all (the scanner knows from its lexicon
   * pass; undefined = assume yes). Each detector is skipped when the characters it needs are absent.
   */
  return function findEntities(a: Mapped, spelled: Mapped = a, words: { atWords?: boolean; dotWords?: boolean } = {}): Entity[] {
    const out = newFound(a.text.length === 0 ? 0 : toOriginal(a, a.text.length - 1, a.text.length)[1], ctx);
    const text = a.text;
    const shape = textShape(text);
    if (mayHaveLink(text, shape, ctx.cls)) findLinks(text, a, out, shape, ctx);
    if (shape.spacedDot) findSpacedOutHosts(text, a, out, ctx);
    const spelledHosts = words.dotWords !== false || shape.spacedDot;
    const emails = shape.at || words.atWords !== false;
    // One pass over the tokens finds the at- and dot-words the two patterns below can use.
    const tokens = spelledHosts || emails ? wordTokens(text, ctx, emails, spelledHosts) : undefined;
    if (spelledHosts) eachStickyMatch(text, spelledHost, spelledHostStarts(text, shape.openBrackets, tokens!.dots, ctx), (m) => addUrl(out, a, ctx, m.index, m[0].replace(spelledSepRe, "."), true, m[0].length));
    if (emails) findEmails(text, a, out, ctx, addressStarts(text, tokens!.ats, ctx), { full: email, webmail: webmailEmail, dot: dotRe, bareAt: bareAtRe }, emailHosts);
    if (shape.at) {
      findHandles(text, a, out);
      findPaymentIds(text, a, out);
    }
    // "77OO 9OO": letters typed for digits in a number, read as digits (same length: the offsets stay).
    const numbers = withDigitLetters(spelled, spelled === a ? shape.runs : undefined);
    const digits = numbers.text;
    const d = numbers === a ? shape : digitShape(digits);
    if (d.threeClose) {
      // Each number detector only when its shape can be there at all (most messages have a price or a date, nothing more).
      if (d.closePair) findIbans(digits, numbers, out, d.pairs);
      if (d.chain >= 26) findDomesticAccounts(digits, numbers, out, d.runs);
      if (d.cardRun >= 13) findCards(digits, numbers, out, d.runs);
      // Each of the dashed identity numbers has one of these shapes.
      if (d.longestRun >= 3 && digits.includes("-") && DASHED_ID_SHAPE.test(digits)) findGovIds(digits, numbers, out, d.runs);
      if (numbers !== a || d.chain >= BARE_NATIONAL_MIN_DIGITS || (d.chain >= 6 && PHONE_SHAPE.test(digits))) findPhones(digits, numbers, out, ctx, d);
      // Israeli IDs last: a tenth of all 9-digit numbers pass their check, so they must not hide a phone number.
      // (A CPF in spaced groups has no run of nine: "390 533 447 05".)
      if (d.longestRun >= 9 || (d.runs.length >= 8 && CPF_SPACED_SHAPE.test(digits))) findIsraeliIds(digits, numbers, out, d.runs, d.longestRun);
      findSpacedIds(out);
      if (d.longestRun >= 3) findDigitCodes(digits, numbers, out, d.runs);
    }
    if (shape.longAlnumRun) findCrypto(text, a, out, ctx);
    // A codice fiscale is 16 letters and digits with three runs of digits in it.
    if (text.length >= 16 && shape.longestRun >= 2 && shape.runs.length >= 6 && IT_TAX_CODE_SHAPE.test(text)) findItalianTaxCodes(text, a, out);
    if (shape.separators.length > 0) findExecutables(text, a, out, shape.separators, ctx.cls);
    return out.entities;
  };
}

/** Number shapes worth a closer look, past what the digit shape tells (dashes, prefixes). */
const DASHED_ID_SHAPE = /\d{3}-\d{2}-\d{4}|\d{6}-\d{5}|\d{3}\.\d{3}\.\d{3}-\d{2}|\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}/;
const CPF_SPACED_SHAPE = /\d{3} \d{3} \d{3}[ -]\d{2}/;
const IT_TAX_CODE_SHAPE = /[A-Za-z]\d{3}[A-Za-z](?![\p{L}\p{N}])/u;
const PHONE_SHAPE = /(?:\+|00|\(?0)\s?\d(?:\D{0,3}\d){5}/;

// ---- at- and dot-words ----
/** Positions [start, end) of the tokens that are at-words and dot-words (each list only when asked for). */
function wordTokens(text: string, ctx: DetectorContext, ats: boolean, dots: boolean): { ats: number[]; dots: number[] } {
  const found = { ats: [] as number[], dots: [] as number[] };
  const matchers = ats && dots ? [ctx.atWords, ctx.dotWords] : [ats ? ctx.atWords : ctx.dotWords];
  eachWordToken(text, matchers, (m, s, e) => (m === ctx.atWords ? found.ats : found.dots).push(s, e));
  return found;
}
