// Deterministic JSON (object keys sorted, no whitespace) so the same event
// always hashes to the same value, whatever order its fields were built in.
export function canonicalJson(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(wellFormed(value));
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(wellFormed(k))}:${canonicalJson(v)}`).join(",")}}`;
}

// A lone surrogate reads back from a TEXT column as U+FFFD, so hashing it as
// written would make the chain look tampered with on the next verify.
function wellFormed(s: string): string {
  return (s as string & { toWellFormed(): string }).toWellFormed();
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
