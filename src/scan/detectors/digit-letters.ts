// Letters typed for digits inside a number ("+44 77OO 9OO 123", "O7911 123456", "4l5 555 0143"): the capital or
// small O for 0, and l or I for 1 beside a digit. Only inside a run of digits and such letters that no other
// letter touches ("FO4412", "Office 365", "h2o" stay as they are), with a real digit in it. The view keeps
// its length, so every offset map stays as it is: the number detectors read it in place of the text.
import { T, type Mapped } from "../normalize.ts";
import { digitShape } from "./shape.ts";

const isDigit = (c: number) => c >= 48 && c <= 57;
const isO = (c: number) => c === 79 || c === 111;
const isOne = (c: number) => c === 108 || c === 73; // l, I
/** A letter of any script (a run touching one is part of a word or a code). */
const LETTER = /\p{L}/u;
/** Whether text[k] is a letter: ASCII by its code (the only ASCII letters are A-Z, a-z), anything else by \p{L}. */
const isLetterAt = (text: string, k: number) => {
  const c = text.charCodeAt(k);
  return c < 0x80 ? (c | 32) >= 97 && (c | 32) <= 122 : LETTER.test(text[k]!);
};
/** Whether text[k] belongs to a run: a digit, an O, or l/I beside a digit. */
const inRun = (text: string, k: number) => {
  const d = text.charCodeAt(k);
  return isDigit(d) || isO(d) || (isOne(d) && (isDigit(text.charCodeAt(k - 1)) || isDigit(text.charCodeAt(k + 1))));
};

/**
 * The view with those letters read as digits (flagged T.leet), or the view itself when it has none.
 * digitRuns: the runs of ASCII digits of v.text as [start, end) pairs (TextShape.runs), when the caller has them:
 * the walk then starts only at them, not at every unit of the text.
 */
export function withDigitLetters(v: Mapped, digitRuns?: number[]): Mapped {
  const text = v.text;
  const runs = digitRuns ?? digitShape(text).runs;
  let fixes: number[] | undefined; // positions of the letters read as digits
  // A run is a longest stretch of digits, O, and l/I beside a digit; only runs with a digit matter, so the walk
  // goes from digit run to digit run and widens each both ways (no work at the O of every ordinary word).
  let next = 0; // digit runs before this were inside a run already widened
  for (let r = 0; r < runs.length; r += 2) {
    const i = runs[r]!;
    if (i < next) continue;
    let a = i;
    while (a > 0 && inRun(text, a - 1)) a--;
    let j = runs[r + 1]!;
    while (j < text.length && inRun(text, j)) j++;
    const free = (a === 0 || !isLetterAt(text, a - 1)) && (j === text.length || !isLetterAt(text, j));
    if (free && j - a >= 2) {
      for (let k = a; k < j; k++) if (!isDigit(text.charCodeAt(k))) (fixes ??= []).push(k);
    }
    next = j + 1;
  }
  if (!fixes) return v;
  // The same text with those units replaced (pieces between them kept as slices), and the flags copied once.
  let out = "";
  let prev = 0;
  const flags = v.flags ? Int32Array.from(v.flags) : new Int32Array(text.length);
  for (const k of fixes) {
    out += text.slice(prev, k) + (isO(text.charCodeAt(k)) ? "0" : "1");
    prev = k + 1;
    flags[k] = flags[k]! | T.leet;
  }
  out += text.slice(prev);
  return { text: out, start: v.start ?? identity(text.length, 0), end: v.end ?? identity(text.length, 1), flags };
}

function identity(n: number, plus: number): Int32Array {
  const a = new Int32Array(n);
  for (let k = 0; k < n; k++) a[k] = k + plus;
  return a;
}

