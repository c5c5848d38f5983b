// Normalisation of message text, keeping for every output code unit the span of the
// ORIGINAL text it came from, so findings point at what the reader actually sees.
//
// Two views are built:
// - the entity view (entityView): NFKC, default-ignorables and keycap marks removed,
//   digits of every script in ASCII; case and punctuation kept. Phone numbers, e-mails,
//   URLs, IBANs, cards and wallets are found here (IBAN and base58 need the case).
// - the word view (wordView, built from the entity view): lower case, Latin diacritics
//   and Arabic/Hebrew vowel marks dropped, confusable letters folded to Latin in words
//   that are mainly Latin, leetspeak undone, runs of single spaced or dotted letters
//   joined, and every run of spaces and punctuation turned into one space. Lexicon terms
//   pass through the same two steps, so both sides are compared in one form.
//
// The pieces: mapped.ts (offset maps), entity-view.ts, word-view.ts.
export * from "./mapped.ts";
export { entityView, newEntityCache, type EntityCache } from "./entity-view.ts";
export { wordView, newCharCache, normalizeTerm, newTermMemo, type CharCache, type TermMemo } from "./word-view.ts";
