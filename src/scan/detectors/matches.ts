// The two ways the detectors run their regexes: eachMatch (a global scan) and eachStickyMatch (a
// sticky regex tried only at the starts a cheap pre-scan found, sorted by ascending). Both stop
// after MAX_MATCHES matches, so an adversarial message costs a bounded amount per detector.

/** Most matches one detector looks at in a message: chat messages have a handful; this bounds adversarial input. */
export const MAX_MATCHES = 200;

/** Calls found for each match of a global regex, at most MAX_MATCHES of them (an exec loop: no array of matches). */
export function eachMatch(text: string, re: RegExp, found: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text), n = 0; m !== null && n < MAX_MATCHES; m = re.exec(text), n++) {
    if (m[0].length === 0) re.lastIndex++;
    found(m);
  }
  re.lastIndex = 0;
}

/**
 * Runs a sticky regex at each start (ascending) past the previous match, like a global scan would.
 * A match that found rejects (returns false) does not hide the starts inside it: in "email me at john dot smith at
 * outlook dot com" the rejected "me at john dot smith" must leave "john" to be tried.
 */
export function eachStickyMatch(text: string, re: RegExp, starts: number[], found: (m: RegExpExecArray) => boolean | void): void {
  let from = 0;
  let n = 0;
  for (const s of starts) {
    if (s < from) continue;
    re.lastIndex = s;
    const m = re.exec(text);
    if (!m) continue;
    if (found(m) === false) continue;
    from = m.index + m[0].length;
    if (++n >= MAX_MATCHES) break;
  }
}

/** Starts sorted and without repeats, as eachStickyMatch takes them. */
export function ascending(xs: number[]): number[] {
  if (xs.length < 2) return xs;
  xs.sort((x, y) => x - y);
  return xs.filter((x, i) => i === 0 || xs[i - 1] !== x);
}
