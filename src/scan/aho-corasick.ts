// Aho-Corasick automaton over UTF-16 code units: all patterns found in one left-to-right
// pass, so the cost of a scan grows with the text, not with the number of terms.
// Characters that occur in no pattern map to symbol 0 and reset to the root at once.

export type Automaton = {
  /** code unit → symbol (0: in no pattern). */
  alphabet: Uint16Array;
  symbols: number;
  /** (state * symbols + symbol) → next state, for the trie edges. */
  edges: Map<number, number>;
  fail: Int32Array;
  /** Nearest state on the failure chain (itself included) that ends a pattern; -1 when none. */
  outLink: Int32Array;
  /** Pattern ids ending exactly at a state. */
  ends: (number[] | undefined)[];
  /** Length in code units of each pattern id. */
  lengths: number[];
  /** The root's edges as a dense table (symbol → state, 0: none): most steps start at the root. */
  root: Int32Array;
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
  return { alphabet, symbols, edges, fail, outLink, ends, lengths: patterns.map((p) => p.length), root };
}

/** Calls onMatch(patternId, start, end) for every occurrence of every pattern in text. */
export function searchAutomaton(a: Automaton, text: string, onMatch: (id: number, start: number, end: number) => void): void {
  const { alphabet, symbols, edges, fail, outLink, ends, lengths, root } = a;
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const sym = alphabet[text.charCodeAt(i)]!;
    if (sym === 0) {
      s = 0;
      continue;
    }
    let next: number | undefined;
    while (s !== 0 && (next = edges.get(s * symbols + sym)) === undefined) s = fail[s]!;
    s = s === 0 ? root[sym]! : next!;
    if (s === 0 || outLink[s]! < 0) continue;
    for (let o = outLink[s]!; o > 0; o = outLink[fail[o]!]!) {
      for (const id of ends[o]!) onMatch(id, i + 1 - lengths[id]!, i + 1);
    }
  }
}
