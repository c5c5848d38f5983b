// The languages a message is written in, judged by its cues: which negators count ("no" is a negation in
// English and Spanish but "in the" in Portuguese). Languages are small integers here: a cue's language list
// is turned into ids once per scanner (the lists are shared by every hit of a lexicon output, so the memo
// is keyed by the list itself), and the votes are a Float64Array instead of a Map of strings.
import { CONCEPT_ID } from "./concepts.ts";
import type { Cue } from "./types.ts";

/** Share of the best language's evidence a language needs before its negators count. */
const PLAUSIBLE_SHARE = 0.34;
/** The main language(s): within a tenth of the best vote. */
const TOP_SHARE = 0.9;
/**
 * Verbs of talking ("schreiben", "konuşmak") are among a language's commonest chat words and are listed for a few
 * languages only, for one rule: they would tilt the vote toward those languages, so they get none.
 */
const UNVOTED = CONCEPT_ID.talk_verb;
const NO_IDS = new Uint16Array(0);

/** Most language lists remembered: the lexicon's own lists are far fewer; cues made up elsewhere must not grow it forever. */
const MAX_LISTS = 1 << 16;

/** Per-scanner memo: language ids, each language list's ids, and the vote workspace. Create one with newLanguageMemo(). */
export type LanguageMemo = {
  ids: Map<string, number>;
  lists: Map<readonly string[], Uint16Array>;
  votes: Float64Array;
  /** seen[id] === stamp: the language is already in the current run of same-span cues. */
  seen: Uint32Array;
  stamp: number;
  /** The current message's cues' id lists (a workspace: only the first cues.length are its). */
  cueIds: Uint16Array[];
  /** The best vote of the current message. */
  best: number;
  /** The answer about the current message (one object, reused: it reads votes and best). */
  answer: MessageLanguages;
};

export function newLanguageMemo(): LanguageMemo {
  const memo: LanguageMemo = { ids: new Map(), lists: new Map(), votes: new Float64Array(64), seen: new Uint32Array(64), stamp: 0, cueIds: [], best: 0, answer: undefined! };
  // A language without votes is never plausible (its 0 passes only when nothing voted at all).
  const passes = (ids: Uint16Array, share: number) => {
    const { votes, best } = memo;
    for (let k = 0; k < ids.length; k++) if (votes[ids[k]!]! > 0 && votes[ids[k]!]! >= best * share) return true;
    return false;
  };
  memo.answer = {
    plausible: (c) => passes(cueLanguageIds(memo, c), PLAUSIBLE_SHARE),
    main: (c) => passes(cueLanguageIds(memo, c), TOP_SHARE),
  };
  return memo;
}

/** A cue's languages, and their ids in the scanner's memo when the scanner looked them up once per lexicon output. */
export type CueLanguages = { langs: readonly string[]; langIds?: Uint16Array };

/** What the votes decided, asked per cue: is one of its languages plausible, or a main one? */
export type MessageLanguages = { plausible(c: CueLanguages): boolean; main(c: CueLanguages): boolean };

/**
 * The cue's language ids: the scanner's own (made with this memo) or looked up. (The lookup is keyed by the list
 * itself, and a Map keyed by an object costs about as much as the whole vote: the scanner looks each output up once.)
 */
function cueLanguageIds(memo: LanguageMemo, c: CueLanguages): Uint16Array {
  return c.langIds ?? languageIds(memo, c.langs);
}

/** The ids of a cue's languages, without the language-neutral "global" and "platform" (they get no vote). */
export function languageIds(memo: LanguageMemo, langs: readonly string[]): Uint16Array {
  let ids = memo.lists.get(langs);
  if (ids) return ids;
  const out: number[] = [];
  for (const l of langs) {
    if (l === "global" || l === "platform") continue;
    let id = memo.ids.get(l);
    if (id === undefined) memo.ids.set(l, (id = memo.ids.size));
    out.push(id);
  }
  ids = Uint16Array.from(out);
  if (memo.lists.size >= MAX_LISTS) memo.lists.clear();
  memo.lists.set(langs, ids);
  if (memo.votes.length < memo.ids.size) grow(memo);
  return ids;
}

function grow(memo: LanguageMemo): void {
  const size = Math.max(memo.ids.size, 2 * memo.votes.length);
  memo.votes = new Float64Array(size);
  memo.seen = new Uint32Array(size);
}

/**
 * Each cue gives its language one vote, split among all languages with the same term at the same place
 * (one term's outputs in every language arrive together: a run of cues with the same span is one vote).
 * The answer reads the memo's workspace: ask it before the next message is judged.
 */
export function messageLanguages(cues: readonly Cue[], memo: LanguageMemo = newLanguageMemo()): MessageLanguages {
  const lists = memo.cueIds;
  for (let i = 0; i < cues.length; i++) lists[i] = cues[i]!.conceptId === UNVOTED ? NO_IDS : cueLanguageIds(memo, cues[i]!);
  const { votes } = memo;
  votes.fill(0);
  for (let i = 0; i < cues.length; ) {
    let j = i + 1;
    while (j < cues.length && cues[j]!.start === cues[i]!.start && cues[j]!.end === cues[i]!.end) j++;
    // A run of cues on one span is one vote; the common case, one cue, has distinct languages already (none for an unvoted cue).
    if (j > i + 1) voteRun(memo, lists, i, j);
    else if (lists[i]!.length > 0) vote(votes, lists[i]!, 1 / lists[i]!.length);
    i = j;
  }
  let best = 0;
  for (let l = 0; l < memo.ids.size; l++) if (votes[l]! > best) best = votes[l]!;
  memo.best = best;
  return memo.answer;
}

function vote(votes: Float64Array, ids: Uint16Array, share: number): void {
  for (let k = 0; k < ids.length; k++) votes[ids[k]!]! += share;
}

/** One vote for the run lists[from..to): split among the distinct languages of its cues, in first-seen order. */
function voteRun(memo: LanguageMemo, lists: Uint16Array[], from: number, to: number): void {
  if (memo.stamp >= 0xfffffff0) ((memo.stamp = 0), memo.seen.fill(0)); // the stamps are 32-bit
  const stamp = ++memo.stamp;
  const { seen } = memo;
  let n = 0;
  for (let k = from; k < to; k++) for (const id of lists[k]!) if (seen[id] !== stamp) ((seen[id] = stamp), n++);
  if (n === 0) return;
  const share = 1 / n;
  const again = ++memo.stamp;
  for (let k = from; k < to; k++) for (const id of lists[k]!) if (seen[id] !== again) ((seen[id] = again), (memo.votes[id]! += share));
}
