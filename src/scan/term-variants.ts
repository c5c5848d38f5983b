// How people mistype or break up a product name in chat: "wha tsapp", "pay pal", "whatsaap", "telgram".
// The lexicon compiler adds these forms of the names of messengers, remote tools and payment rails as
// extra patterns, so the one pass over the lexicon trie still finds them (no fuzzy search at scan time).

/** Names shorter than this are not split: "sky pe" or "zo om" would match ordinary word pairs. */
const MIN_SPLIT_LENGTH = 6;
/** Each piece of a split name has at least this many letters ("wha tsapp", not "w hatsapp": joined letters cover that). */
const MIN_PIECE = 3;
/** Names shorter than this get no typo forms: one letter off a short name is often another word ("skype" → "sky pe", "viber" → "vier"). */
const MIN_TYPO_LENGTH = 7;

const PLAIN_WORD = /^[a-z]+$/;
/** Names shorter than this get no I-for-l form ("blik" → "biik" is too short to tell from other words). */
const MIN_I_FOR_L_LENGTH = 5;

/** The name with one space inside it, each piece at least MIN_PIECE letters. */
export function splitForms(name: string): string[] {
  if (!PLAIN_WORD.test(name) || name.length < MIN_SPLIT_LENGTH) return [];
  const out: string[] = [];
  for (let k = MIN_PIECE; k <= name.length - MIN_PIECE; k++) out.push(`${name.slice(0, k)} ${name.slice(k)}`);
  return out;
}

/**
 * One slip of the keyboard inside the name: a letter dropped, doubled, or two neighbours swapped. The
 * first letter stays (people rarely miss it, and it keeps the forms from becoming other words).
 */
export function typoForms(name: string): string[] {
  if (!PLAIN_WORD.test(name) || name.length < MIN_TYPO_LENGTH) return [];
  const out = new Set<string>();
  for (let k = 1; k < name.length; k++) {
    out.add(name.slice(0, k) + name.slice(k + 1));
    out.add(name.slice(0, k) + name[k] + name.slice(k));
    if (k + 1 < name.length) out.add(name.slice(0, k) + name[k + 1] + name[k] + name.slice(k + 2));
  }
  out.delete(name);
  return [...out];
}

/**
 * The name with a capital I typed for every l but a first one ("TeIegram", "SignaI", "PayPaI": the text's lower case
 * reads "teiegram"). Every l at once, as the trick is typed: one of several ("zelle" → "zeile") is often another word.
 */
export function iForLForms(name: string): string[] {
  if (!PLAIN_WORD.test(name) || name.length < MIN_I_FOR_L_LENGTH) return [];
  const form = name[0] + name.slice(1).replaceAll("l", "i");
  return form === name ? [] : [form];
}

/** The German transcriptions of umlauts and ß, all at once as a keyboard without them types them: "überweisung" → "ueberweisung". */
const UMLAUT_TRANSCRIPTION: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/**
 * A German term typed without umlauts ("bestaetigungscode", "ueberweis*", "gebuehr"): the normaliser folds "ü" to
 * "u" (it does not know the language), so the transcription "ue" is a form of its own.
 */
export function umlautForms(term: string): string[] {
  if (!/[äöüß]/.test(term)) return [];
  return [term.replace(/[äöüß]/g, (c) => UMLAUT_TRANSCRIPTION[c]!)];
}
