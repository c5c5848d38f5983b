// Default-ignorable code points (zero-width space/joiners, soft hyphen, variation
// selectors, tag characters, …): invisible, so an impostor can hide them inside a name.
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const DEFAULT_IGNORABLE_ONE = /^\p{Default_Ignorable_Code_Point}$/u;

export function isDefaultIgnorable(ch: string): boolean {
  return DEFAULT_IGNORABLE_ONE.test(ch);
}

export function removeDefaultIgnorables(s: string): string {
  return s.replace(DEFAULT_IGNORABLE, "");
}

/** The default-ignorable code points of s, in order (for explanations). */
export function findDefaultIgnorables(s: string): string[] {
  return s.match(DEFAULT_IGNORABLE) ?? [];
}
