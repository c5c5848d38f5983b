// Concept hits in the word view: the lexicon's patterns found where the word boundaries allow them.
// The trie of all patterns is walked only from the places a term may start (start-trie.ts): where
// a word starts, and for the terms of the unspaced scripts anywhere.
import { ANYWHERE, walkStartTrie, type MatchSink } from "./start-trie.ts";
import { addRunHits } from "./joined-run-hits.ts";
import { SEAM, T } from "./mapped.ts";
import { arabicArticleLength, isProcliticCode, isUnspacedCode as isUnspaced } from "./code-points.ts";
import type { CompiledLexicon, Hit } from "./lexicon.ts";

export const PREFIX = 1;
export const FREE_START = 2;
export const FREE_END = 4;
const JOINED = T.joined_letters;

/**
 * Arabic and Hebrew write "and", "so", "with", "to", "the"… as one letter glued to the next word
 * (فارسل = ف + ارسل, ותכתוב = ו + תכתוב): a term may start after one such letter at a word start,
 * also a Latin name typed straight after it ("בwhatsapp", "بpaypal").
 */
function afterProclitic(text: string, start: number): boolean {
  if (afterArticle(text, start)) return true;
  const p = text.charCodeAt(start - 1);
  if (p < 0x0590 || p > 0x06ff || !isProcliticCode(p)) return false;
  const c = text.charCodeAt(start);
  if (!((c >= 0x0590 && c <= 0x06ff) || (c >= 97 && c <= 122))) return false;
  return start - 1 === 0 || text.charCodeAt(start - 2) === 32 || (isProcliticCode(text.charCodeAt(start - 2)) && (start - 2 === 0 || text.charCodeAt(start - 3) === 32));
}

/** A Latin word right after the Arabic article at a word start ("الcode", "بالpaypal", "عالwhatsapp"). */
function afterArticle(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 97 || c > 122 || text.charCodeAt(start - 1) !== 0x644) return false;
  for (let n = 2; n <= 3; n++) {
    const at = start - n;
    if (at < 0 || (at > 0 && text.charCodeAt(at - 1) !== 32)) continue;
    const codes = [text.charCodeAt(at), text.charCodeAt(at + 1), text.charCodeAt(at + 2)];
    if (arabicArticleLength(codes, 0, n) === n) return true;
  }
  return false;
}

/**
 * A term may start (or end) after the first letter of a joined run of spaced letters: "в т е л е г р а м"
 * is joined to "втелеграм", and its first letter may be a one-letter word before the name ("in", "on"),
 * which also ends a phrase ("пиши в").
 */
function afterJoinedLetter(text: string, start: number, flags: ArrayLike<number> | null | undefined): boolean {
  if (!flags || !(flags[start]! & T.joined_letters) || !(flags[start - 1]! & T.joined_letters)) return false;
  // (A Latin letter that is no word of its own stays the word's first: "g u i" is "gửi", not "g" + "ui".)
  const head = text.charCodeAt(start - 1);
  if (head >= 0x61 && head <= 0x7a && IS_ONE_LETTER_WORD[head - 0x61] !== 1) return false;
  return start - 1 === 0 || text.charCodeAt(start - 2) === 32;
}

/** Latin letters that are words of their own somewhere (a, i, o, y, w, z, v, k, s, e, u: "in", "and", "to", "with"…). */
const IS_ONE_LETTER_WORD = new Uint8Array(26);
for (const c of "aeiouywzvks") IS_ONE_LETTER_WORD[c.charCodeAt(0) - 0x61] = 1;

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

/** Longest inflected ending a stem's hit takes inside a joined run of spelled letters ("ватсап|ом"). */
const MAX_RUN_ENDING = 3;

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
    if (this.endsWord(id, end)) this.add(id, start, end);
  }

  /** A pattern may end at text[end]: at a space, the text's end, an unspaced script, after a joined run's first letter, or a stem. */
  endsWord(id: number, end: number): boolean {
    const text = this.text;
    if (end >= text.length) return true;
    const after = text.charCodeAt(end);
    return after === 32 || isUnspaced(after) || (this.table[2 * id]! & (PREFIX | FREE_END)) !== 0 || afterJoinedLetter(text, end, this.flags);
  }

  /**
   * Keeps a match found inside a joined run of letters (walkJoinedRun): dropped later if a longer match of its
   * concept holds it. Its id is stored as ~id, so the sort moves the mark with the rest.
   */
  addInRun(id: number, start: number, end: number): void {
    this.add(~id, start, end);
  }

  /** Each match collected since begin(), in the order found: its pattern id (~id inside a joined run), start and end. */
  eachMatch(fn: (id: number, start: number, end: number) => void): void {
    for (let k = 0; k < this.count; k++) fn(this.ids[k]!, this.starts[k]!, this.ends[k]!);
  }

  /** Keeps a match whose boundaries were tested by the caller. */
  add(id: number, start: number, end: number): void {
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
    let longest = -1; // the longest match, measured only when a joined run has matches
    for (let k = 0; k < this.count; k++) {
      const id = this.ids[k]!;
      if (id >= 0) {
        this.visitMatch(lex, k, id, visit);
        continue;
      }
      if (longest < 0) for (let j = 0; j < this.count; j++) longest = Math.max(longest, this.ends[j]! - this.starts[j]!);
      if (!this.heldByLonger(lex, k, ~id, longest)) this.visitMatch(lex, k, ~id, visit);
    }
  }

  /**
   * A match inside a joined run that a longer one-word match of the same concept covers ("pass" in "password",
   * "whats" in "whatsapp"). Matches are sorted by end, then start: the covering ones end at k's end (before k) or
   * later, within the longest match's length (after k).
   */
  private heldByLonger(lex: CompiledLexicon, k: number, id: number, longest: number): boolean {
    const { starts, ends } = this;
    const s = starts[k]!;
    const e = ends[k]!;
    for (let j = k - 1; j >= 0 && ends[j] === e; j--) if (starts[j]! < s && this.sharesConcept(lex, j, id)) return true;
    for (let j = k + 1; j < this.count && ends[j]! - s <= longest; j++) if (starts[j]! <= s && this.sharesConcept(lex, j, id)) return true;
    return false;
  }

  /** Match j is one word with a concept of pattern id (a phrase holds words of its own: "תשלם" in "תשלם בביט"). */
  private sharesConcept(lex: CompiledLexicon, j: number, id: number): boolean {
    const table = lex.patternTable;
    const { concept, term } = lex.outputs;
    const other = this.ids[j]! < 0 ? ~this.ids[j]! : this.ids[j]!;
    const otherFrom = table[2 * other + 1]!;
    const otherTo = table[2 * other + 3]!;
    if (term[otherFrom]!.includes(" ")) return false;
    for (let o = table[2 * id + 1]!, last = table[2 * id + 3]!; o < last; o++) for (let p = otherFrom; p < otherTo; p++) if (concept[o] === concept[p]) return true;
    return false;
  }

  /** Visits each output of the pattern matched as match k. */
  private visitMatch(lex: CompiledLexicon, k: number, id: number, visit: HitVisitor): void {
    const table = lex.patternTable;
    const start = this.starts[k]!;
    let e = this.ends[k]!;
    if (table[2 * id]! & PREFIX) e = this.wordEnd(e); // the hit covers the whole inflected word
    for (let o = table[2 * id + 1]!, last = table[2 * id + 3]!; o < last; o++) visit(o, start, e);
  }

  /**
   * Where the word of a stem that matched up to `end` ends: at the next space or unspaced script; inside a
   * joined run of spelled letters, whose words are not marked, after an ending of MAX_RUN_ENDING letters at most
   * ("ватсап*" in "ватсаппиши" must leave "пиши" to the next word).
   */
  private wordEnd(end: number): number {
    const { text, flags } = this;
    let e = end;
    const inRun = flags != null && e < text.length && (flags[e]! & T.joined_letters) !== 0 && (flags[e - 1]! & T.joined_letters) !== 0;
    const last = inRun ? Math.min(text.length, end + MAX_RUN_ENDING) : text.length;
    while (e < last && text.charCodeAt(e) !== 32 && !isUnspaced(text.charCodeAt(e))) e++;
    return e;
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
  let runStarts: number[] | undefined; // letters of joined runs: position * 2 + 1 when a plain term may start there
  // The first and last SEAM spaces, noted in this pass (the one read of each unit's flags) rather than in a second one.
  let firstSeam = -1;
  let lastSeam = -1;
  for (let s = 0; s < text.length; s++) {
    const c = text.charCodeAt(s);
    const f = flags ? flags[s]! : 0;
    // The letter's joined-run bit: inside a word below Hebrew it is all mayStart would ask about.
    const joined = f & JOINED;
    const wordStart = s === 0 || before === 32 || ((before >= 0x0590 || joined !== 0) && mayStart(text, s, before, flags));
    const plainStart = wordStart || (c >= anywhereFrom && (root[c]! & ANYWHERE) !== 0);
    if (plainStart) walkStartTrie(trie, text, s, collector);
    if (c === 32) {
      if (f & SEAM) {
        if (firstSeam < 0) firstSeam = s;
        lastSeam = s;
      }
    } else if (joined !== 0) (runStarts ??= []).push(s * 2 + (plainStart ? 1 : 0));
    before = c;
  }
  if (runStarts) addRunHits(lex, text, flags!, runStarts);
  if (firstSeam >= 0) addSeamHits(lex, text, flags!, firstSeam, lastSeam);
  collector.visitHits(lex, visit);
}

/**
 * Adds to lex.collector the terms that run across a SEAM space (an emoji or symbol typed inside a word: "pay💰pal",
 * "w🙂hatsapp", "па🔑роль"): the text is walked again without those spaces, and the matches that cross one kept,
 * at their places in the text. Those beside it ("pay" in "pay💰me") the plain walk has found already.
 */
function addSeamHits(lex: CompiledLexicon, text: string, flags: ArrayLike<number>, first: number, last: number): void {
  // Only terms that cross a seam matter: the walk covers the stretch from a term's length before the first seam to
  // a term's length after the last one, not the whole text (a 2 KB message with one "pay💰pal" line).
  const from = Math.max(0, first - SEAM_REACH);
  const to = Math.min(text.length, last + SEAM_REACH);
  let joined = "";
  const at: number[] = []; // position in the text of each unit of `joined`, and of its end
  const seamBefore = new Set<number>(); // positions in `joined` a seam space was dropped before
  for (let k = from; k < to; k++) {
    if (flags[k]! & SEAM && text.charCodeAt(k) === 32) {
      seamBefore.add(joined.length);
      continue;
    }
    joined += text[k];
    at.push(k);
  }
  at.push(to);
  const joinedFlags = at.slice(0, -1).map((k) => flags[k]!);
  const sink = lex.seamCollector;
  sink.begin(joined, joinedFlags, lex.patternTable);
  let before = from === 0 ? 32 : text.charCodeAt(from - 1);
  for (let s = 0; s < joined.length; s++) {
    const c = joined.charCodeAt(s);
    if ((s === 0 ? mayStart(text, from, before, flags) : mayStart(joined, s, before, joinedFlags)) || (c >= lex.trie.anywhereFrom && (lex.trie.root[c]! & ANYWHERE) !== 0)) walkStartTrie(lex.trie, joined, s, sink);
    before = c;
  }
  sink.eachMatch((id, start, end) => {
    for (let q = start + 1; q < end; q++) {
      if (!seamBefore.has(q)) continue;
      lex.collector.add(id, at[start]!, at[end - 1]! + 1);
      return;
    }
  });
}

/** Longest stretch (code units) a term crossing a seam may reach on either side of it. */
const SEAM_REACH = 80;

/** Every concept hit in a word-view text, as visitHits finds them. */
export function findHits(lex: CompiledLexicon, text: string, flags?: ArrayLike<number> | null): Hit[] {
  const out: Hit[] = [];
  const { concept, langs, term } = lex.outputs;
  visitHits(lex, text, flags, (o, start, end) => void out.push({ concept: concept[o]!, langs: langs[o]!, term: term[o]!, start, end }));
  return out;
}
