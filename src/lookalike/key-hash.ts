// Polynomial hashes of a key and of the key with one or two characters deleted,
// each in O(1) from prefix hashes, so the deletion neighbourhood of a query is
// looked up without building its strings. Collisions only add candidates, which
// are verified with the real edit distance.
const BASE = 0x01000193;
const MAX = 512;
const POW = new Int32Array(MAX + 1);
POW[0] = 1;
for (let i = 1; i <= MAX; i++) POW[i] = Math.imul(POW[i - 1]!, BASE);

export function keyHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, BASE) + s.charCodeAt(i)) | 0;
  return h;
}

let scratch = new Int32Array(64);

/** prefix[k] = hash of s.slice(0, k). With reuse, fills and returns a shared buffer (valid until the next call). */
export function prefixHashes(s: string, reuse = false): Int32Array {
  let p: Int32Array;
  if (reuse) {
    if (scratch.length < s.length + 1) scratch = new Int32Array(s.length * 2 + 1);
    p = scratch;
  } else p = new Int32Array(s.length + 1);
  p[0] = 0;
  for (let i = 0; i < s.length; i++) p[i + 1] = (Math.imul(p[i]!, BASE) + s.charCodeAt(i)) | 0;
  return p;
}

/** Hash of s.slice(a, b) from the prefix hashes (equals keyHash of the slice). */
export function rangeHash(p: Int32Array, a: number, b: number): number {
  return range(p, a, b);
}

function range(p: Int32Array, a: number, b: number): number {
  return (p[b]! - Math.imul(p[a]!, POW[b - a]!)) | 0;
}

/** Hash of s with the character at i deleted. */
export function deletionHash(p: Int32Array, n: number, i: number): number {
  return (Math.imul(p[i]!, POW[n - 1 - i]!) + range(p, i + 1, n)) | 0;
}

/** Hash of s with the characters at i < j deleted. */
export function deletion2Hash(p: Int32Array, n: number, i: number, j: number): number {
  return (Math.imul(p[i]!, POW[n - 2 - i]!) + Math.imul(range(p, i + 1, j), POW[n - 1 - j]!) + range(p, j + 1, n)) | 0;
}

export const MAX_HASHED_KEY = MAX;
