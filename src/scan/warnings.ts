// The reader's warning: one short sentence pair for the most serious label found, in the
// reader's language (texts in warnings.json), English when the language has none.
import texts from "./warnings.json" with { type: "json" };
import type { ScanLabel } from "./types.ts";

const TABLE = texts as Record<string, Partial<Record<ScanLabel, string>>>;
/** Most serious first: the warning names what the reader must not do first. */
const PRIORITY: ScanLabel[] = ["impersonation", "suspicious_link", "remote_access", "personal_data", "payment_request", "off_platform"];

export const WARNING_LANGUAGES: string[] = Object.keys(TABLE);

export function warningFor(labels: ScanLabel[], readerLang: string | undefined): { lang: string; text: string } | null {
  const top = PRIORITY.find((l) => labels.includes(l));
  if (!top) return null;
  // (Most scans name no reader language: no string work for those.)
  const primary = readerLang === undefined ? "en" : readerLang.toLowerCase().split(/[-_]/)[0]!;
  const lang = TABLE[primary]?.[top] ? primary : "en";
  return { lang, text: TABLE[lang]![top]! };
}
