// Numbers written as words ("plus four four seven seven…", "četri četri septiņi") become
// digits, so the phone and IBAN detectors see them. Only runs of several number words are
// rewritten: a lone "one" or "un" in a sentence stays a word.
import type { Mapped } from "../normalize.ts";
import { T, normalizeTerm, origEnd, origStart } from "../normalize.ts";

/** Fewest number words in a run before it is read as a dictated number. */
export const MIN_SPELLED_RUN = 4;
const GAP = /^[\s,.;:\-–—/()،、，]*$/u;

/** The key a number word is looked up by: its word-view form (no case, diacritics or letter variants). */
export function numberWordKey(w: string): string {
  return /^[A-Za-z]*$/.test(w) ? w.toLowerCase() : normalizeTerm(w).trim();
}

/** The keys a number word is stored under: its word-view form, its plain lower case, and that without marks. */
export function numberWordKeys(w: string): string[] {
  const lower = w.toLowerCase();
  return [...new Set([numberWordKey(w), lower, lower.normalize("NFD").replace(/\p{M}+/gu, "")])];
}

/** Longer tokens are no number word in any language ("dziewięćdziesiąt" has 16 letters). */
const MAX_NUMBER_WORD = 20;
/** Letters with a diacritic NFD can take off (Latin, Greek, Cyrillic й/ё, Arabic hamza forms). */
const DECOMPOSABLE = /[\u00c0-\u024f\u0386-\u03ce\u0400-\u04ff\u0622-\u0626\u1e00-\u1eff]/;

/** Looks a token up cheaply: as typed (lower case), then without diacritics or marks. */
function lookup(words: Map<string, string>, t: string): string | undefined {
  if (t.length > MAX_NUMBER_WORD) return undefined;
  const lower = t.toLowerCase();
  return words.get(lower) ?? (DECOMPOSABLE.test(lower) ? words.get(lower.normalize("NFD").replace(/\p{M}+/gu, "")) : undefined);
}

/** A token that may be part of a dictated number; joined: no other word since the previous such token. */
type Tok = { s: number; e: number; value: string; word: boolean; joined: boolean };

const LETTER_OR_MARK = /[\p{L}\p{M}]/uy;
/** Whether a letter or mark starts at i (sticky test: no match object for each character of a long message). */
function letterOrMarkAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  LETTER_OR_MARK.lastIndex = i;
  return LETTER_OR_MARK.test(text);
}
const codePointLength = (text: string, i: number) => (text.codePointAt(i)! > 0xffff ? 2 : 1);

/**
 * The digit runs, "+" signs and number words of the text, in order (the tokens of /[\p{L}\p{M}]+|\d+|\+/u).
 * Other words are not kept, only noted: they break a run.
 */
function numberTokens(text: string, words: Map<string, string>): Tok[] {
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
    } else if (letterOrMarkAt(text, i)) {
      let j = i + codePointLength(text, i);
      while (j < text.length && letterOrMarkAt(text, j)) j += codePointLength(text, j);
      const v = j - i > MAX_NUMBER_WORD ? undefined : lookup(words, text.slice(i, j));
      if (v !== undefined) keep(i, j, v, true);
      else broken = true;
      i = j;
    } else i += codePointLength(text, i);
  }
  return toks;
}

/** The entity view with dictated numbers replaced by their digits; the same object when there are none. */
export function spellNumbers(a: Mapped, words: Map<string, string>): Mapped {
  if (words.size === 0) return a;
  const toks = numberTokens(a.text, words);
  const runs: { s: number; e: number; digits: string }[] = [];
  for (let i = 0; i < toks.length; ) {
    let j = i;
    let words = 0;
    while (j < toks.length && (j === i || (toks[j]!.joined && GAP.test(a.text.slice(toks[j - 1]!.e, toks[j]!.s))))) {
      if (toks[j]!.word) words++;
      j++;
    }
    if (words >= MIN_SPELLED_RUN) {
      let digits = "";
      let repeat = 1;
      for (let k = i; k < j; k++) {
        let v = toks[k]!.value;
        if (v === "x2" || v === "x3") {
          repeat = v === "x2" ? 2 : 3;
          continue;
        }
        // Tens then units are one number ("trente-quatre" 34, "soixante-dix-huit" 78, "twenty one" 21).
        while (/^[2-9]0$/.test(v) && k + 1 < j && toks[k + 1]!.word && /^(\d|1\d)$/.test(toks[k + 1]!.value) && Number(v.slice(0, 1)) * 10 + Number(toks[k + 1]!.value) < 100) {
          v = String(Number(v) + Number(toks[k + 1]!.value));
          k++;
        }
        digits += v.repeat(v === "+" ? 1 : repeat);
        repeat = 1;
      }
      runs.push({ s: toks[i]!.s, e: toks[j - 1]!.e, digits });
    }
    i = Math.max(j, i + 1);
  }
  if (runs.length === 0) return a;
  const text: string[] = []; // joined once: regexes then run on a flat string
  const start: number[] = [];
  const end: number[] = [];
  const flags: number[] = [];
  let pos = 0;
  const copy = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      text.push(a.text[k]!);
      start.push(origStart(a, k));
      end.push(origEnd(a, k));
      flags.push(a.flags ? a.flags[k]! : 0);
    }
  };
  for (const r of runs) {
    copy(pos, r.s);
    // Each digit maps to the whole dictated run: the words do not split digit by digit.
    for (const d of r.digits) {
      text.push(d);
      start.push(origStart(a, r.s));
      end.push(origEnd(a, r.e - 1));
      flags.push(T.spelled);
    }
    pos = r.e;
  }
  copy(pos, a.text.length);
  return { text: text.join(""), start, end, flags };
}
