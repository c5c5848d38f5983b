// An index over the official handles that answers "which official handle does this
// key equal or nearly equal?" without scanning them all: an exact-key map plus the
// one-deletion neighbourhood of every key (SymSpell). A query looks up itself and
// its own deletions (one or two), so each check costs a few dozen map lookups
// whatever the number of official handles.
import { comparisonKey } from "./key.ts";
import { deletions } from "./distance.ts";
import { buildWordConfig, defaultWordData, type PlatformWords, type WordConfig, type WordData } from "./words.ts";

export type LookalikeIndex = {
  /** Official handles as registered. */
  handles: string[];
  /** Their comparison keys, same order. */
  keys: string[];
  /** NFC + lower case handle → position (the "official" verdict). */
  exact: Map<string, number>;
  /** Comparison key → positions. */
  byKey: Map<string, number[]>;
  /** Key with one character deleted → positions (keys long enough for typo matching). */
  byDeletion: Map<string, number[]>;
  words: WordConfig;
};

/** Keys shorter than this only match exactly: one edit on a short name makes another ordinary name. */
export const MIN_FUZZY_KEY = 5;
/** Keys at least this long also match at edit distance 2. */
export const MIN_DISTANCE2_KEY = 10;

export function exactForm(handle: string): string {
  return handle.normalize("NFC").toLowerCase();
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

export function buildLookalikeIndex(officialHandles: Iterable<string>, platform: PlatformWords, data: WordData = defaultWordData): LookalikeIndex {
  const index: LookalikeIndex = { handles: [], keys: [], exact: new Map(), byKey: new Map(), byDeletion: new Map(), words: buildWordConfig(platform, data) };
  for (const handle of officialHandles) addOfficialHandle(index, handle);
  return index;
}

export function addOfficialHandle(index: LookalikeIndex, handle: string): void {
  const i = index.handles.length;
  const key = comparisonKey(handle);
  index.handles.push(handle);
  index.keys.push(key);
  index.exact.set(exactForm(handle), i);
  if (key.length === 0) return;
  push(index.byKey, key, i);
  if (key.length >= MIN_FUZZY_KEY) for (const d of deletions(key)) push(index.byDeletion, d, i);
}

/** Largest edit distance at which an official key still counts as imitated. */
export function allowedDistance(officialKey: string): number {
  if (officialKey.length < MIN_FUZZY_KEY) return 0;
  return officialKey.length >= MIN_DISTANCE2_KEY ? 2 : 1;
}
