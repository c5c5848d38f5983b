// Lookalike and brand-impersonation detection for handles (pure: no I/O).
export { checkHandle, displayedForm, MAX_HANDLE_LENGTH } from "./check.ts";
export { buildLookalikeIndex, addOfficialHandle, allowedDistance, type LookalikeIndex } from "./handle-index.ts";
export { comparisonKey, visibleForm, foldLookalikes } from "./key.ts";
export { damerauLevenshtein, withinOneEdit } from "./distance.ts";
export { buildWordConfig, defaultWordData, type WordData, type PlatformWords, type WordConfig } from "./words.ts";
export { suspectChars } from "./explain.ts";
export type { Verdict, HandleCheck, Reason, SuspectChar } from "./types.ts";
