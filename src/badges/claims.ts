// What a Team badge and a message attestation say, shared by the server that
// signs them and the verification client that runs in the browser. Types and
// constants only, so importing it costs a client nothing.

/** JOSE `typ` of a badge assertion: a verifier refuses any other token presented as a badge. */
export const BADGE_TYP = "team-badge+jwt";
/** JOSE `typ` of a message attestation, so an attestation can never pass as a badge or the reverse. */
export const ATTESTATION_TYP = "team-attestation+jwt";
/** JOSE `typ` of a signed Token Status List (draft-ietf-oauth-status-list). */
export const STATUS_LIST_TYP = "statuslist+jwt";

export const BADGE_ALGORITHMS = ["EdDSA", "ES256"] as const;
export type BadgeAlgorithm = (typeof BADGE_ALGORITHMS)[number];

/** Text per BCP 47 language tag, e.g. { en: "Fiverr Team", de: "Fiverr-Team" }. */
export type LocalizedText = Record<string, string>;

export type StatusReference = { status_list: { idx: number; uri: string } };

export type BadgeClaims = {
  iss: string;
  /** The platform user id of the official account: what the UI compares with the sender it renders. */
  sub: string;
  aud: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
  handle: string;
  team: string;
  purpose: LocalizedText;
  /** The badge text to show, per language. */
  label: LocalizedText;
  status: StatusReference;
};

export type AttestationClaims = {
  iss: string;
  sub: string;
  aud: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
  conversationId: string;
  messageId: string;
  /** Hex SHA-256 of the message text as UTF-8. */
  textSha256: string;
};

export type BadgeRejection =
  | "malformed"
  | "bad_signature"
  | "unknown_kid"
  | "wrong_typ"
  | "wrong_alg"
  | "expired"
  | "not_yet_valid"
  | "wrong_issuer"
  | "wrong_audience"
  | "wrong_sender"
  | "revoked";

export type AttestationRejection = BadgeRejection | "wrong_conversation" | "wrong_message" | "text_mismatch";

export type Verdict<C, R> = { valid: true; claims: C } | { valid: false; reason: R };
