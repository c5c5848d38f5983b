// Text helpers of the rules: sentence and clause breaks, and the values written right after a
// messenger name or a secret word. (The languages a message is written in: rule-langs.ts.)
import type { Entity } from "../detectors/entities.ts";
import moneyWords from "./money-words.json" with { type: "json" };
import { escapeRegExp } from "../regexp.ts";
import type { ChannelWords } from "../lexicon.ts";
import { isSpace, wordEndingAt, wordStartingAt } from "./words.ts";

type Span = { start: number; end: number };

/** Marks that end a sentence (a clause) when a space or the end follows a run of them (Hindi's danda, Urdu's full stop too). */
export const END_MARKS = ".!?;\n。！？؟।॥۔";
/** Marks that end a clause by themselves. */
const CLAUSE_MARKS = "，、،()";
/** "but" between two clauses, in the lexicons' languages. */
const CLAUSE_WORDS = ["but", "aber", "bet", "но", "но,", "لكن", "אבל", "pero", "mas", "mais", "ma", "ama", "ale", "लेकिन", "但是", "でも", "tapi", "nhưng"];

/**
 * "…but", "…so" turning from a rule to what the writer wants anyway ("I know it's against the rules, but add me on
 * WhatsApp", "many scammers here, so let's talk on Telegram"): the "but" words and the words for "so, therefore".
 */
const TURN_WORDS = [...CLAUSE_WORDS, "so", "also", "deshalb", "deswegen", "tāpēc", "так что", "поэтому", "тому", "отже", "але", "así que", "por eso", "então", "por isso", "donc", "alors", "quindi", "allora", "więc", "dlatego", "bu yüzden", "o yüzden", "لذلك", "لهذا", "אז", "לכן", "इसलिए", "所以", "だから", "jadi", "makanya", "nên", "vì vậy"];
const TURN = new RegExp(String.raw`(?:^|[\s,;:.])(?:${TURN_WORDS.map(escapeRegExp).join("|")})(?=[\s,]|$)`, "iu");
/** The text between a rule quote and what follows it turns away from the rule (a "but" or a "so" between them). */
export function turnsBetween(text: string, from: number, to: number): boolean {
  return to > from && TURN.test(text.slice(from, to));
}

// (A full stop of the scripts written without spaces ends its sentence with no space after it: "実装しました。APIキーは…".)
const endRun = String.raw`[${END_MARKS}]+(?=\s|$)|[。！？]+|\n`;
const clauseWords = CLAUSE_WORDS.map(escapeRegExp).join("|");
// The breaks, by definition (where each match ends): a sentence ends after a run of end marks before a space, at a
// line break and at a spaced dash ("a – b"); a clause also at ", ", a clause mark, a spaced "-" and a spaced "but".
export const SENTENCE_END = new RegExp(String.raw`${endRun}|\s[–—]\s`, "gu");
// (The clause's spaced dash and spaced word are one alternative: one try at each space instead of two. Where a
// line break is that space, the line break's own alternatives come first either way.)
export const CLAUSE_END = new RegExp(String.raw`${endRun}|,\s|[${CLAUSE_MARKS}]|\s(?:[–—-]|${clauseWords})\s`, "giu");
// The sentence breaks, found faster: an alternative that starts with \s is tried at every space of the text (most
// of the regex's time), so the dash's space is a look-behind. (The same for clauses gains little: their "but" words
// start with a space too, and a look-behind before them is tried at every letter.)
const SENTENCE_BREAK = new RegExp(String.raw`${endRun}|(?<=\s)[–—]\s`, "gu");

/** Where each match of a global regex ends (test() moves lastIndex there: no match object per sentence). */
export function boundaries(text: string, re: RegExp): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  while (re.test(text)) out.push(re.lastIndex);
  return out;
}

/** The ends of SENTENCE_END's matches. */
export function sentenceBreaks(text: string): number[] {
  const out: number[] = [];
  for (let end = nextEnd(SENTENCE_BREAK, text, 0); end >= 0; end = nextEnd(SENTENCE_BREAK, text, end)) out.push(end);
  return out;
}
/** The end of the look-behind regex's next match from `from` (as the definition searches), -1 when there is none. */
function nextEnd(re: RegExp, text: string, from: number): number {
  re.lastIndex = searchFrom(text, from);
  return re.test(text) ? re.lastIndex : -1;
}
/**
 * Where the look-behind regex must search from to find the definition's next break: a look-behind sees the
 * space before `from` that the last break took, so a character right after it that starts none of the
 * definition's breaks (the dash a look-behind would match there) is skipped.
 */
function searchFrom(text: string, from: number): number {
  if (from === 0 || from >= text.length || !isSpace(text.charCodeAt(from - 1))) return from;
  const c = text.charCodeAt(from);
  if (isSpace(c) || hasCode(END_MARKS, c)) return from;
  const pair = (c & 0xfc00) === 0xd800 && (text.charCodeAt(from + 1) & 0xfc00) === 0xdc00; // one character: skip both halves
  return pair ? from + 2 : from + 1;
}
function isAscii(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) >= 0x80) return false;
  return true;
}
export function hasCode(chars: string, c: number): boolean {
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
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

/**
 * The sentence (or clause) of each position of one message at a time: the breaks are found on the first question,
 * and the rules ask in runs about one or two places (a long message asks ~500 times), so the last answers are tried first.
 */
export function newPieceLookup(breaksOf: (text: string) => number[]) {
  let text = "";
  let bounds: number[] | undefined;
  // The last two answers: the questions go back and forth between two places ("is c in x's sentence?").
  let last = 0;
  let before = 0;
  const breaks = () => (bounds ??= breaksOf(text));
  const holds = (ends: number[], k: number, p: number) => (k === 0 || ends[k - 1]! <= p) && (k === ends.length || p < ends[k]!);
  /** indexOf(breaks(), p). */
  const at = (p: number): number => {
    const ends = breaks();
    if (holds(ends, last, p)) return last;
    if (holds(ends, before, p)) return before;
    before = last;
    return (last = indexOf(ends, p));
  };
  /** at(p) === k, without looking p up. */
  const isIn = (k: number, p: number): boolean => holds(breaks(), k, p);
  const load = (t: string) => {
    text = t;
    bounds = undefined;
    last = before = 0;
  };
  return { at, isIn, breaks, load };
}

/** "is" between a name and its value ("my telegram is mike_dev", "meu insta é…", "parole ir…", "пароль это…"). */
const COPULA = "is|ist|ir|est|es|é|è|e|ay|ialah|adalah|это|є|הוא|هي|هو";

/** "my" written after the name, as Romanian, Italian, Spanish and Portuguese may ("telegramul meu: …", "il telegram mio è…"). */
const POSSESSIVE_AFTER = String.raw`(?:\s+(?:meu|mea|mio|mia|mío|mía)(?=[\s:：]))?`;

/** Skype ids are written "live:name" or "live:.cid.8a3f77b2c1": the prefix belongs to the id. */
const SKYPE_ID_PREFIX = String.raw`live:\.?`;

/**
 * A label between the name and the handle ("tg nick: …", Skype's "live:"); the words for "ID" of scripts whose
 * chats write them without a colon ("ไลน์ ไอดี som99", "카톡 아이디 kim88") are labels in any case.
 */
// (Han glues its labels to the name: "微信号：", "微信搜 design_wang", "vx号是 abc_studio", "微信是 lin_88".)
const HANDLE_LABEL = String.raw`(?:(?:name|id|nick|user(?:name)?|ник|اسم|שם)\s*[:：]\s*|(?:ไอดี|아이디|アイディ|号码?|號碼?|搜索?|号是|號是|是)\s*[:：]?\s*|${SKYPE_ID_PREFIX})?`;
/** Arrows and pointing hands that show the handle ("IG 👉 lena.artz", "tg ➡️ ieva_foto", "تيليجرام 👈 ahmed_dev"). */
const POINTERS = String.raw`→⇒➡➔➜➝➞▶►👉👈👇\u{FE0F}`;
/** What may stand between the name and its handle: a post-posed "my", separators, "is", a label. */
const BEFORE_HANDLE = String.raw`${POSSESSIVE_AFTER}[\s:：\-–—>=,${POINTERS}]{0,6}(?:(?:${COPULA})\s+)?${HANDLE_LABEL}`;
/**
 * A handle-like token right after a messenger name ("tg: ieva_foto", "IG → lena.artz", "meu insta é rafa.design"), or
 * a Discord tag with its four digits ("discord: kai#0420").
 */
const HANDLE_AFTER = new RegExp(String.raw`^${BEFORE_HANDLE}@?([\p{L}\p{N}_.]{2,}#\d{4}(?!\d)|[\p{L}\p{N}]+(?:[._][\p{L}\p{N}]+)+|[\p{L}]+[._]?\d{2,}|[\p{L}\p{N}]*_[\p{L}\p{N}_]+)`, "iu");
/** Fewest characters (spaces included) of a handle typed one character at a time: five characters. */
const SPACED_HANDLE_MIN = 9;
/** A handle typed one character at a time ("o k s a n a _ d e s i g n", "@ m e h m e t _ d e v"), after the separators. */
const SPACED_HANDLE = new RegExp(String.raw`^(${BEFORE_HANDLE}(?:@ ?)?)((?:[\p{L}\p{N}_.] ){4,}[\p{L}\p{N}_.])(?![\p{L}\p{N}])`, "u");

/** A word spelled out with dots ("t.e.l.e.g.r.a.m"): neither a handle nor a password. */
const SPELLED_WORD = /^(?:\p{L}\.)+\p{L}$/u;

export function handleAfter(text: string, from: number, entities: Entity[]): (Span & { value: string }) | undefined {
  // Full-width forms ("：ｌｉｎ＿ｄｅｓｉｇｎ８８") read as ASCII; only when NFKC keeps every offset in place.
  const raw = text.slice(from, from + 60);
  const nfkc = isAscii(raw) ? raw : raw.normalize("NFKC"); // (ASCII is its own NFKC)
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
  // After an at sign any spaced word is the handle ("@ y o s s i"), as "@ yossi" is.
  if (m[1]!.includes("@")) return { at: m[1]!.length, length: m[2]!.length, value: m[2]!.replace(/ /g, "") };
  return undefined;
}

/**
 * Quoted text: an opening mark at a word's start (after a space, a colon, a bracket, a dash or Han/kana) and the next
 * closing mark on the line that no letter or digit follows (a corner bracket 」 may touch kana). An apostrophe inside
 * a word ("it's", "Stripe's") opens and closes nothing.
 */
// (A full-width colon opens a quote too, and a closing mark may touch the Han or kana after it: "话术是：“请输入验证码。”这样可以吗".)
const QUOTED = /(?<=^|[\s:：(\[—–-]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])['"“‘«„「『‹]([^\n]*?)(?:['"”’»“›](?!(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}])|[」』])/gu;

/** The spans of the quoted passages of a text (their marks included). */
export function quotedSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(QUOTED)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Extensions of the files a gig delivers (images, documents, video, design sources): "whatsapp_banner.png" is a file. */
const DELIVERABLE_FILE = /\.(?:png|jpe?g|gif|webp|svg|pdf|psd|ai|eps|indd|fig|sketch|xd|tiff?|heic|docx?|xlsx?|pptx?|odt|txt|csv|mp4|mov|avi|webm|mp3|wav|zip|rar)$/i;
const isFileNameChar = (ch: string) => /[\p{L}\p{M}\p{N}_\-.]/u.test(ch);

/** The span is part of a file name ("final_v3_whatsapp_banner.png", "telegram_header_final.png"), not a word of its own. */
export function inFileName(text: string, span: Span): boolean {
  let a = span.start;
  let b = span.end;
  while (a > 0 && isFileNameChar(text[a - 1]!)) a--;
  while (b < text.length && isFileNameChar(text[b]!)) b++;
  const name = text.slice(a, b).replace(/\.+$/, "");
  return name.length > span.end - span.start && DELIVERABLE_FILE.test(name) && span.end <= a + name.lastIndexOf(".");
}

const SCRIPTS_NOT_IN_PASSWORDS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/**
 * What the secret belongs to, between it and an "is" or ":" that must follow ("pass for the wp admin is…", "Passwort
 * für den Shop ist…", "contraseña del panel es…"): at most three words after the preposition.
 */
const SECRET_OWNER = String.raw`(?:\s+(?:for|of|für|von|pour|du|de|del|per|di|para|do|da|voor|van|pentru|sa|ng|untuk|bagi)\s+(?:[\p{L}\p{N}'’-]+(?:\s+|(?=[:=：]))){0,3}?(?=(?:${COPULA})\s|[:=：]))?`;
const CREDENTIAL_AFTER = new RegExp(String.raw`^${SECRET_OWNER}\s*(?:[:=：]|${COPULA})?\s*[:=：]?\s*(\S{6,64})`, "iu");

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
  // (A value in quote marks of its own is announced too: "parole „Rudens!“".)
  const announced = /[:=：]|\p{L}/u.test(m[0].slice(0, m[0].length - m[1]!.length)) || /^["'„“‘«‹「『]/u.test(v);
  // (Nor are a closing quote or bracket after it: "…paroli vai PIN kodu.”" ends a quoted sentence, "the 'şifremi unuttum'
  // link" quotes a label.)
  const body = announced ? v : v.replace(/[.,;:!?…"'”’“‘»«›‹」』)\]।॥۔؟،]+$/u, "");
  // A word with only its own joiners inside ("l'autenticazione", "e-mails") is a word, not letters and symbols; a
  // letter's marks are the letter's (Devanagari vowel signs: "OTP स्क्रीन").
  const symbols = body.replace(/(?<=\p{L}\p{M}*)['’-](?=\p{L})/gu, "");
  if (!(/\p{L}/u.test(body) && /\p{N}/u.test(body)) && !/^[^\s\p{L}\p{M}\p{N}]*[\p{L}\p{M}]+[^\s\p{L}\p{M}\p{N}]+/u.test(symbols)) return undefined;
  const start = from + m[0].length - m[1]!.length;
  return { start, end: start + v.length };
}

/** A slash between a login and its password ("admin@shop.com / Tr33house!"; a bar separates contacts in a list). */
const LOGIN_SEPARATOR = /^\s?\/\s?/;
/** A lower-case handle ("anna_design88", "studio.north"): the next contact in a list, not a password. */
const HANDLE_SHAPE = /^[\p{Ll}\p{N}]+(?:[._][\p{Ll}\p{N}]+)+$/u;

/** A password-like value after a login and a slash: the pair is a credential handed over, not an address to write to. */
export function passwordAfterLogin(text: string, from: number): Span | undefined {
  const m = LOGIN_SEPARATOR.exec(text.slice(from, from + 4));
  const value = m ? credentialAfter(text, from + m[0].length) : undefined;
  return value && !HANDLE_SHAPE.test(text.slice(value.start, value.end).replace(/[.,;]$/, "")) ? value : undefined;
}

const moneySymbols = `[${escapeRegExp(moneyWords.symbols)}]`;
const CURRENCY_BEFORE = new RegExp(`${moneySymbols}\\s?$|(?<![\\p{L}])(?:${moneyWords.before.map(escapeRegExp).join("|")})[\\s:]*$`, "iu");
// A word ending in "*" is a stem ("руб*": рублей, рубля).
const afterWords = moneyWords.after.map((w) => (w.endsWith("*") ? `${escapeRegExp(w.slice(0, -1))}\\p{L}*` : escapeRegExp(w)));
// (A currency word of the scripts written without spaces may touch the next word: "支付20美元解冻".)
const WORD_GOES_ON = String.raw`(?!(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])\p{L})`;
const CURRENCY_AFTER = new RegExp(`^\\s?(?:${moneySymbols}|(?:${afterWords.join("|")})${WORD_GOES_ON})`, "iu");

/** A digit group written as money ("budget $600", "600 dollars"): a price, not a code. */
export function isAmount(text: string, span: Span): boolean {
  return CURRENCY_BEFORE.test(text.slice(Math.max(0, span.start - 12), span.start)) || CURRENCY_AFTER.test(text.slice(span.end, span.end + 10));
}

/** A digit group (Arabic-script digits too), with its thousands and decimals. */
const DIGIT_GROUP = /[\d٠-٩۰-۹]+(?:[.,\s][\d٠-٩۰-۹]{3})*(?:[.,][\d٠-٩۰-۹]{1,2})?/gu;

/** The digit groups in text[from, to) written as money, in order. */
export function amountsIn(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  for (const d of text.slice(from, to).matchAll(DIGIT_GROUP)) {
    const span = { start: from + d.index, end: from + d.index + d[0].length };
    if (isAmount(text, span)) out.push(span);
  }
  return out;
}

/** A number right after a payment rail, with a colon or a dash at most between ("bizum 40 eur", "pix: R$ 50", "paypal 60$"). */
// (Digits of the Arabic scripts too: "ادفع ١٠$".)
const NUMBER_AFTER_RAIL = new RegExp(`^[\\s:\\-–]{0,3}(r?${moneySymbols}\\s?)?[\\d٠-٩۰-۹]+(?:[.,][\\d٠-٩۰-۹]{1,2})?`, "iu");

/** The amount written right after a payment rail: the sum to send there ("Bizum 40€ y arranco"). */
export function amountAfter(text: string, from: number): Span | undefined {
  const rest = text.slice(from, from + 24);
  const m = NUMBER_AFTER_RAIL.exec(rest);
  if (!m || !(m[1] || CURRENCY_AFTER.test(rest.slice(m[0].length)))) return undefined;
  return { start: from, end: from + m[0].length };
}

/** A sum written as money right before a word (a sign or a currency word with it: "20$ ödeyin", "$20 ödeyin"). */
// (Japanese and Chinese write the sum against the verb, or with an object particle between, or "of" a fee noun:
// "20ドルを支払って", "20美元支付", "10ドルの手数料をお支払い".)
const MONEY_BEFORE_WORD = new RegExp(
  `(?:${moneySymbols}\\s?[\\d٠-٩۰-۹]+(?:[.,]\\d{1,2})?|[\\d٠-٩۰-۹]+(?:[.,]\\d{1,2})?\\s?(?:${moneySymbols}|(?:${afterWords.join("|")})${WORD_GOES_ON}))(?:\\s{1,3}|(?<=[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}])(?:の[\\p{Script=Han}\\p{Script=Katakana}]{1,4})?[をでお]{0,2})$`,
  "iu",
);

/** The amount written as money right before `to` (a verb-final ask: "açmak için 20$ ödeyin"). */
export function amountBefore(text: string, to: number): Span | undefined {
  const m = MONEY_BEFORE_WORD.exec(text.slice(Math.max(0, to - 24), to));
  return m ? { start: to - m[0].length, end: to } : undefined;
}

/** Spaces (at most a few) between a messenger's name and the word beside it. */
const CHANNEL_GAP = 3;
/** Apostrophes and hyphens that may join a case ending to a name ("WhatsApp'tan", "Telegram-da"). */
const ENDING_JOINERS = "'’-";

/**
 * The messenger named at m is the channel a talk moves to by the words beside it: a preposition before it
 * ("on", "auf", "по"), a proclitic glued to its front ("ב", "ب"), a postposition after it ("पर"), or a case
 * ending or particle glued to it ("WhatsApp'tan", "WhatsAppā", "LINEで", "카톡으로") — not "a WhatsApp bot".
 */
export function namedAsChannel(text: string, m: Span & { term: string }, channel: ChannelWords): boolean {
  const { words, endings } = channel;
  if (words.size === 0 && endings.length === 0) return false;
  const glued = wordEndingAt(text, m.start);
  if (glued !== "") return words.has(glued);
  let p = m.start;
  while (p > 0 && m.start - p < CHANNEL_GAP && isSpace(text.charCodeAt(p - 1))) p--;
  if (p < m.start && words.has(wordEndingAt(text, p))) return true;
  // The ending may follow the name, or be part of its own word when a stem matched ("whatsapp*" covers "whatsapptan").
  const own = text.slice(m.start, m.end).toLowerCase();
  const stem = m.term.endsWith("*") ? m.term.length - 1 : own.length;
  let q = m.end;
  if (q < text.length && ENDING_JOINERS.includes(text[q]!)) q++;
  const tail = wordStartingAt(text, q);
  if (tail !== "") return endings.some((e) => tail.startsWith(e)) || words.has(tail);
  if (own.length > stem && endings.some((e) => own.length - e.length >= stem && own.endsWith(e))) return true;
  while (q < text.length && q - m.end < CHANNEL_GAP && isSpace(text.charCodeAt(q))) q++;
  return q > m.end && words.has(wordStartingAt(text, q));
}
