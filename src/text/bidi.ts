// Bidirectional formatting controls (LRE, RLO, LRI, RLM, ALM, …) reorder what is shown
// without being seen themselves; in a handle or a domain they are suspicious on their own.
const BIDI_CONTROL = /\p{Bidi_Control}/gu;

export function hasBidiControls(s: string): boolean {
  BIDI_CONTROL.lastIndex = 0;
  return BIDI_CONTROL.test(s);
}

export function findBidiControls(s: string): string[] {
  return s.match(BIDI_CONTROL) ?? [];
}
