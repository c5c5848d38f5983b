// Aho-Corasick automaton over UTF-16 code units: all patterns found in one left-to-right
// pass, so the cost of a scan grows with the text, not with the number of terms.
// Characters that occur in no pattern map to symbol 0 and reset to the root at once. The root's
// edges are a dense table; other states keep their few edges in sorted typed arrays.

export type Automaton = {
  /** code unit → symbol (0: in no pattern). */
  alphabet: Uint16Array;
  symbols: number;
  fail: Int32Array;
  /** Nearest state on the failure chain (itself included) that ends a pattern; -1 when none. */
  outLink: Int32Array;
  /** Pattern ids ending exactly at a state. */
  ends: (number[] | undefined)[];
  /** Length in code units of each pattern id. */
  lengths: number[];
  /** The root's edges as a dense table (symbol → state, 0: none): most steps start at the root. */
  root: Int32Array;
  /**
   * Per state, side by side so one step touches one cache line: [first edge, edge count, failure,
   * output link]. Edges are (symbol, next state) pairs in `edges`, sorted by symbol.
   */
  state: Int32Array;
  edges: Int32Array;
};

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
  const edges = new Map<number, number>();
  const ends: (number[] | undefined)[] = [undefined];
  const children: number[][] = [[]];
  let states = 1;
  patterns.forEach((p, id) => {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const key = s * symbols + alphabet[p.charCodeAt(i)]!;
      let next = edges.get(key);
      if (next === undefined) {
        next = states++;
        edges.set(key, next);
        ends.push(undefined);
        children.push([]);
        children[s]!.push(next, alphabet[p.charCodeAt(i)]!);
      }
      s = next;
    }
    (ends[s] ??= []).push(id);
  });
  const fail = new Int32Array(states);
  const outLink = new Int32Array(states).fill(-1);
  // Breadth-first: a state's failure is the longest proper suffix that is also a trie path.
  const queue: number[] = [];
  const kids0 = children[0]!;
  for (let k = 0; k < kids0.length; k += 2) {
    fail[kids0[k]!] = 0;
    queue.push(kids0[k]!);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    outLink[s] = ends[s] ? s : outLink[fail[s]!]!;
    const kids = children[s]!;
    for (let k = 0; k < kids.length; k += 2) {
      const child = kids[k]!;
      const sym = kids[k + 1]!;
      let f = fail[s]!;
      let target = edges.get(f * symbols + sym);
      while (target === undefined && f !== 0) {
        f = fail[f]!;
        target = edges.get(f * symbols + sym);
      }
      fail[child] = target !== undefined && target !== child ? target : 0;
      queue.push(child);
    }
  }
  // Renumber the states breadth-first: the shallow states most steps visit sit together in memory
  // (the automaton is megabytes; a scan is bound by cache misses, not by instructions).
  const order = [0, ...queue];
  const renum = new Int32Array(states);
  order.forEach((old, i) => (renum[old] = i));
  const root = new Int32Array(symbols);
  for (let k = 0; k < kids0.length; k += 2) root[kids0[k + 1]!] = renum[kids0[k]!]!;
  const state = new Int32Array(states * 4);
  const packed = new Int32Array(edges.size * 2);
  const failN = new Int32Array(states);
  const outN = new Int32Array(states).fill(-1);
  const endsN: (number[] | undefined)[] = new Array(states);
  let e = 0;
  order.forEach((old, st) => {
    failN[st] = renum[fail[old]!]!;
    outN[st] = outLink[old]! < 0 ? -1 : renum[outLink[old]!]!;
    endsN[st] = ends[old];
    const kids = children[old]!;
    const sorted: [number, number][] = [];
    for (let k = 0; k < kids.length; k += 2) sorted.push([kids[k + 1]!, renum[kids[k]!]!]);
    sorted.sort((x, y) => x[0] - y[0]);
    state[st * 4] = e;
    state[st * 4 + 1] = sorted.length;
    state[st * 4 + 2] = failN[st]!;
    state[st * 4 + 3] = outN[st]!;
    for (const [sym, next] of sorted) {
      packed[e * 2] = sym;
      packed[e * 2 + 1] = next;
      e++;
    }
  });
  return { alphabet, symbols, fail: failN, outLink: outN, ends: endsN, lengths: patterns.map((p) => p.length), root, state, edges: packed };
}

/** The state reached from s (not the root) on sym, or 0 when s has no such edge. */
function step(edges: Int32Array, state: Int32Array, s: number, sym: number): number {
  let lo = state[s * 4]!;
  let hi = lo + state[s * 4 + 1]!;
  if (hi - lo <= 8) {
    for (; lo < hi; lo++) if (edges[lo * 2] === sym) return edges[lo * 2 + 1]!;
    return 0;
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = edges[mid * 2]!;
    if (v === sym) return edges[mid * 2 + 1]!;
    if (v < sym) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/** Calls onMatch(patternId, start, end) for every occurrence of every pattern in text. */
export function searchAutomaton(a: Automaton, text: string, onMatch: (id: number, start: number, end: number) => void): void {
  const { alphabet, ends, lengths, root, state, edges } = a;
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const sym = alphabet[text.charCodeAt(i)]!;
    if (sym === 0) {
      s = 0;
      continue;
    }
    let next = 0;
    while (s !== 0 && (next = step(edges, state, s, sym)) === 0) s = state[s * 4 + 2]!;
    s = s === 0 ? root[sym]! : next;
    if (s === 0) continue;
    for (let o = state[s * 4 + 3]!; o > 0; o = state[state[o * 4 + 2]! * 4 + 3]!) {
      for (const id of ends[o]!) onMatch(id, i + 1 - lengths[id]!, i + 1);
    }
  }
}
