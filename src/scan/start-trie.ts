// A trie of the lexicon patterns, walked only from the places of the text where a pattern may start.
// Aho-Corasick found every pattern at every character, but most of its matches started inside a
// word and were thrown away; without failure and output links the states pack into a few hundred
// KB of 16-bit units. The scan is bound by cache misses (the rest of a scan evicts the table
// between messages), so the table's size and layout are what cost.

/** Receives every pattern found: its id and span. */
export interface MatchSink {
  match(id: number, start: number, end: number): void;
}

/**
 * The records, one per trie state, in one Uint16Array, named by their offset (0: none). A record is
 * one of:
 * - a run: [RUN | k << 3, k code units]: a chain of k single edges through states that end no
 *   pattern; the record of the state the chain reaches follows;
 * - a state: [n << 3 | FAR | END, (n when n ≥ WIDE), (count, then the ids (low, high 16 bits) of the
 *   patterns it ends) when END, n code units sorted, then the offsets (low, high) of its children],
 *   the first child's offset left out unless FAR: its record follows at once. The ids are in the
 *   record rather than in a table of their own: a match costs no cache miss beyond the record's.
 * The states of the first HOT_DEPTH levels come first, breadth first (every walk starts there: a
 * few tens of KB that stay in the cache), each subtree below depth first (a walk down a term reads
 * consecutive memory). Edges are labelled with the text's own code units: no alphabet look-up.
 */
export type StartTrie = {
  /** code unit → record of the state after it << 2 | PAIRED | ANYWHERE (0: no pattern starts with it). */
  root: Int32Array;
  /**
   * Two ASCII code units (first << 7 | second) → record of the state after both (0: none), for the first code
   * units marked PAIRED: the first step of nearly every walk, in a few lines of the cache instead of a binary
   * search through the widest records of the trie (an ASCII letter is followed by up to ~60 others).
   */
  pairs: Int32Array;
  nodes: Uint16Array;
  /** Number of states, the root included. */
  states: number;
  /** The lowest code unit marked ANYWHERE (0x10000: none): below it, the root need not be read. */
  anywhereFrom: number;
};

/** Root bit: the patterns that start with this code unit may start anywhere (see buildStartTrie). */
export const ANYWHERE = 1;
/** Root bit: an ASCII code unit that is no pattern by itself: the pair table gives the state after it and an ASCII second unit. */
const PAIRED = 2;

const END = 1;
const RUN = 2;
const FAR = 4;
/** A count this large is in the unit after the header (it shares the header with three flag bits). */
const WIDE = 0x1fff;
/** Levels laid out breadth first (the pair table reaches the second one: every state there must have a known offset). */
const HOT_DEPTH = 2;
/** Code units below this are paired (see StartTrie.pairs). */
const ASCII = 128;

type Node = { codes: number[]; kids: Node[]; ids: number[]; depth: number };

/**
 * The trie of patterns[ids[k]] for every k (patterns not listed are left out; ids keep their numbers).
 * anywhere(c): the patterns that start with code unit c may start anywhere in a text.
 */
export function buildStartTrie(patterns: string[], ids: number[], anywhere: (c: number) => boolean = () => false): StartTrie {
  const top: Node = { codes: [], kids: [], ids: [], depth: 0 };
  let states = 1;
  for (const id of ids) {
    const p = patterns[id]!;
    let s = top;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let k = s.codes.indexOf(c);
      if (k < 0) {
        k = s.codes.push(c) - 1;
        s.kids.push({ codes: [], kids: [], ids: [], depth: s.depth + 1 });
        states++;
      }
      s = s.kids[k]!;
    }
    s.ids.push(id);
  }
  const out: number[] = [0];
  const at = new Map<Node, number>();
  const patches: [number, Node][] = [];
  // The hot levels, breadth first; then every subtree below them, depth first.
  const cold: Node[] = [];
  for (let level = top.kids, d = 1; level.length > 0; d++) {
    const next: Node[] = [];
    for (const node of level) {
      at.set(node, out.length);
      writeRecord(node, out, true).forEach((slot, k) => patches.push([slot, node.kids[k]!]));
      for (const kid of node.kids) (d < HOT_DEPTH ? next : cold).push(kid);
    }
    level = next;
  }
  for (const node of cold) writeSubtree(node, out, at);
  for (const [slot, node] of patches) setOffset(out, slot, at.get(node)!);
  const root = new Int32Array(0x10000);
  const pairs = new Int32Array(ASCII * ASCII);
  let anywhereFrom = 0x10000;
  top.codes.forEach((c, k) => {
    const first = top.kids[k]!;
    const paired = c < ASCII && first.ids.length === 0;
    root[c] = (at.get(first)! << 2) | (paired ? PAIRED : 0) | (anywhere(c) ? ANYWHERE : 0);
    if (anywhere(c)) anywhereFrom = Math.min(anywhereFrom, c);
    if (paired) first.codes.forEach((second, j) => second < ASCII && (pairs[(c << 7) | second] = at.get(first.kids[j]!)!));
  });
  return { root, pairs, nodes: Uint16Array.from(out), states, anywhereFrom };
}

function setOffset(out: number[], slot: number, offset: number): void {
  out[slot] = offset & 0xffff;
  out[slot + 1] = offset >>> 16;
}

/**
 * Writes the record of one state (its children sorted by code, node.kids too) and returns the slots
 * of its children's offsets, by child: -1 for the first child unless far (it must follow at once).
 */
function writeRecord(node: Node, out: number[], far: boolean): number[] {
  const order = node.codes.map((c, k) => [c, k] as const).sort((x, y) => x[0] - y[0]);
  node.codes = order.map(([c]) => c);
  node.kids = order.map(([, k]) => node.kids[k]!);
  const n = node.codes.length;
  out.push((Math.min(n, WIDE) << 3) | (far ? FAR : 0) | (node.ids.length > 0 ? END : 0));
  if (n >= WIDE) out.push(n);
  if (node.ids.length > 0) {
    if (node.ids.length > 0xffff) throw new Error("a trie state ends more than 65535 patterns");
    out.push(node.ids.length);
    for (const id of node.ids) out.push(id & 0xffff, id >>> 16);
  }
  for (const c of node.codes) out.push(c);
  return node.codes.map((_, k) => (far || k > 0 ? out.push(0, 0) - 2 : -1));
}

/** Writes the records of s and everything below it, depth first (an explicit stack: terms may be long). */
function writeSubtree(s: Node, out: number[], at: Map<Node, number>): void {
  // pending: the nodes still to write, each with the slot that must receive its offset (-1: none, it follows at once)
  const pending: [Node, number][] = [[s, -1]];
  at.set(s, out.length);
  while (pending.length > 0) {
    const [first, slot] = pending.pop()!;
    if (slot >= 0) setOffset(out, slot, out.length);
    const node = writeRuns(first, out);
    const slots = writeRecord(node, out, false);
    for (let k = slots.length - 1; k >= 0; k--) pending.push([node.kids[k]!, slots[k]!]);
  }
}

/** Writes the chains of single edges from node on as runs; returns the node the chains end at. */
function writeRuns(node: Node, out: number[]): Node {
  while (node.codes.length === 1 && node.ids.length === 0) {
    const header = out.push(0) - 1;
    let k = 0;
    while (k < WIDE && node.codes.length === 1 && node.ids.length === 0) {
      out.push(node.codes[0]!);
      node = node.kids[0]!;
      k++;
    }
    out[header] = RUN | (k << 3);
  }
  return node;
}

/** Reports to sink every pattern of the trie that starts at text[start]. */
export function walkStartTrie(trie: StartTrie, text: string, start: number, sink: MatchSink): void {
  const { nodes } = trie;
  const length = text.length;
  const first = text.charCodeAt(start);
  const r = trie.root[first]!;
  let o = r >> 2;
  let i = start + 1;
  if (r & PAIRED && i < length) {
    const second = text.charCodeAt(i);
    if (second < ASCII) {
      o = trie.pairs[(first << 7) | second]!;
      i++;
    }
  }
  while (o !== 0) {
    const h = nodes[o]!;
    if (h & RUN) {
      const stop = o + 1 + (h >> 3);
      for (let p = o + 1; p < stop; p++, i++) if (i >= length || nodes[p] !== text.charCodeAt(i)) return;
      o = stop;
      continue;
    }
    let at = o + 1;
    let n = h >> 3;
    if (n === WIDE) n = nodes[at++]!;
    if (h & END) {
      const last = at + 2 * nodes[at]!;
      for (let k = at + 1; k < last; k += 2) sink.match(nodes[k]! | (nodes[k + 1]! << 16), start, i);
      at = last + 1;
    }
    if (n === 0 || i >= length) return;
    const k = edgeIndex(nodes, at, n, text.charCodeAt(i++));
    if (k < 0) return;
    o = childOffset(nodes, h, at, n, k);
  }
}

/** Receives the patterns found by walkSkippingSpaces: id, end, and how many of the pattern's spaces the text left out. */
export interface SkippingSink {
  found(id: number, end: number, skipped: number): void;
}

/**
 * walkStartTrie for text whose spaces may be gone: a space of a pattern may also match nothing where
 * canSkip(i) says the text had a space dropped before text[i] (letters spelled out one by one, joined:
 * "ص و ر ة ج و ا ز" reads "صورهجواز", the term "صورة جواز"). Rare text: a plain recursive walk.
 */
export function walkSkippingSpaces(trie: StartTrie, text: string, start: number, canSkip: (i: number) => boolean, sink: SkippingSink): void {
  const o = trie.root[text.charCodeAt(start)]! >> 2;
  if (o !== 0) walkFrom(trie, text, o, start + 1, 0, canSkip, sink);
}

function walkFrom(trie: StartTrie, text: string, o: number, i: number, skipped: number, canSkip: (i: number) => boolean, sink: SkippingSink): void {
  const { nodes } = trie;
  const length = text.length;
  while (o !== 0) {
    const h = nodes[o]!;
    if (h & RUN) {
      const stop = o + 1 + (h >> 3);
      for (let p = o + 1; p < stop; p++) {
        const c = nodes[p]!;
        if (i < length && c === text.charCodeAt(i)) i++;
        else if (c === SPACE && i < length && canSkip(i)) skipped++;
        else return;
      }
      o = stop;
      continue;
    }
    let at = o + 1;
    let n = h >> 3;
    if (n === WIDE) n = nodes[at++]!;
    if (h & END) {
      const last = at + 2 * nodes[at]!;
      for (let k = at + 1; k < last; k += 2) sink.found(nodes[k]! | (nodes[k + 1]! << 16), i, skipped);
      at = last + 1;
    }
    if (n === 0 || i >= length) return;
    const c = text.charCodeAt(i);
    if (c !== SPACE && canSkip(i)) {
      const space = edgeIndex(nodes, at, n, SPACE);
      if (space >= 0) walkFrom(trie, text, childOffset(nodes, h, at, n, space), i, skipped + 1, canSkip, sink);
    }
    const k = edgeIndex(nodes, at, n, c);
    if (k < 0) return;
    o = childOffset(nodes, h, at, n, k);
    i++;
  }
}

const SPACE = 32;

/** The record of child k of the state whose codes start at nodes[at] (n of them; h its header). */
function childOffset(nodes: Uint16Array, h: number, at: number, n: number, k: number): number {
  const far = h & FAR ? 1 : 0;
  if (k === 0 && !far) return at + 3 * n - 2;
  const slot = at + n + 2 * (k - 1 + far);
  return nodes[slot]! | (nodes[slot + 1]! << 16);
}

/** The index of code c among the n sorted codes from nodes[at] on, -1 when none. */
function edgeIndex(nodes: Uint16Array, at: number, n: number, c: number): number {
  if (n <= 8) {
    for (let k = 0; k < n; k++) if (nodes[at + k] === c) return k;
    return -1;
  }
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = nodes[at + mid]!;
    if (v === c) return mid;
    if (v < c) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}
