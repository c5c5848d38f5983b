// The word view (built from the entity view): lower case, Latin diacritics and Arabic/Hebrew vowel
// marks dropped, confusable letters folded to Latin in words that are mainly Latin, leetspeak undone,
// runs of single spaced or dotted letters joined, and every run of spaces and punctuation turned into
// one space. Lexicon terms pass through the same two steps, so both sides are compared in one form.
// The pieces: char-info.ts (per code point facts and folds, memoised), word-tokens.ts (tokens to
// words), leet.ts, confusable-fold.ts, joined-letters.ts, and word-work.ts (the workspace).
import type { Mapped } from "./mapped.ts";
import { entityView, newEntityCache, type EntityCache } from "./entity-view.ts";
import type { CharInfo, CharMemo } from "./char-info.ts";
import { WordWork } from "./word-work.ts";
import { collectWords } from "./word-tokens.ts";
import { joinSpacedLetters, markSeams, removeJoinedSpaces } from "./joined-letters.ts";

export { WordWork };

/**
 * Per-scanner memo of CharInfo (Unicode regex tests are the word view's main cost): BMP characters
 * by code in an array, others in a bounded map; and the workspace the view is built in. Create one
 * with newCharCache().
 */
export type CharCache = CharMemo & { work: WordWork };

export function newCharCache(): CharCache {
  return { bmp: new Array<CharInfo | undefined>(0x10000), other: new Map(), work: new WordWork() };
}

/** The word view of an entity view; offsets map straight to the original text. */
export function wordView(a: Mapped, cache?: CharCache): Mapped {
  const src = a.text;
  const work = cache?.work ?? new WordWork();
  work.begin(src, cache);
  collectWords(work, src, cache);
  const joined = joinSpacedLetters(work, src, cache);
  markSeams(work, src, cache);
  if (joined) removeJoinedSpaces(work);
  return a.start === null ? work.units.build() : mapToOriginal(work, a);
}

/**
 * 4. The view when the entity view changed the text: every unit mapped through it to the original text.
 * In place (each unit reads only its own offsets before it writes them): a second workspace cost a copy of
 * every code and a second set of arrays in the cache, on the texts that are longest (any change in a 2 KB
 * message maps all of it). Most units come from one entity-view unit, whose flags are read without a loop.
 */
function mapToOriginal(work: WordWork, a: Mapped): Mapped {
  const units = work.units;
  const { start, end, flags, length } = units;
  // The entity view gives its three maps together (origStart, origEnd and flagsOf, read in place).
  const aStart = a.start!;
  const aEnd = a.end!;
  const aFlags = a.flags!;
  const aLength = aFlags.length;
  for (let k = 0; k < length; k++) {
    const s = start[k]!;
    const e = end[k]!;
    let f = flags[k]!;
    if (e === s + 1 && s < aLength) f |= aFlags[s]!;
    else for (let i = s; i < e && i < aLength; i++) f |= aFlags[i]!;
    start[k] = aStart[s]!;
    end[k] = aEnd[e - 1]!;
    flags[k] = f;
  }
  return units.build();
}

/** A lexicon term in the form the word view gives message text. */
export function normalizeTerm(term: string, memo?: TermMemo): string {
  return wordView(entityView(term, memo?.entity), memo?.chars).text;
}

/** Character memos for normalising many terms in a row (a lexicon build: without them, Unicode tests per character were a quarter of it). */
export type TermMemo = { chars: CharCache; entity: EntityCache };

export function newTermMemo(): TermMemo {
  return { chars: newCharCache(), entity: newEntityCache() };
}
