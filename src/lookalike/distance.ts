// Damerau–Levenshtein distance (optimal string alignment: insert, delete,
// substitute, swap two neighbours), bounded: returns max + 1 as soon as the
// distance must exceed max, so checking a candidate costs little.
const rows: Int32Array[] = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];

export function damerauLevenshtein(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  if (rows[0]!.length < m + 1) for (let i = 0; i < 3; i++) rows[i] = new Int32Array(m + 1);
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** True when a and b differ by at most one insert, delete, substitution or neighbour swap (linear time). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > 1) return false;
  let i = 0;
  while (i < n && i < m && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (n === m) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return i + 1 < n && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return n > m ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** All strings made by deleting exactly one character of s (deduplicated). */
export function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && s[i] === s[i - 1]) continue; // same result as deleting the previous one
    out.push(s.slice(0, i) + s.slice(i + 1));
  }
  return out;
}
