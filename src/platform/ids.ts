// Opaque, URL-safe identifiers with a readable prefix ("acc_…", "chn_…", "evt_…").
export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return `${prefix}_${s}`;
}
