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

/** True when a and b differ by at most one insert, delete, substitution or neighbour swap (linear time, no allocation). */
export function withinOneEdit(a: string, b: string): boolean {
  return withinOneEditAt(a, 0, a.length, b);
}

/** withinOneEdit for the slice a[start, start + len) against b, without making the slice. */
export function withinOneEditAt(a: string, start: number, len: number, b: string): boolean {
  const m = b.length;
  if (len - m > 1 || m - len > 1) return false;
  let i = 0;
  while (i < len && i < m && a.charCodeAt(start + i) === b.charCodeAt(i)) i++;
  if (i === len && i === m) return true;
  if (len === m) {
    if (restEqual(a, start, len, b, i + 1, i + 1)) return true; // substitution
    return i + 1 < len && a.charCodeAt(start + i) === b.charCodeAt(i + 1) && a.charCodeAt(start + i + 1) === b.charCodeAt(i) && restEqual(a, start, len, b, i + 2, i + 2); // swap
  }
  return len > m ? restEqual(a, start, len, b, i + 1, i) : restEqual(a, start, len, b, i, i + 1);
}

/** a[start + ai, start + len) equals b[bi, b.length). */
function restEqual(a: string, start: number, len: number, b: string, ai: number, bi: number): boolean {
  if (len - ai !== b.length - bi) return false;
  for (; ai < len; ai++, bi++) if (a.charCodeAt(start + ai) !== b.charCodeAt(bi)) return false;
  return true;
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
