// Opaque cursors: clients pass back what they were given and never build one.
import { z } from "@hono/zod-openapi";
import { ApiError } from "./problem.ts";

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: "Items per page (1–200)." }),
  cursor: z.string().max(512).optional().openapi({ description: "`nextCursor` from the previous page." }),
});

// base64url over UTF-8: btoa alone throws on any character above U+00FF, and
// cursors carry handle keys in every script.
export function encodeCursor(value: string | number): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join("")).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

export function decodeCursor<T extends string | number>(cursor: string | undefined, kind: "string" | "number"): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    const bytes = Uint8Array.from(atob(cursor.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    const value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown;
    // Finite only: "1e309" decodes to Infinity, which the database cannot bind.
    if (typeof value === kind && (kind === "string" || Number.isFinite(value))) return value as T;
  } catch {
    // fall through
  }
  throw new ApiError("validation-failed", "cursor is not one this API issued", { errors: [{ path: "cursor", message: "invalid cursor" }] });
}

