// Opaque cursors: clients pass back what they were given and never build one.
import { z } from "@hono/zod-openapi";
import { ApiError } from "./problem.ts";

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: "Items per page (1–200)." }),
  cursor: z.string().max(512).optional().openapi({ description: "`nextCursor` from the previous page." }),
});

export function encodeCursor(value: string | number): string {
  return btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

export function decodeCursor<T extends string | number>(cursor: string | undefined, kind: "string" | "number"): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value = JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/"))) as unknown;
    if (typeof value === kind) return value as T;
  } catch {
    // fall through
  }
  throw new ApiError("validation-failed", "cursor is not one this API issued", { errors: [{ path: "cursor", message: "invalid cursor" }] });
}

