// Terms inside a joined run of spaced-out letters that the plain walk of lexicon-hits.ts cannot see. A
// phrase spelled letter by letter with single spaces loses its word breaks: "ص و ر ة ج و ا ز ا ل س ف ر" is
// joined to "صورهجوازالسفر", "s e n d m e y o u r p a s s w o r d" to "sendmeyourpassword". Inside such a run
// a term's spaces may match nothing, and a term may start or end between two of its letters when it is
// long enough, or where another term ends or starts (words side by side: "скинь|код|из смс").
import { T } from "./mapped.ts";
import { walkSkippingSpaces } from "./start-trie.ts";
import type { CompiledLexicon } from "./lexicon.ts";

/**
 * A term with an edge inside a run counts when it has this many letters ("пароль", "password", "whatsapp")…
 * or when each of its inside edges is an edge of another term found there ("скинь|код|из смс"): shorter
 * words ("wa", "pin", "pass", "whats") sit inside many spelled words, but not between two other terms.
 */
const MIN_INSIDE_RUN = 6;

/** A phrase of several words spelled out whole ("שלח לי" in "ש ל ח ל י א ת…") is evidence from this many letters, with one real word edge. */
const MIN_PHRASE = 4;

type RunMatch = { id: number; start: number; end: number; plainStart: boolean; plainEnd: boolean; phrase: boolean };

/** Adds to lex.collector the terms inside the runs that start at `runStarts` (text position * 2, + 1 where a plain term may start). */
export function addRunHits(lex: CompiledLexicon, text: string, flags: ArrayLike<number>, runStarts: number[]): void {
  const { collector } = lex;
  // Between two letters of a run (a space was dropped before text[i]).
  const inRun = (i: number) => i > 0 && (flags[i]! & T.joined_letters) !== 0 && (flags[i - 1]! & T.joined_letters) !== 0 && text.charCodeAt(i) !== 32 && text.charCodeAt(i - 1) !== 32;
  const found: RunMatch[] = [];
  const stemEnds: number[] = []; // where stems of the plain walk stop inside a run ("ватсап*|пиши"): the next word may start there
  for (const code of runStarts) {
    const start = code >> 1;
    const plainStart = (code & 1) === 1;
    walkSkippingSpaces(lex.trie, text, start, inRun, {
      found(id, end, skipped) {
        const plainEnd = collector.endsWord(id, end);
        if (plainStart && plainEnd && skipped === 0) {
          if (inRun(end)) stemEnds.push(end); // the plain walk has it
          return;
        }
        if (plainEnd || inRun(end)) found.push({ id, start, end, plainStart, plainEnd, phrase: skipped > 0 });
      },
    });
  }
  // Words side by side: a term that ends inside the run where another starts, or starts where another ends.
  const starts = new Set(found.map((m) => m.start));
  const ends = new Set([...found.map((m) => m.end), ...stemEnds]);
  for (const m of found) {
    const length = m.end - m.start;
    const tiled = (m.plainStart || ends.has(m.start)) && (m.plainEnd || starts.has(m.end));
    if (length >= MIN_INSIDE_RUN || tiled || (m.phrase && length >= MIN_PHRASE && (m.plainStart || m.plainEnd))) collector.addInRun(m.id, m.start, m.end);
  }
}
