// Canonical form of an official contact channel's value, so that one channel is
// stored once however it is written (the registry keeps it in a unique column).
// Provisional: the channel-check work (lookalike issue) refines phone and URL handling.
export type ChannelKind = "email" | "phone" | "url" | "domain" | "social" | "messenger";

export function normalizeChannelValue(kind: ChannelKind, value: string): string {
  const v = value.normalize("NFKC").trim();
  switch (kind) {
    case "email":
      return v.toLowerCase();
    case "phone":
      return "+" + v.replace(/\D+/g, "");
    case "domain":
      return v.toLowerCase().replace(/\.$/, "");
    case "url":
    case "social": {
      try {
        const u = new URL(v);
        return `${u.protocol}//${u.host.toLowerCase().replace(/^www\./, "")}${u.pathname.replace(/\/+$/, "")}`.toLowerCase();
      } catch {
        return v.toLowerCase();
      }
    }
    case "messenger":
      return v.toLowerCase();
  }
}
