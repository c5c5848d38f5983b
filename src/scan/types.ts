// Result shapes of a message scan (shared by the pure scanner, the API and the CLI).
export const SCAN_LABELS = ["off_platform", "payment_request", "personal_data", "remote_access", "suspicious_link", "impersonation"] as const;
export type ScanLabel = (typeof SCAN_LABELS)[number];
export type Risk = "none" | "low" | "medium" | "high";

/** Who sent the message and who reads it; the platform's own names come from the scanner's profile. */
export type ScanContext = {
  /** The sender is a registered official staff account: staff claims are then not impersonation. */
  senderOfficial?: boolean;
  senderHandle?: string;
  /** BCP 47 language of the reader, for the warning text (falls back to English). */
  readerLang?: string;
};

export type Finding = {
  label: ScanLabel;
  /** UTF-16 offsets into the ORIGINAL text. */
  start: number;
  end: number;
  /** The original text of the span. */
  matched: string;
  /** The span after normalisation (what the rule saw). */
  normalized: string;
  rule: string;
  /** 0..1: how sure the rule is. */
  score: number;
  /** Normalisation steps that changed this span (nfkc, ignorables, digits, confusables, leet, joined_letters, spelled_numbers, spelled_symbols). */
  transforms: string[];
};

export type ScanResult = {
  risk: Risk;
  labels: ScanLabel[];
  findings: Finding[];
  /** A short plain warning for the reader, in their language; null when nothing was found. */
  warning: { lang: string; text: string } | null;
};
