// The entities one message has so far (Found) and how the detectors add to it: push maps a span
// of a view to the original text and marks the kinds it covers, overlaps asks whether a span is
// already taken by kinds that win over the one being added. The kind bits and the table of which
// kinds win (the detectors' order of precedence) are here in one place.
import { toOriginal, flagsOf, type Mapped } from "../normalize.ts";
import type { DetectorContext } from "./context.ts";

export type EntityKind = "phone" | "email" | "url" | "handle" | "payment_id" | "card" | "iban" | "crypto" | "gov_id" | "digits" | "executable";

export type Entity = {
  kind: EntityKind;
  /** Offsets in the original text. */
  start: number;
  end: number;
  /** Canonical value (E.164, lower-case address, compact IBAN, host…). */
  value: string;
  flags: number;
  /** phone: strong (valid number) | possible | weak; url: the host; email: "official" for the platform's own; crypto: btc | eth | tron; gov_id: ssn | lv_personal_code | il_id | br_cpf | pl_pesel | tr_id. */
  detail?: string;
  /** url: the URL's user-info part ("fiverr.com" in fiverr.com@evil.xyz/…). */
  userinfo?: string;
  /** url: written with spaces around the dot ("discord . gg / x"): counts only for known link hosts. */
  spaced?: boolean;
  /** A bare host whose ending is also a file extension ("fix.zip", "fiverr-help.pl"): a link only if it imitates someone. */
  fileLike?: boolean;
  /** url: written with an ending that is no top-level domain but reads as one ("corn" for "com", "c0m"); value and detail then hold the ending it imitates. */
  spoofedTld?: string;
  /** url: the host a Markdown or HTML link shows as its text ("fiverr.com" in [fiverr.com](https://evil.xyz)). */
  shownAs?: string;
  /** gov_id: plain digits that many other numbers also pass (Israeli ID, CPF without its dots): counts only beside an ID word. */
  needsIdWord?: boolean;
};

/** One bit per entity kind, for Found.cover. */
const KIND_BITS: Record<EntityKind, number> = { phone: 1, email: 2, url: 4, handle: 8, payment_id: 16, card: 32, iban: 64, crypto: 128, gov_id: 256, digits: 512, executable: 1024 };
const bitsOf = (kinds: EntityKind[]) => kinds.reduce((b, k) => b | KIND_BITS[k], 0);

/** Kinds an entity of some kind must not overlap (the ones found before it win). */
export const LINKS = bitsOf(["url", "email"]);
/** An address on a bare webmail name yields to a full address there (a link inside it is its domain part). */
export const UNDER_WEBMAIL_ADDRESS = bitsOf(["email"]);
export const UNDER_CARD = bitsOf(["iban"]);
export const UNDER_SPELLED_PHONE = bitsOf(["iban", "card", "phone"]);
export const UNDER_PHONE = bitsOf(["iban", "card", "url", "email", "phone", "gov_id"]);
export const UNDER_IL_ID = bitsOf(["card", "iban", "gov_id"]);
export const UNDER_DIGIT_CODE = bitsOf(["phone", "card", "iban", "gov_id", "url", "email"]);

/**
 * The entities found so far, with the kinds found at each position of the original text (bits of
 * KIND_BITS), so that "does a phone number overlap an IBAN here?" costs the span's length, not the
 * number of entities. cover is the scanner's scratch buffer, cleared per message; only entities is returned.
 */
export type Found = { entities: Entity[]; cover: Uint16Array; size: number };

export function newFound(size: number, ctx: DetectorContext): Found {
  if (ctx.cover.length < size) ctx.cover = new Uint16Array(Math.max(size, ctx.cover.length * 2));
  else ctx.cover.fill(0, 0, size);
  return { entities: [], cover: ctx.cover, size };
}

export function overlaps(out: Found, start: number, end: number, kinds: number): boolean {
  for (let i = Math.max(0, start); i < end && i < out.size; i++) if (out.cover[i]! & kinds) return true;
  return false;
}

export function push(out: Found, view: Mapped, s: number, e: number, kind: EntityKind, value: string, extra?: Partial<Entity>): void {
  const [start, end] = toOriginal(view, s, e);
  const entity: Entity = { kind, start, end, value, flags: flagsOf(view, s, e) };
  out.entities.push(extra ? Object.assign(entity, extra) : entity);
  const bit = KIND_BITS[kind];
  const cover = out.cover;
  for (let i = start; i < end && i < out.size; i++) cover[i]! |= bit;
}
