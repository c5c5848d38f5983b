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
  /** Other states' edges, compact: state s owns edgeSym/edgeNext[first[s] .. first[s + 1]), sorted by symbol. */
  first: Int32Array;
  edgeSym: Uint16Array;
  edgeNext: Int32Array;
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
  const root = new Int32Array(symbols);
  for (let k = 0; k < kids0.length; k += 2) root[kids0[k + 1]!] = kids0[k]!;
  const first = new Int32Array(states + 1);
  const edgeSym = new Uint16Array(edges.size);
  const edgeNext = new Int32Array(edges.size);
  let e = 0;
  for (let st = 0; st < states; st++) {
    first[st] = e;
    const kids = children[st]!;
    const order = [];
    for (let k = 0; k < kids.length; k += 2) order.push([kids[k + 1]!, kids[k]!] as const);
    order.sort((x, y) => x[0] - y[0]);
    for (const [sym, next] of order) {
      edgeSym[e] = sym;
      edgeNext[e] = next;
      e++;
    }
  }
  first[states] = e;
  return { alphabet, symbols, fail, outLink, ends, lengths: patterns.map((p) => p.length), root, first, edgeSym, edgeNext };
}

/** The state reached from s (not the root) on sym, or 0 when s has no such edge. */
function step(a: Automaton, s: number, sym: number): number {
  let lo = a.first[s]!;
  let hi = a.first[s + 1]!;
  if (hi - lo <= 8) {
    for (; lo < hi; lo++) if (a.edgeSym[lo] === sym) return a.edgeNext[lo]!;
    return 0;
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = a.edgeSym[mid]!;
    if (v === sym) return a.edgeNext[mid]!;
    if (v < sym) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/** Calls onMatch(patternId, start, end) for every occurrence of every pattern in text. */
export function searchAutomaton(a: Automaton, text: string, onMatch: (id: number, start: number, end: number) => void): void {
  const { alphabet, fail, outLink, ends, lengths, root } = a;
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const sym = alphabet[text.charCodeAt(i)]!;
    if (sym === 0) {
      s = 0;
      continue;
    }
    let next = 0;
    while (s !== 0 && (next = step(a, s, sym)) === 0) s = fail[s]!;
    s = s === 0 ? root[sym]! : next;
    if (s === 0 || outLink[s]! < 0) continue;
    for (let o = outLink[s]!; o > 0; o = outLink[fail[o]!]!) {
      for (const id of ends[o]!) onMatch(id, i + 1 - lengths[id]!, i + 1);
    }
  }
}
