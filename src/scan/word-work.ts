// The word view's workspace (WordWork): the view's code units as they are written, with their
// offsets and flags, and the words among them, reused from one message to the next. It opens and
// ends words, writes the space between them and folds confusables when a word ends; what goes in
// is decided by the token pass (word-tokens.ts), but for plain tokens, which its own loop takes.
import { MappedBuilder, T } from "./mapped.ts";
import { ASCII_CLASS, FOLD_CP_SHIFT, FOLD_DIACRITICS, FOLD_LATIN, FOLD_ONE, classOf, foldsOf, infoOf, type CharMemo } from "./char-info.ts";
import { codePointIn, isAsciiLetterCode } from "./code-points.ts";
import { foldConfusables } from "./confusable-fold.ts";
import { IS_LEET_CODE } from "./leet.ts";

// What addPlainTokens does with each ASCII code: leave the token to the token pass (a symbol or
// digit leet may read as a letter), take a letter or a digit into the word, end the word
// (punctuation), end the token (white space).
const LEAVE = 0;
const LETTER = 1;
const DIGIT = 2;
const PUNCTUATION = 3;
const SPACE = 4;
const PLAIN_KIND = Uint8Array.from({ length: 0x80 }, (_, c) => (IS_LEET_CODE[c] ? LEAVE : ASCII_CLASS[c] === 0 ? SPACE : ASCII_CLASS[c] === 2 ? PUNCTUATION : c >= 65 ? LETTER : DIGIT));
/** U+0085 separates tokens (isUnicodeSpace) though it is no \s, so it has no class-0 fold. */
const NEXT_LINE = 0x85;
const LAM = "ل".charCodeAt(0);
/** The fold memo of a call without a CharMemo: empty (addPlainTokens then takes ASCII only). */
const NO_FOLDS = new Int32Array(0);

/** Fewest equal letters in a row that are read as one: a letter held down ("whaaaatsapp", "الوااااتس", "pleeease"). */
const HELD_LETTER_RUN = 3;

/**
 * Writes each run of HELD_LETTER_RUN or more equal letters in the word units [from, to) as one unit spanning them all,
 * and returns the word's new end. A run at the word's start stays ("www", "sss", "cccd"), and digits are not letters.
 */
function collapseHeldLetters(units: MappedBuilder, from: number, to: number): number {
  const { codes, start, end, flags } = units;
  let k = from + 1;
  while (k < to && codes[k] === codes[from]) k++; // the run the word starts with
  let w = k;
  while (k < to) {
    const c = codes[k]!;
    let r = k + 1;
    while (r < to && codes[r] === c) r++;
    const held = r - k >= HELD_LETTER_RUN && !(c >= 48 && c <= 57) && !(c >= 0xd800 && c <= 0xdfff);
    if (held) {
      let f = 0;
      for (let q = k; q < r; q++) f |= flags[q]!;
      codes[w] = c;
      start[w] = start[k]!;
      end[w] = end[r - 1]!;
      flags[w] = f;
      w++;
    } else
      for (let q = k; q < r; q++, w++)
        if (w !== q) {
          codes[w] = codes[q]!;
          start[w] = start[q]!;
          end[w] = end[q]!;
          flags[w] = flags[q]!;
        }
    k = r;
  }
  return w;
}

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
    const held = this.units.length - this.open >= HELD_LETTER_RUN + 1 ? collapseHeldLetters(this.units, this.open, this.units.length) : this.units.length;
    if (held !== this.units.length) {
      this.cps -= this.units.length - held;
      this.units.length = held;
    }
    const to = this.units.length;
    this.wordFrom[w] = this.open;
    this.wordTo[w] = to;
    this.wordCps[w] = this.cps;
    this.wordFirst[w] = codePointIn(this.units.codes, this.open, to);
    this.joinAfter[w] = 0;
    this.lastEnd = this.units.end[to - 1]!;
    this.open = -1;
  }

  /**
   * Adds the plain tokens from src[i] on in one loop, and returns where it stops: the end, or the
   * start of a token it leaves to the token pass (word-tokens.ts), which would write the same units
   * and words for the tokens it takes. Plain: ASCII without leet symbols or digits, and characters
   * whose memoised fold is one BMP code point, in words that need no confusable folding (most chat,
   * in every script). The rest (leet, لل, astral, Unicode spaces, folds not memoised yet) is left to
   * the token pass, which memoises what it meets. i is where a token may start (after white space):
   * a word the token pass left open ends here. Per token, the calls of the token pass cost more
   * than its characters; and a call inside the loop would make the engine reload every array at
   * every step, so the loop makes none (hence its own endWord and openWord).
   */
  addPlainTokens(src: string, i: number, cache: CharMemo | undefined): number {
    this.endWord();
    const n = src.length;
    const units = this.units;
    // At most a unit per character, and a word (and its space) per two characters.
    const mostWords = (n - i + 1) >> 1;
    units.reserve(n - i + mostWords);
    while (this.wordFrom.length < this.words + mostWords) this.growWords();
    const { codes, start, end, flags } = units;
    const { wordFrom, wordTo, wordCps, wordFirst, joinAfter } = this;
    const folds = cache ? foldsOf(cache) : NO_FOLDS;
    let k = units.length;
    let w = this.words;
    let lastEnd = this.lastEnd;
    // the open word: its first unit (-1: none), whether its code points are all ASCII, and it has Latin letters
    let open = -1;
    let ascii = true;
    let latin = false;
    // the open word has a letter held down (collapseHeldLetters)
    let held = false;
    // where the current token started, and the state there: to leave the token to the token pass
    let tokenStart = i;
    let tokenUnits = k;
    let tokenWords = w;
    let tokenLastEnd = lastEnd;
    let at = i;
    for (; ; at++) {
      const ended = at >= n; // the end of the text ends the token as white space does
      const c = ended ? 32 : src.charCodeAt(at);
      let kind = LEAVE;
      let cp = c;
      let f = 0;
      if (c < 0x80) {
        kind = PLAIN_KIND[c]!;
        if (kind === LETTER) cp = c | 0x20; // lower case
      } else if ((c & 0xf800) !== 0xd800 && c < folds.length && c !== NEXT_LINE && !(c === LAM && at === tokenStart && src.charCodeAt(at + 1) === LAM)) {
        const v = folds[c]!;
        const cls = (v >> 2) & 3;
        if (!(v & FOLD_ONE) || cls === 0) kind = LEAVE;
        else if (cls === 2) kind = PUNCTUATION;
        else if (v >>> FOLD_CP_SHIFT <= 0xffff) {
          kind = LETTER;
          cp = v >>> FOLD_CP_SHIFT;
          if (v & FOLD_DIACRITICS) f = T.diacritics;
        }
      }
      if (kind === LETTER || kind === DIGIT) {
        if (open < 0) {
          if (w > 0) {
            // the space before the word, as openWord writes it
            codes[k] = 32;
            start[k] = lastEnd;
            end[k] = Math.max(lastEnd + 1, at);
            flags[k] = 0;
            k++;
          }
          open = k;
          ascii = true;
          latin = false;
        }
        if (cp >= 0x80) ascii = false;
        if (c < 0x80 ? kind === LETTER : (folds[c]! & FOLD_LATIN) !== 0) latin = true;
        if (kind === LETTER && cp === codes[k - 1] && cp === codes[k - 2] && k - 2 > open) held = true;
        codes[k] = cp;
        start[k] = at;
        end[k] = at + 1;
        flags[k] = f;
        k++;
        continue;
      }
      if (open >= 0) {
        if (!ascii && latin) kind = LEAVE; // the word needs foldConfusables
        else {
          // endWord: a code point per unit, ending at `at`
          if (held) {
            units.length = k;
            k = collapseHeldLetters(units, open, k);
            held = false;
          }
          wordFrom[w] = open;
          wordTo[w] = k;
          wordCps[w] = k - open;
          wordFirst[w] = codes[open]!;
          joinAfter[w] = 0;
          w++;
          lastEnd = at;
          open = -1;
        }
      }
      if (kind === LEAVE) {
        at = tokenStart;
        k = tokenUnits;
        w = tokenWords;
        lastEnd = tokenLastEnd;
        break;
      }
      if (kind === SPACE) {
        if (ended) break;
        tokenStart = at + 1;
        tokenUnits = k;
        tokenWords = w;
        tokenLastEnd = lastEnd;
      }
    }
    units.length = k;
    this.words = w;
    this.lastEnd = lastEnd;
    return at;
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
