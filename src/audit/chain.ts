// The audit log's hash chain: each event's hash covers its own canonical
// content and the previous event's hash. Recomputing the chain from the first
// event finds the first row that was edited, inserted or removed out of band.
import { canonicalJson, sha256Hex } from "./canonical-json.ts";

export const GENESIS_HASH = "0".repeat(64);

export type ChainedEvent = {
  seq: number;
  id: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string;
  prevHash: string;
};

export function eventHash(event: ChainedEvent): Promise<string> {
  const { seq, id, at, actor, action, entityType, entityId, before, after, reason, prevHash } = event;
  return sha256Hex(canonicalJson({ seq, id, at, actor, action, entityType, entityId, before: before ?? null, after: after ?? null, reason, prevHash }));
}

export type ChainBreak = { seq: number; id: string; problem: "hash-mismatch" | "prev-hash-mismatch" | "sequence-gap" };

/** Checks events in ascending seq order; `expectedPrev` carries over between pages. */
export async function verifyEvents(
  events: Iterable<ChainedEvent & { hash: string }>,
  start: { prevHash: string; prevSeq: number },
): Promise<{ ok: true; last: { prevHash: string; prevSeq: number }; checked: number } | { ok: false; broken: ChainBreak; checked: number }> {
  let { prevHash, prevSeq } = start;
  let checked = 0;
  for (const e of events) {
    checked++;
    if (e.seq !== prevSeq + 1) return { ok: false, broken: { seq: e.seq, id: e.id, problem: "sequence-gap" }, checked };
    if (e.prevHash !== prevHash) return { ok: false, broken: { seq: e.seq, id: e.id, problem: "prev-hash-mismatch" }, checked };
    if ((await eventHash(e)) !== e.hash) return { ok: false, broken: { seq: e.seq, id: e.id, problem: "hash-mismatch" }, checked };
    prevHash = e.hash;
    prevSeq = e.seq;
  }
  return { ok: true, last: { prevHash, prevSeq }, checked };
}
