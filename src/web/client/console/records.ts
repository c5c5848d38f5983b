// The records the console edits, a paged read of a whole list, and the reads
// an editor starts from (the record and the ETag its write must send back).
import { problemMessage, type Api } from "./api.ts";
import { notify } from "./ui.ts";

export type Account = { id: string; platformUserId: string; handle: string; displayName: string; team: string; purpose: Record<string, string>; status: "active" | "suspended" | "retired"; version: number; updatedAt: string };
export type Channel = { id: string; kind: string; value: string; purpose: Record<string, string>; status: "active" | "retired"; version: number; updatedAt: string };

/** Every item of a paginated list (bounded: the registry is small, a runaway cursor is not). */
export async function readAll<T>(api: Api, path: string, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const sep = path.includes("?") ? "&" : "?";
    const { body } = await api.get<{ items: T[]; nextCursor?: string }>(`${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    items.push(...body.items);
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  return items;
}

/** The fields of `next` that differ from `current` (what a PATCH should carry). */
export function changedFields<T extends Record<string, unknown>>(current: T, next: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(next) as [keyof T, T[keyof T]][]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(value)) out[key] = value;
  }
  return out;
}

/** One record and its ETag for an editor; a failed read is reported in `messages` and gives undefined. */
export async function readForEdit<T>(api: Api, path: string, messages: HTMLElement): Promise<{ current: T; etag: string } | undefined> {
  try {
    const answer = await api.get<T>(path);
    return { current: answer.body, etag: answer.etag ?? "" };
  } catch (err) {
    notify(messages, "error", problemMessage(err));
    return undefined;
  }
}
