// Result shapes of handle checks (shared by the CLI, the API and the badge answers).
export type Verdict = "official" | "lookalike" | "brand_impersonation" | "clean";

/** One character that makes a handle look like something it is not. */
export type SuspectChar = {
  char: string;
  /** "U+0456" */
  codePoint: string;
  script: string;
  /** What the reader takes it for ("i"); empty for invisible characters. */
  imitates: string;
  kind: "homoglyph" | "compatibility" | "accent" | "digit_letter" | "letter_pair" | "case" | "invisible" | "bidi_control";
};

export type ReasonRule =
  | "official"
  | "same_key"
  | "edit_distance"
  | "affix"
  | "mixed_script"
  | "confusable_characters"
  | "invisible_characters"
  | "bidi_control"
  | "brand_word"
  | "role_word"
  | "brand_only";

export type Reason = {
  rule: ReasonRule;
  message: string;
  chars?: SuspectChar[];
  distance?: number;
  affix?: string;
  scripts?: string[];
  brand?: string;
  matched?: string;
  word?: string;
  lang?: string;
};

export type HandleCheck = {
  handle: string;
  verdict: Verdict;
  /** The official handle imitated (lookalike) or matched (official); null otherwise. */
  target: string | null;
  reasons: Reason[];
};
