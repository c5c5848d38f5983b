// E-mail addresses, also when written to dodge filters: "name at gmail dot com", "name (at) host",
// or dictated in another script ("яндекс.ру"). addressStarts walks back from each "@" and at-word
// to where an address can start, so the (costly) address pattern runs only there; findEmails then
// checks the domain and drops a sentence that only looks like an address ("at fiverr-check.com").
import { toOriginal, type Mapped } from "../normalize.ts";
import { charBeforeIs, isAddressChar, isCloseBracket, isOpenBracket, isSpace, isWordAt, runStartBefore, skipSpacesBefore } from "./anchors.ts";
import { validHostMemo, type DetectorContext } from "./context.ts";
import { UNDER_WEBMAIL_ADDRESS, overlaps, push, type Found } from "./found.ts";
import { ascending, eachStickyMatch } from "./matches.ts";

// ---- e-mail ----
/** Most address parts before the "@" (the pattern's part(DOT part){0,8}). */
const MAX_ADDRESS_PARTS = 9;

/**
 * Where an address can start, walking back from each separator ("@" and the at-word tokens)
 * through the local part: address parts (runs of [\p{L}\p{N}_%+-]) joined by the pattern's dots
 * (".", " dot-word ", "(dot-word)", "(.)"). Each part's start is a possible start; the walk stops
 * where the text between two parts cannot be a dot.
 */
export function addressStarts(text: string, atTokens: number[], ctx: DetectorContext): number[] {
  const starts: number[] = [];
  const walk = (separator: number) => {
    // The at-separator may begin with spaces and a bracket ("\s?@", "\s+at", "\s*(\s*at").
    let end = separator;
    while (end > 0 && (isSpace(text.charCodeAt(end - 1)) || isOpenBracket(text.charCodeAt(end - 1)))) end--;
    for (let parts = 0; parts < MAX_ADDRESS_PARTS && charBeforeIs(text, end, ctx.cls, isAddressChar); parts++) {
      const start = runStartBefore(text, end, ctx.cls, isAddressChar);
      starts.push(start);
      const before = dotBefore(text, start, ctx);
      if (before < 0) break;
      end = before;
    }
  };
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) walk(at);
  for (let k = 0; k < atTokens.length; k += 2) walk(atTokens[k]!);
  for (const w of ctx.cjkAts) for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) walk(at);
  return ascending(starts);
}

/** The end of the address part before a dot that ends at i, or -1 when no dot of the pattern ends there. */
function dotBefore(text: string, i: number, ctx: DetectorContext): number {
  if (text.charCodeAt(i - 1) === 46) return i - 1; // "."
  // "zhang点san艾特…": a dot-word of an unspaced script, spaces around it or none.
  const glued = skipSpacesBefore(text, i);
  for (const w of ctx.cjkDots) if (glued >= w.length && text.startsWith(w, glued - w.length)) return skipSpacesBefore(text, glued - w.length);
  let p = skipSpacesBefore(text, i);
  if (p > 0 && isCloseBracket(text.charCodeAt(p - 1))) {
    // "\s*(\s*(dot-word|.)\s*)\s*"
    const q = skipSpacesBefore(text, p - 1);
    let inner: number;
    if (text.charCodeAt(q - 1) === 46) inner = q - 1;
    else if (charBeforeIs(text, q, ctx.cls, isAddressChar)) {
      inner = runStartBefore(text, q, ctx.cls, isAddressChar);
      if (!isWordAt(ctx.dotWords, text, inner, q)) return -1;
    } else return -1;
    const o = skipSpacesBefore(text, inner);
    if (o === 0 || !isOpenBracket(text.charCodeAt(o - 1))) return -1;
    return skipSpacesBefore(text, o - 1);
  }
  // "\s+dot-word\s+"
  if (p === i || !charBeforeIs(text, p, ctx.cls, isAddressChar)) return -1;
  const w = runStartBefore(text, p, ctx.cls, isAddressChar);
  if (!isWordAt(ctx.dotWords, text, w, p)) return -1;
  const before = skipSpacesBefore(text, w);
  return before === w ? -1 : before;
}

/** A domain dictated in another script ("яндекс.ру", "ג׳ימייל.קום") in ASCII when every label is a known spelling; else as written. */
function spelledDomain(domain: string, hostWords: Map<string, string>): string {
  if (hostWords.size === 0 || /^[\x00-\x7f]*$/.test(domain)) return domain;
  const labels = domain.split(".");
  const ascii = labels.map((l) => (/^[\x00-\x7f]+$/.test(l) ? l : hostWords.get(l)));
  return ascii.every((l) => l !== undefined) ? ascii.join(".") : domain;
}

/** The hosts the e-mail detector knows: webmail domains, their names alone ("gmail" → gmail.com), and spelled labels. */
export type EmailHosts = { mail: Set<string>; byName: Map<string, string>; spelled: Map<string, string> };

/** Shortest webmail name written without its ending: shorter ones are ordinary words ("web", "mail", "free", "one"). */
const MIN_WEBMAIL_NAME = 5;

/** Each webmail host by its name without the ending, the first listed winning ("gmail" → gmail.com, "gmx" too short). */
export function webmailNames(mailHosts: Set<string>): Map<string, string> {
  const byName = new Map<string, string>();
  for (const host of mailHosts) {
    const name = host.slice(0, host.indexOf("."));
    if (name.length >= MIN_WEBMAIL_NAME && !byName.has(name)) byName.set(name, host);
  }
  return byName;
}

/**
 * The e-mail patterns: full addresses, addresses on a bare webmail name, and the separators' own patterns.
 * (Both address patterns are (local part)(at-separator)(domain): the text between their two groups is the separator.)
 */
export type EmailPatterns = { full: RegExp; webmail: RegExp; dot: RegExp; bareAt: RegExp };

export function findEmails(text: string, a: Mapped, out: Found, ctx: DetectorContext, starts: number[], re: EmailPatterns, hosts: EmailHosts): void {
  eachStickyMatch(text, re.full, starts, (m) => {
    const after = text[m.index + m[0].length];
    if (after === "/") return; // user-info of a URL (fiverr.com@evil.xyz/…), found as a link
    const local = m[1]!.replace(re.dot, ".");
    const domain = spelledDomain(m[2]!.replace(re.dot, ".").toLowerCase(), hosts.spelled);
    if (!validHostMemo(ctx, domain)) return false;
    const sep = m[0].slice(m[1]!.length, m[0].length - m[2]!.length);
    // "verify your identity at fiverr-check.com" is a sentence: a bare "at" before a real domain
    // makes an address only with a spelled dot too, or on a webmail domain.
    if (re.bareAt.test(sep) && m[2] === domain && !hosts.mail.has(domain)) return false;
    addEmail(text, a, out, m, `${local.toLowerCase()}@${domain}`);
  });
  if (hosts.byName.size === 0) return;
  eachStickyMatch(text, re.webmail, starts, (m) => {
    // "mike (at) gmail", "mike@yahoo": a real @ or a bracketed at-word ("have a look at outlook" is a sentence).
    const host = hosts.byName.get(m[2]!.toLowerCase());
    const sep = m[0].slice(m[1]!.length, m[0].length - m[2]!.length);
    if (!host || re.bareAt.test(sep) || overlaps(out, ...toOriginal(a, m.index, m.index + m[0].length), UNDER_WEBMAIL_ADDRESS)) return false;
    addEmail(text, a, out, m, `${m[1]!.replace(re.dot, ".").toLowerCase()}@${host}`);
  });
}

function addEmail(text: string, a: Mapped, out: Found, m: RegExpExecArray, value: string): void {
  const [start, end] = toOriginal(a, m.index, m.index + m[0].length);
  // A link found inside the address (the domain part) is the address.
  const found = out.entities;
  for (let i = found.length - 1; i >= 0; i--) if (found[i]!.kind === "url" && found[i]!.start >= start && found[i]!.end <= end) found.splice(i, 1);
  push(out, a, m.index, m.index + m[0].length, "email", value);
}
