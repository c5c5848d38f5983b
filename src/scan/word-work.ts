// The word view's workspace (WordWork): the view's code units as they are written, with their
// offsets and flags, and the words among them, reused from one message to the next. It opens and
// ends words, writes the space between them and folds confusables when a word ends; what goes in
// is decided by the token pass (word-tokens.ts).
import { MappedBuilder } from "./mapped.ts";
import { classOf, infoOf, type CharMemo } from "./char-info.ts";
import { codePointIn, isAsciiLetterCode } from "./code-points.ts";
import { foldConfusables } from "./confusable-fold.ts";

/**
 * The word view's workspace, reused from one call to the next through the CharCache. Word
 * characters go straight into `units` in the output's form (code units, a space before every word
 * but the first, offsets in the entity view): for an identity entity view without joined letters
 * (most text) that is the result, with no other pass. Spaces and punctuation only end words. The
 * words are kept as unit ranges for the joining of spaced letters. One JS object or string per
 * character made the garbage collector the view's main cost.
 */
export class WordWork {
  readonly units = new MappedBuilder();
  // The words: their units [from, to) (the space before excluded), code point count, first code point.
  wordFrom = new Int32Array(64);
  wordTo = new Int32Array(64);
  wordCps = new Int32Array(64);
  wordFirst = new Int32Array(64);
  /** 1 when no space follows the word (it is part of a joined run of single letters). */
  joinAfter = new Uint8Array(64);
  words = 0;
  /** The result when the entity view changed the text: units mapped to the original text. */
  readonly out = new MappedBuilder();
  // The word being collected: its first unit (-1: none), whether it is all ASCII and has Latin
  // letters, its code points.
  private open = -1;
  private ascii = true;
  private latin = false;
  private cps = 0;
  /** Entity-view end of the last word (where the space before the next one starts). */
  private lastEnd = 0;
  private src = "";
  private cache: CharMemo | undefined;
  private tok = new Int32Array(64);
  private fold = new Int32Array(64);
  private marked = 0;
  private markedWords = 0;
  private markedEnd = 0;

  begin(src: string, cache: CharMemo | undefined): void {
    this.units.clear();
    this.words = 0;
    this.open = -1;
    this.src = src;
    this.cache = cache;
  }

  /** One character of the view before the final pass: word characters extend the open word, others end it. */
  add(cp: number, a0: number, a1: number, f: number): void {
    this.addClassified(cp, classOf(cp, this.cache), cp < 0x80 ? isAsciiLetterCode(cp) : infoOf(cp, this.cache).latin, a0, a1, f);
  }

  /** add() when the class of cp and whether it is a Latin letter are known. */
  addClassified(cp: number, cls: number, latin: boolean, a0: number, a1: number, f: number): void {
    if (cls !== 1) {
      this.endWord();
      return;
    }
    if (this.open < 0) this.openWord(a0);
    this.cps++;
    if (cp <= 0xffff) this.units.push(cp, a0, a1, f);
    else {
      // both halves of an astral character map to the same span
      this.units.push(0xd800 + ((cp - 0x10000) >> 10), a0, a1, f);
      this.units.push(0xdc00 + ((cp - 0x10000) & 0x3ff), a0, a1, f);
    }
    if (cp >= 0x80) this.ascii = false;
    if (latin) this.latin = true;
  }

  /** The plain ASCII letters src[i, j), in lower case (the fast path of most chat). */
  addAsciiLetters(src: string, i: number, j: number): void {
    if (this.open < 0) this.openWord(i);
    this.latin = true;
    this.cps += j - i;
    const units = this.units;
    units.reserve(j - i);
    const { codes, start, end, flags } = units;
    let k = units.length;
    for (let at = i; at < j; at++, k++) {
      const c = src.charCodeAt(at);
      codes[k] = c <= 90 ? c + 32 : c;
      start[k] = at;
      end[k] = at + 1;
      flags[k] = 0;
    }
    units.length = k;
  }

  endWord(): void {
    if (this.open < 0) return;
    // Confusables are folded in mainly-Latin words.
    if (!this.ascii && this.latin) foldConfusables(this.units, this.open, this.src, this.cache);
    if (this.words === this.wordFrom.length) this.growWords();
    const w = this.words++;
    const to = this.units.length;
    this.wordFrom[w] = this.open;
    this.wordTo[w] = to;
    this.wordCps[w] = this.cps;
    this.wordFirst[w] = codePointIn(this.units.codes, this.open, to);
    this.joinAfter[w] = 0;
    this.lastEnd = this.units.end[to - 1]!;
    this.open = -1;
  }

  /** Room for the code points of a token of `length` units and their leet folds. */
  leetBuffers(length: number): { tok: Int32Array; fold: Int32Array } {
    if (this.tok.length < length) {
      this.tok = new Int32Array(length * 2);
      this.fold = new Int32Array(length * 2);
    }
    return { tok: this.tok, fold: this.fold };
  }

  /** Remembers the state at the start of a token, for rewind(). */
  mark(): void {
    this.marked = this.units.length;
    this.markedWords = this.words;
    this.markedEnd = this.lastEnd;
  }

  /** Forgets what was added since mark() (no word is open at a token's start). */
  rewind(): void {
    this.units.length = this.marked;
    this.words = this.markedWords;
    this.lastEnd = this.markedEnd;
    this.open = -1;
  }

  private openWord(a0: number): void {
    if (this.words > 0) this.units.push(32, this.lastEnd, Math.max(this.lastEnd + 1, a0), 0);
    this.open = this.units.length;
    this.ascii = true;
    this.latin = false;
    this.cps = 0;
  }

  private growWords(): void {
    this.wordFrom = grownInt32(this.wordFrom);
    this.wordTo = grownInt32(this.wordTo);
    this.wordCps = grownInt32(this.wordCps);
    this.wordFirst = grownInt32(this.wordFirst);
    const joinAfter = new Uint8Array(this.joinAfter.length * 2);
    joinAfter.set(this.joinAfter);
    this.joinAfter = joinAfter;
  }
}

function grownInt32(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
