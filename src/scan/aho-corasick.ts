// Aho-Corasick automaton over UTF-16 code units: all patterns found in one left-to-right
// pass, so the cost of a scan grows with the text, not with the number of terms.
// Characters that occur in no pattern map to symbol 0 and reset to the root at once. The root's
// edges are a dense table; other states keep their few edges in sorted typed arrays.

export type Automaton = {
  /** code unit → symbol (0: in no pattern). */
  alphabet: Uint16Array;
  symbols: number;
  /** Number of states (the root included). */
  states: number;
  /** Pattern ids ending exactly at a state, from the state's ends index on: [count, id…] (flat: no heap object to chase per match). */
  ends: Int32Array;
  /** Length in code units of each pattern id. */
  lengths: Int32Array;
  /** The root's edges as a dense table (symbol → state, 0: none): most steps start at the root. */
  root: Int32Array;
  /**
   * Every state as one record, named by its offset: [edge count, failure, output link, ends index,
   * then (symbol, next state) pairs sorted by symbol]. A state's header and its edges share a cache
   * line, so a step costs one miss, not three (the scan is bound by cache misses: the table is
   * megabytes, and the rest of the scan evicts it between messages). The output link is the
   * nearest state on the failure chain (itself included) that ends a pattern, -1 when none; the
   * ends index is -1 when no pattern ends at the state.
   */
  nodes: Int32Array;
};

const HEADER = 4;

export function buildAutomaton(patterns: string[]): Automaton {
  const alphabet = new Uint16Array(65536);
  let symbols = 1;
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (alphabet[c] === 0) alphabet[c] = symbols++;
    }
  }
  if (symbols > 65535) throw new Error("lexicon alphabet too large");
  const ends: (number[] | undefined)[] = [undefined];
  // The trie: per state its (child, symbol) pairs in insertion order; the root's children also by symbol.
  const children: number[][] = [[]];
  const rootChild = new Int32Array(symbols);
  let states = 1;
  patterns.forEach((p, id) => {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const sym = alphabet[p.charCodeAt(i)]!;
      const kids = children[s]!;
      let next = 0;
      if (s === 0) next = rootChild[sym]!;
      else for (let k = 0; k < kids.length; k += 2) if (kids[k + 1] === sym) next = kids[k]!;
      if (next === 0) {
        next = states++;
        if (s === 0) rootChild[sym] = next;
        ends.push(undefined);
        children.push([]);
        kids.push(next, sym);
      }
      s = next;
    }
    (ends[s] ??= []).push(id);
  });
  // Lay the states out breadth-first (the shallow states most steps visit sit together in memory),
  // then compute the failures on the packed table itself: no hash lookups along failure chains.
  // The root keeps its edges in the dense table only.
  const order = [0];
  for (let q = 0; q < order.length; q++) {
    const kids = children[order[q]!]!;
    for (let k = 0; k < kids.length; k += 2) order.push(kids[k]!);
  }
  const offset = new Int32Array(states);
  let size = HEADER;
  for (const state of memoryOrder(children, order)) {
    offset[state] = size;
    size += HEADER + children[state]!.length;
  }
  const root = new Int32Array(symbols);
  const kids0 = children[0]!;
  for (let k = 0; k < kids0.length; k += 2) root[kids0[k + 1]!] = offset[kids0[k]!]!;
  const nodes = new Int32Array(size);
  const endsList: number[] = [];
  nodes[2] = -1;
  for (let i = 0; i < order.length; i++) {
    const old = order[i]!;
    const b = offset[old]!;
    const kids = children[old]!;
    const sorted: [number, number][] = [];
    if (old !== 0) for (let k = 0; k < kids.length; k += 2) sorted.push([kids[k + 1]!, offset[kids[k]!]!]);
    sorted.sort((x, y) => x[0] - y[0]);
    nodes[b] = sorted.length;
    const e = ends[old];
    nodes[b + 3] = e ? endsList.push(e.length, ...e) - e.length - 1 : -1;
    sorted.forEach(([sym, next], k) => {
      nodes[b + HEADER + 2 * k] = sym;
      nodes[b + HEADER + 2 * k + 1] = next;
    });
  }
  // Breadth-first: a state's failure is the longest proper suffix that is also a trie path; its
  // output link the nearest state on that chain (itself included) that ends a pattern.
  for (let i = 1; i < order.length; i++) {
    const b = offset[order[i]!]!;
    const f = nodes[b + 1]!; // set by the parent (depth 1: the root, 0)
    nodes[b + 2] = nodes[b + 3]! >= 0 ? b : f === 0 ? -1 : nodes[f + 2]!;
    for (let k = 0, n = nodes[b]!; k < n; k++) {
      const sym = nodes[b + HEADER + 2 * k]!;
      const child = nodes[b + HEADER + 2 * k + 1]!;
      let g = f;
      let target = g === 0 ? root[sym]! : step(nodes, g, sym);
      while (target === 0 && g !== 0) {
        g = nodes[g + 1]!;
        target = g === 0 ? root[sym]! : step(nodes, g, sym);
      }
      nodes[child + 1] = target !== child ? target : 0;
    }
  }
  return { alphabet, symbols, states, ends: Int32Array.from(endsList), lengths: Int32Array.from(patterns, (p) => p.length), root, nodes };
}

/** States at most this deep are laid out breadth-first (they are visited from every word); deeper ones depth-first. */
const SHALLOW = 2;

/**
 * The order states are laid out in memory (the root excluded): the shallow levels breadth-first, so
 * the states most steps visit sit together, then each subtree below depth-first, so a walk down a
 * term reads consecutive memory instead of one cache miss per character.
 */
function memoryOrder(children: number[][], bfs: number[]): number[] {
  const depth = new Int32Array(children.length);
  for (const s of bfs) for (let k = 0; k < children[s]!.length; k += 2) depth[children[s]![k]!] = depth[s]! + 1;
  const out: number[] = [];
  for (const s of bfs) if (s !== 0 && depth[s]! <= SHALLOW) out.push(s);
  const stack: number[] = [];
  for (const s of bfs) {
    if (depth[s] !== SHALLOW) continue;
    const kids = children[s]!;
    for (let k = kids.length - 2; k >= 0; k -= 2) stack.push(kids[k]!);
    while (stack.length > 0) {
      const t = stack.pop()!;
      out.push(t);
      const c = children[t]!;
      for (let k = c.length - 2; k >= 0; k -= 2) stack.push(c[k]!);
    }
  }
  return out;
}

/** The state reached from s (not the root) on sym, or 0 when s has no such edge. */
function step(nodes: Int32Array, s: number, sym: number): number {
  let lo = 0;
  let hi = nodes[s]!;
  const base = s + HEADER;
  if (hi <= 8) {
    for (; lo < hi; lo++) if (nodes[base + 2 * lo] === sym) return nodes[base + 2 * lo + 1]!;
    return 0;
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = nodes[base + 2 * mid]!;
    if (v === sym) return nodes[base + 2 * mid + 1]!;
    if (v < sym) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/** Calls onMatch(patternId, start, end) for every occurrence of every pattern in text. */
export function searchAutomaton(a: Automaton, text: string, onMatch: (id: number, start: number, end: number) => void): void {
  const { alphabet, ends, lengths, root, nodes } = a;
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const sym = alphabet[text.charCodeAt(i)]!;
    if (sym === 0) {
      s = 0;
      continue;
    }
    let next = 0;
    while (s !== 0 && (next = step(nodes, s, sym)) === 0) s = nodes[s + 1]!;
    s = s === 0 ? root[sym]! : next;
    if (s === 0) continue;
    for (let o = nodes[s + 2]!; o > 0; o = nodes[nodes[o + 1]! + 2]!) {
      const at = nodes[o + 3]!;
      for (let k = at + 1, last = at + ends[at]!; k <= last; k++) onMatch(ends[k]!, i + 1 - lengths[ends[k]!]!, i + 1);
    }
  }
}
