// The records the console edits, and a paged read of a whole list.
import type { Api } from "./api.ts";

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
