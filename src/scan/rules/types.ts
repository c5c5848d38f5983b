// The rules: concept hits (from the lexicons) and validated entities, combined within a
// sentence or a short window, become labelled findings. Negations, rule quotes, "it stays
// on the platform" phrases and reports of someone else's scam neutralise what they touch.
// Every rule id is stable (it appears in findings and in README.md).
import type { Entity } from "../detectors/entities.ts";
import type { LinkVerdict } from "../detectors/links.ts";
import type { ChannelWords } from "../lexicon.ts";
import type { ScanContext, ScanLabel } from "../types.ts";
import type { RuleKit } from "./kit.ts";
import { newLanguageMemo, type LanguageMemo } from "./languages.ts";

/** A concept hit with its span in the original text. */
/** langs: every lexicon that lists the term ("global" and "platform" for language-neutral ones). */
/** conceptId: the concept's CONCEPT_ID (-1: none a rule asks for), set by the scanner so the rules need not look it up. */
/** langIds: languageIds(memo.languages, langs) of the RuleMemo the cue goes to, set by the scanner once per lexicon output. */
export type Cue = { concept: string; langs: string[]; term: string; start: number; end: number; flags: number; conceptId?: number; langIds?: Uint16Array };

export type RuleFinding = {
  label: ScanLabel;
  rule: string;
  score: number;
  /** Spans in the original text that make up the evidence (the finding covers them all). */
  spans: { start: number; end: number; flags: number }[];
  normalized: string;
};

export type RuleInput = {
  text: string;
  cues: Cue[];
  entities: Entity[];
  links: Map<Entity, LinkVerdict>;
  context: ScanContext;
  /** The sender's handle carries the platform's name (FiverrSupport) though the sender is not official. */
  brandedHandle?: boolean;
  /** The lexicons' channel words ("on", "auf", "'tan"); without them no messenger reads as a channel by its words alone. */
  channel?: ChannelWords;
  /** The scanner's memos (newRuleMemo()); without them the rules make their own. */
  memo?: RuleMemo;
};

/** Per-scanner memos and workspaces of the rules: the languages' ids and votes, and the kit the rules share (made on first use). */
export type RuleMemo = { languages: LanguageMemo; kit?: RuleKit };

export function newRuleMemo(): RuleMemo {
  return { languages: newLanguageMemo() };
}

