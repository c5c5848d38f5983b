// A word list as a regular-expression alternation: each word escaped so its dots and brackets mean themselves.
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
