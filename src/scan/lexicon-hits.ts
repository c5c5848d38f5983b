// Concept hits in the word view: the lexicon's patterns found where the word boundaries allow them.
// The trie of all patterns is walked only from the places a term may start (start-trie.ts): where
// a word starts, and for the terms of the unspaced scripts anywhere.
import { ANYWHERE, walkStartTrie, type MatchSink } from "./start-trie.ts";
import { T } from "./mapped.ts";
import type { CompiledLexicon, Hit } from "./lexicon.ts";

export const PREFIX = 1;
export const FREE_START = 2;
export const FREE_END = 4;

/** Han, kana, Thai, Lao, Khmer, Myanmar code units (the lexicon's UNSPACED scripts, by range for the hot loop). */
function isUnspaced(c: number): boolean {
  return (
    c >= 0x0e00 &&
    (c <= 0x0eff || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x1000 && c <= 0x109f) || (c >= 0x1780 && c <= 0x17ff) || (c >= 0xff66 && c <= 0xff9f) || (c >= 0x31f0 && c <= 0x31ff))
  );
}

/**
 * Arabic and Hebrew write "and", "so", "with", "to", "the"… as one letter glued to the next word
 * (فارسل = ف + ارسل, ותכתוב = ו + תכתוב): a term may start after one such letter at a word start.
 */
const PROCLITICS = new Set([..."وفبلك", ..."ובהלמשכ"].map((c) => c.charCodeAt(0)));
function afterProclitic(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  const arabicOrHebrew = (c >= 0x0590 && c <= 0x05ff) || (c >= 0x0600 && c <= 0x06ff);
  if (!arabicOrHebrew || !PROCLITICS.has(text.charCodeAt(start - 1))) return false;
  return start - 1 === 0 || text.charCodeAt(start - 2) === 32 || (PROCLITICS.has(text.charCodeAt(start - 2)) && (start - 2 === 0 || text.charCodeAt(start - 3) === 32));
}

/**
 * A term may start (or end) after the first letter of a joined run of spaced letters: "в т е л е г р а м"
 * is joined to "втелеграм", and its first letter may be a one-letter word before the name ("in", "on"),
 * which also ends a phrase ("пиши в").
 */
function afterJoinedLetter(text: string, start: number, flags: ArrayLike<number> | null | undefined): boolean {
  if (!flags || !(flags[start]! & T.joined_letters) || !(flags[start - 1]! & T.joined_letters)) return false;
  return start - 1 === 0 || text.charCodeAt(start - 2) === 32;
}

/**
 * A term that needs a word start (all but those of the unspaced scripts) may start at text[start], after
 * `before` (text[start - 1]): after a space, the text's edge, a switch to an unspaced script (LINEで)…
 */
function mayStart(text: string, start: number, before: number, flags: ArrayLike<number> | null | undefined): boolean {
  if (start === 0 || before === 32) return true;
  // Below Hebrew no letter is unspaced or a proclitic: only a joined run of letters is left to ask about (most places).
  if (before < 0x0590) return afterJoinedLetter(text, start, flags);
  return isUnspaced(before) || afterProclitic(text, start) || afterJoinedLetter(text, start, flags);
}

/**
 * Collects the matches that pass the end-of-word test, then visits them as hits by end, then
 * longest first, then pattern id (the order the rules have always seen: Aho-Corasick's).
 * Reused from one visitHits call to the next (its arrays belong to one compiled lexicon).
 */
export class HitCollector implements MatchSink {
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private ids = new Int32Array(64);
  private count = 0;
  private text = "";
  private flags: ArrayLike<number> | null | undefined = null;
  /** The lexicon's patternTable: a pattern's bits at 2·id. */
  private table: Int32Array = new Int32Array(0);

  begin(text: string, flags: ArrayLike<number> | null | undefined, table: Int32Array): void {
    this.text = text;
    this.flags = flags;
    this.table = table;
    this.count = 0;
  }

  /** A pattern found at [start, end); its start is known to be allowed. */
  match(id: number, start: number, end: number): void {
    const text = this.text;
    if (end < text.length) {
      const after = text.charCodeAt(end);
      if (after !== 32 && !isUnspaced(after) && !(this.table[2 * id]! & (PREFIX | FREE_END)) && !afterJoinedLetter(text, end, this.flags)) return;
    }
    if (this.count === this.ids.length) this.grow();
    const k = this.count++;
    this.starts[k] = start;
    this.ends[k] = end;
    this.ids[k] = id;
  }

  /** Sorts the matches (found by start) by end, then start; the order they were found in stays for ties. */
  private sortByEnd(): void {
    // Insertion sort: matches found by start are nearly in order already (only nested ones move).
    const { starts, ends, ids } = this;
    for (let k = 1; k < this.count; k++) {
      const s = starts[k]!;
      const e = ends[k]!;
      const id = ids[k]!;
      let j = k - 1;
      for (; j >= 0 && (ends[j]! > e || (ends[j] === e && starts[j]! > s)); j--) {
        starts[j + 1] = starts[j]!;
        ends[j + 1] = ends[j]!;
        ids[j + 1] = ids[j]!;
      }
      starts[j + 1] = s;
      ends[j + 1] = e;
      ids[j + 1] = id;
    }
  }

  /** Visits the hits of the matches collected since begin(), in order. */
  visitHits(lex: CompiledLexicon, visit: HitVisitor): void {
    this.sortByEnd();
    const { text } = this;
    const table = lex.patternTable;
    for (let k = 0; k < this.count; k++) {
      const id = this.ids[k]!;
      const start = this.starts[k]!;
      let e = this.ends[k]!;
      if (table[2 * id]! & PREFIX) while (e < text.length && text.charCodeAt(e) !== 32 && !isUnspaced(text.charCodeAt(e))) e++; // the hit covers the whole inflected word
      for (let o = table[2 * id + 1]!, last = table[2 * id + 3]!; o < last; o++) visit(o, start, e);
    }
  }

  private grow(): void {
    const grown = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
    this.ids = grown(this.ids);
  }
}

/**
 * Receives each concept hit: the index of its output in the lexicon's flat output tables (concept, languages,
 * term) and its span [start, end) in the word view. The scanner reads what it needs by index: no Hit object.
 */
export type HitVisitor = (output: number, start: number, end: number) => void;

/**
 * Visits every concept hit in a word-view text, with word boundaries enforced for spaced scripts, in order (by
 * end, then longest first). flags: the word view's transform bits (optional), for terms inside joined runs of letters.
 */
export function visitHits(lex: CompiledLexicon, text: string, flags: ArrayLike<number> | null | undefined, visit: HitVisitor): void {
  const { collector, trie } = lex;
  collector.begin(text, flags, lex.patternTable);
  // The text is tested first: it is in the cache, where the root table (a miss per letter outside ASCII) may not be.
  const { root, anywhereFrom } = trie;
  let before = 32;
  for (let s = 0; s < text.length; s++) {
    const c = text.charCodeAt(s);
    if (mayStart(text, s, before, flags) || (c >= anywhereFrom && root[c]! & ANYWHERE)) walkStartTrie(trie, text, s, collector);
    before = c;
  }
  collector.visitHits(lex, visit);
}

/** Every concept hit in a word-view text, as visitHits finds them. */
export function findHits(lex: CompiledLexicon, text: string, flags?: ArrayLike<number> | null): Hit[] {
  const out: Hit[] = [];
  const { concept, langs, term } = lex.outputs;
  visitHits(lex, text, flags, (o, start, end) => void out.push({ concept: concept[o]!, langs: langs[o]!, term: term[o]!, start, end }));
  return out;
}
