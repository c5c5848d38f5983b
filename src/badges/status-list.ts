// The badge Token Status List (draft-ietf-oauth-status-list): one bit per
// allocated position, 1 (INVALID) when the account holding it is suspended or
// retired. Encoded as the draft says: bit i is the (i % 8)-th least significant
// bit of byte i / 8, the bytes DEFLATE-compressed in zlib format (RFC 1950) and
// base64url-encoded, signed as a statuslist+jwt. CompressionStream("deflate")
// is that format and exists on Workers, Node and browsers alike.
import { eq, and, gte, lt } from "drizzle-orm";
import { base64url, SignJWT } from "jose";
import { accounts, badgeStatusEntries } from "../db/schema.ts";
import type { Db } from "../db/client.ts";
import type { SigningKey } from "./key-store.ts";
import { STATUS_LIST_SIZE } from "./status-index.ts";

/** JOSE `typ` of a signed Token Status List. */
export const STATUS_LIST_TYP = "statuslist+jwt";
export const STATUS_INVALID = 1;

/** The bit array of list `listId` ("1", "2", …), or undefined when no position in it was ever allocated. */
export async function statusBits(db: Pick<Db, "select">, listId: number): Promise<Uint8Array | undefined> {
  const first = (listId - 1) * STATUS_LIST_SIZE;
  const rows = await db
    .select({ seq: badgeStatusEntries.seq, status: accounts.status })
    .from(badgeStatusEntries)
    .innerJoin(accounts, eq(accounts.id, badgeStatusEntries.accountId))
    .where(and(gte(badgeStatusEntries.seq, first), lt(badgeStatusEntries.seq, first + STATUS_LIST_SIZE)));
  if (rows.length === 0) return undefined;
  // Full size whatever is allocated: the list's length tells nobody how many staff accounts exist.
  const bits = new Uint8Array(STATUS_LIST_SIZE / 8);
  for (const r of rows) {
    if (r.status !== "active") {
      const idx = r.seq - first;
      bits[idx >> 3]! |= STATUS_INVALID << (idx & 7);
    }
  }
  return bits;
}

export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The status of position `idx` in a decoded list (0 valid, 1 invalid). */
export function statusAt(bits: Uint8Array, idx: number): number {
  return ((bits[idx >> 3] ?? 0) >> (idx & 7)) & 1;
}

export async function signStatusList(
  key: SigningKey,
  opts: { iss: string; uri: string; bits: Uint8Array; iat: number; ttlSeconds: number; lifetimeSeconds: number },
): Promise<string> {
  return new SignJWT({ status_list: { bits: 1, lst: base64url.encode(await deflate(opts.bits)) }, ttl: opts.ttlSeconds })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: STATUS_LIST_TYP })
    .setIssuer(opts.iss)
    .setSubject(opts.uri)
    .setIssuedAt(opts.iat)
    .setExpirationTime(opts.iat + opts.lifetimeSeconds)
    .sign(key.key);
}
