// One pass over a message's char codes that tells the entity detectors which of them can find
// anything (most messages have no link, address or long number) and where the link patterns can
// start. It replaces a dozen regex pre-tests, each a scan of its own over the whole text.

/** What the digits of a text allow (exactly the pre-tests the number detectors had as regexes). */
export type DigitShape = {
  /** /\d\D{0,3}\d\D{0,3}\d/: three digits close together. */
  threeClose: boolean;
  /** Two digits next to each other or one \s apart (an IBAN's check digits). */
  closePair: boolean;
  /** Where the first digit of each such pair is, in text order. */
  pairs: number[];
  /** Longest run of digits in a row. */
  longestRun: number;
  /** Most digits in a row with at most one " " or "-" between neighbours: /\d(?:[ \-]?\d){n-1}/ (a card number). */
  cardRun: number;
  /** Most digits in a row with at most three other characters between neighbours (a phone number). */
  chain: number;
  /** Each run of ASCII digits as [start, end) pairs, in text order: where the number patterns can start (see numberStarts). */
  runs: number[];
};

export type TextShape = DigitShape & {
  /** Host separators as [start, end) pairs in text order: ".", and the defanged "[.]", "(.)", "[dot]", "(dot)" (any case). */
  separators: number[];
  /** Positions of ( [ { <. */
  openBrackets: number[];
  at: boolean;
  /** " . " (a spaced dot between ASCII spaces). */
  spacedDot: boolean;
  /** "//" somewhere (every URL scheme pattern needs it). */
  slashes: boolean;
  /** "://". */
  scheme: boolean;
  /** Some run of 25 or more ASCII letters and digits (wallet addresses are that long). */
  longAlnumRun: boolean;
};

const LONG_ALNUM_RUN = 25;

/** JavaScript's \s (WhiteSpace and LineTerminator). */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Running counts behind DigitShape, fed the position of each ASCII digit in order. */
class DigitTally {
  threeClose = false;
  closePair = false;
  longestRun = 0;
  cardRun = 0;
  chain = 0;
  pairs: number[] = [];
  runs: number[] = [];
  private prev = -10; // positions of the last two digits
  private prev2 = -10;
  private run = 0;
  private card = 0;
  private linked = 0;

  digitAt(text: string, i: number): void {
    const gap = i - this.prev;
    if (gap === 1) {
      this.runs[this.runs.length - 1] = i + 1;
      this.run++;
      this.card++;
      this.linked++;
      this.closePair = true;
      this.pairs.push(this.prev);
    } else {
      const between = text.charCodeAt(i - 1);
      this.runs.push(i, i + 1);
      this.run = 1;
      this.card = gap === 2 && (between === 32 || between === 45) ? this.card + 1 : 1;
      this.linked = gap <= 4 ? this.linked + 1 : 1;
      if (gap === 2 && isSpace(between)) {
        this.closePair = true;
        this.pairs.push(this.prev);
      }
    }
    if (gap <= 4 && this.prev - this.prev2 <= 4) this.threeClose = true;
    if (this.run > this.longestRun) this.longestRun = this.run;
    if (this.card > this.cardRun) this.cardRun = this.card;
    if (this.linked > this.chain) this.chain = this.linked;
    this.prev2 = this.prev;
    this.prev = i;
  }

  shape(): DigitShape {
    return { threeClose: this.threeClose, closePair: this.closePair, pairs: this.pairs, longestRun: this.longestRun, cardRun: this.cardRun, chain: this.chain, runs: this.runs };
  }
}

export function digitShape(text: string): DigitShape {
  const t = new DigitTally();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) t.digitAt(text, i);
  }
  return t.shape();
}

/** "dot" in any case at text[i, i+3). */
function dotWordAt(text: string, i: number): boolean {
  return (text.charCodeAt(i) | 32) === 100 && (text.charCodeAt(i + 1) | 32) === 111 && (text.charCodeAt(i + 2) | 32) === 116;
}

/**
 * What textShape does with each code unit (a table over all of the BMP, so that a unit past ASCII costs
 * no test of its own). Most of a message is letters and spaces: with the run of letters and digits kept
 * by a mask (RUN_MASK), they take no branch that depends on the text, only digits and the noted characters do.
 */
const OTHER = 0; // spaces, most punctuation, every unit past ASCII: nothing to note
const LETTER = 1;
const DIGIT = 2;
const NOTED = 3; // . @ / ( [ { <
const ROLES = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 48; c <= 57; c++) t[c] = DIGIT;
  for (let c = 65; c <= 90; c++) t[c] = t[c + 32] = LETTER;
  for (const ch of ".@/([{<") t[ch.charCodeAt(0)] = NOTED;
  return t;
})();

/** By role: -1 keeps the run of ASCII letters and digits growing (LETTER, DIGIT), 0 ends it. */
const RUN_MASK = Int32Array.of(0, -1, -1, 0);

export function textShape(text: string): TextShape {
  const digits = new DigitTally();
  const separators: number[] = [];
  const openBrackets: number[] = [];
  let at = false;
  let spacedDot = false;
  let slashes = false;
  let scheme = false;
  let alnum = 0; // ASCII letters and digits in a row
  let longestAlnum = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const role = ROLES[c]!;
    alnum = (alnum + 1) & RUN_MASK[role]!;
    longestAlnum = alnum > longestAlnum ? alnum : longestAlnum;
    if (role < DIGIT) continue;
    if (role === DIGIT) {
      digits.digitAt(text, i);
      continue;
    }
    if (c === 46) {
      separators.push(i, i + 1);
      if (text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32) spacedDot = true;
    } else if (c === 64) at = true;
    else if (c === 47) {
      if (text.charCodeAt(i + 1) === 47) {
        slashes = true;
        if (text.charCodeAt(i - 1) === 58) scheme = true;
      }
    } else if (c === 40 || c === 91) {
      openBrackets.push(i);
      const closing = c === 91 ? 93 : 41;
      if (text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === closing) separators.push(i, i + 3);
      else if (dotWordAt(text, i + 1) && text.charCodeAt(i + 4) === closing) separators.push(i, i + 5);
    } else openBrackets.push(i); // { <
  }
  const d = digits;
  return { threeClose: d.threeClose, closePair: d.closePair, pairs: d.pairs, longestRun: d.longestRun, cardRun: d.cardRun, chain: d.chain, runs: d.runs, separators, openBrackets, at, spacedDot, slashes, scheme, longAlnumRun: longestAlnum >= LONG_ALNUM_RUN };
}

/**
 * The starts of the digit runs (DigitShape.runs) of min to max digits. A number pattern whose
 * look-behind excludes a digit (\p{N}) can only start at a run's first digit (or at a sign or bracket
 * just before it): its sticky form tried there finds what a scan of every position finds.
 */
export function runStarts(runs: number[], min: number, max = Infinity): number[] {
  const starts: number[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    const length = runs[k + 1]! - runs[k]!;
    if (length >= min && length <= max) starts.push(runs[k]!);
  }
  return starts;
}
