// Optimistic concurrency: a resource's ETag names its id and version; writes
// must send it back in If-Match (428 without, 412 when someone wrote first).
import { ApiError } from "./problem.ts";

export function etagOf(entity: { id: string; version: number }): string {
  return `"${entity.id}.v${entity.version}"`;
}

export function requireIfMatch(header: string | undefined): string {
  if (!header) throw new ApiError("precondition-required", "send the ETag from your last read in If-Match, so you cannot overwrite someone else's change");
  return header.trim().replace(/^W\//, "");
}

export function assertMatches(entity: { id: string; version: number }, ifMatch: string): void {
  if (ifMatch === "*") return;
  const candidates = ifMatch.split(",").map((s) => s.trim().replace(/^W\//, ""));
  if (!candidates.includes(etagOf(entity))) {
    throw new ApiError("precondition-failed", `the record changed since you read it (now ${etagOf(entity)}); read it again and retry`);
  }
}
