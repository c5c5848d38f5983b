// An index over the official handles that answers "which official handle does this
// key equal or nearly equal?" without scanning them all: an exact-key map plus the
// one-deletion neighbourhood of every key (SymSpell), stored as hashes. A query looks
// up its own hash and the hashes of its one- and two-character deletions, so a check
// costs a few dozen map lookups whatever the number of official handles.
import { comparisonKey } from "./key.ts";
import { deletion2Hash, deletionHash, keyHash, MAX_HASHED_KEY, prefixHashes } from "./key-hash.ts";

const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);
import { buildWordConfig, defaultWordData, type PlatformWords, type WordConfig, type WordData } from "./words.ts";

/** Positions of official handles: one number, or several when hashes are shared. */
export type Postings = number | number[];

export type LookalikeIndex = {
  /** Official handles as registered. */
  handles: string[];
  /** Their comparison keys, same order. */
  keys: string[];
  /** Visual length of each key (rn, which stands for m too, counts as one letter): sets the edit distance allowed. */
  lengths: number[];
  /** NFC + lower case handle → position (the "official" verdict). */
  exact: Map<string, number>;
  /** Comparison key → positions. */
  byKey: Map<string, Postings>;
  /** Hash of a key → positions. */
  byKeyHash: Map<number, Postings>;
  /** Hash of a key with one character deleted → positions (keys long enough for typo matching). */
  byDeletionHash: Map<number, Postings>;
  words: WordConfig;
  /** Bit set over every hash in byKeyHash and byDeletionHash: most query hashes are absent, and a bit test is far cheaper than a map lookup. */
  filter: Uint32Array;
  /** Hash of a long key with two vowels or doubled letters dropped → positions; probed once per query, by the query's own hash. */
  byDrop2Hash: Map<number, Postings>;
  drop2Filter: Uint32Array;
  /** A small bit set over byKeyHash only (fits in a core's cache): the two-edit search probes it ~n²/2 times. */
  keyFilter: Uint32Array;
  /** Scratch for de-duplicating candidates within one query. */
  seen: { stamp: number; marks: Int32Array };
};

/** Keys shorter than this only match exactly: one edit on a short name makes another ordinary name. */
export const MIN_FUZZY_KEY = 5;
/** Keys at least this long also match at edit distance 2. */
export const MIN_DISTANCE2_KEY = 10;

const FILTER_BITS = 24;
const FILTER_WORDS = (1 << FILTER_BITS) >>> 5;
const FILTER_MASK = (1 << FILTER_BITS) - 1;

const KEY_FILTER_BITS = 21;
const KEY_FILTER_WORDS = (1 << KEY_FILTER_BITS) >>> 5;
const KEY_FILTER_MASK = (1 << KEY_FILTER_BITS) - 1;

export function keyMayExist(filter: Uint32Array, h: number): boolean {
  const bits = filterBits(h);
  return (filter[((h ^ (h >>> 13)) & KEY_FILTER_MASK) >>> 5]! & bits) === bits;
}

function markKey(filter: Uint32Array, h: number): void {
  filter[((h ^ (h >>> 13)) & KEY_FILTER_MASK) >>> 5]! |= filterBits(h);
}

// Two bits per hash in the same 32-bit word: one memory access per test, and about a
// third of the false positives of one bit at 1.5 million hashes (100 000 handles).
function filterWord(h: number): number {
  return ((h ^ (h >>> 19)) & FILTER_MASK) >>> 5;
}

function filterBits(h: number): number {
  const m = Math.imul(h, 0x9e3779b1);
  return (1 << (m >>> 27)) | (1 << ((m >>> 22) & 31));
}

export function mayContain(filter: Uint32Array, h: number): boolean {
  const bits = filterBits(h);
  return (filter[filterWord(h)]! & bits) === bits;
}

function mark(filter: Uint32Array, h: number): void {
  filter[filterWord(h)]! |= filterBits(h);
}

const ASCII = /^[\x00-\x7f]*$/;

export function exactForm(handle: string): string {
  return (ASCII.test(handle) ? handle : handle.normalize("NFC")).toLowerCase();
}

function post<K>(map: Map<K, Postings>, key: K, i: number): void {
  const cur = map.get(key);
  if (cur === undefined) map.set(key, i);
  else if (typeof cur === "number") {
    if (cur !== i) map.set(key, [cur, i]);
  } else if (cur[cur.length - 1] !== i) cur.push(i);
}

export function buildLookalikeIndex(officialHandles: Iterable<string>, platform: PlatformWords, data: WordData = defaultWordData): LookalikeIndex {
  const index: LookalikeIndex = {
    handles: [],
    keys: [],
    lengths: [],
    exact: new Map(),
    byKey: new Map(),
    byKeyHash: new Map(),
    byDeletionHash: new Map(),
    words: buildWordConfig(platform, data),
    filter: new Uint32Array(FILTER_WORDS),
    keyFilter: new Uint32Array(KEY_FILTER_WORDS),
    byDrop2Hash: new Map(),
    drop2Filter: new Uint32Array(FILTER_WORDS),
    seen: { stamp: 0, marks: new Int32Array(0) },
  };
  for (const handle of officialHandles) addOfficialHandle(index, handle);
  return index;
}

export function addOfficialHandle(index: LookalikeIndex, handle: string): void {
  const i = index.handles.length;
  const key = comparisonKey(handle).slice(0, MAX_HASHED_KEY);
  index.handles.push(handle);
  index.keys.push(key);
  index.lengths.push(visualLength(key));
  index.exact.set(exactForm(handle), i);
  if (index.seen.marks.length <= i) {
    const grown = new Int32Array(Math.max(16, index.seen.marks.length * 2));
    grown.set(index.seen.marks);
    index.seen.marks = grown;
  }
  if (key.length === 0) return;
  post(index.byKey, key, i);
  const h = keyHash(key);
  post(index.byKeyHash, h, i);
  mark(index.filter, h);
  markKey(index.keyFilter, h);
  if (key.length >= MIN_FUZZY_KEY) {
    const p = prefixHashes(key);
    for (let d = 0; d < key.length; d++) {
      if (d > 0 && key[d] === key[d - 1]) continue; // same string as deleting the previous one
      const dh = deletionHash(p, key.length, d);
      post(index.byDeletionHash, dh, i);
      mark(index.filter, dh);
    }
    if (visualLength(key) >= MIN_DISTANCE2_KEY) {
      // Two letters dropped is the common two-edit typo (editoral_vide, pro_aquisiton, Fivr-Care),
      // and the dropped letters are nearly always vowels or doubled letters: index those pairs too,
      // so the query's own hash finds the official key.
      const droppable: number[] = [];
      for (let d = 0; d < key.length; d++) if (VOWELS.has(key[d]!) || key[d] === key[d - 1] || key[d] === key[d + 1]) droppable.push(d);
      for (let x = 0; x < droppable.length; x++) {
        for (let y = x + 1; y < droppable.length; y++) {
          const dh = deletion2Hash(p, key.length, droppable[x]!, droppable[y]!);
          post(index.byDrop2Hash, dh, i);
          mark(index.drop2Filter, dh);
        }
      }
    }
  }
}

/** Letters a reader counts in a key: the skeleton writes m as rn, one glyph either way. */
export function visualLength(key: string): number {
  let n = key.length;
  for (let i = key.indexOf("rn"); i >= 0; i = key.indexOf("rn", i + 2)) n--;
  return n;
}

/** Largest edit distance at which an official handle (by the visual length of its key) still counts as imitated. */
export function allowedDistance(visualLen: number): number {
  if (visualLen < MIN_FUZZY_KEY) return 0;
  return visualLen >= MIN_DISTANCE2_KEY ? 2 : 1;
}

export function firstPosting(p: Postings): number {
  return typeof p === "number" ? p : p[0]!;
}
