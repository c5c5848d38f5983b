// Names written after an "@" that are no e-mail address: social handles ("@fiverr_support") and
// UPI-style payment ids ("rahul.design@okaxis", a bank but no domain). Both give way to a link or
// an address found over the same text.
import { toOriginal, type Mapped } from "../normalize.ts";
import { LINKS, overlaps, push, type Found } from "./found.ts";
import { MAX_MATCHES, eachMatch } from "./matches.ts";

// ---- handles ----
const HANDLE = /(?<![\p{L}\p{N}_.@])@\s?([\p{L}\p{N}_](?:[\p{L}\p{N}_.]{1,30}[\p{L}\p{N}_]))/gu;
export function findHandles(text: string, a: Mapped, out: Found): void {
  if (!text.includes("@")) return;
  eachMatch(text, HANDLE, (m) => {
    const [s, e] = toOriginal(a, m.index, m.index + m[0].length);
    if (overlaps(out, s, e, LINKS)) return;
    push(out, a, m.index, m.index + m[0].length, "handle", m[1]!.toLowerCase());
  });
}

// ---- payment ids: UPI-style name@bank without a domain (rahul.design@okaxis) ----
const PAYMENT_ID = /(?<![\p{L}\p{N}_.@])([\p{L}\p{N}][\p{L}\p{N}._\-]{1,40})@([a-z]{2,20})(?![\p{L}\p{N}.@])/giuy;
export function findPaymentIds(text: string, a: Mapped, out: Found): void {
  // Anchored at each "@" (a regex would try every position of the text as a name's start).
  for (let at = text.indexOf("@"), n = 0; at >= 0 && n < MAX_MATCHES; at = text.indexOf("@", at + 1), n++) {
    let from = at;
    while (from > 0 && from > at - 41 && ID_CHAR.test(text[from - 1]!)) from--;
    PAYMENT_ID.lastIndex = from;
    const m = PAYMENT_ID.exec(text);
    if (!m || m.index !== from) continue;
    const [s, e] = toOriginal(a, m.index, m.index + m[0].length);
    if (overlaps(out, s, e, LINKS)) continue;
    push(out, a, m.index, m.index + m[0].length, "payment_id", m[0].toLowerCase());
  }
}
const ID_CHAR = /^[\p{L}\p{N}._\-]$/u;
