// Crypto wallet addresses: bech32 Bitcoin, base58check Bitcoin and Tron, and Ethereum. The
// checksummed ones count only when their checksum holds (memoised per scanner: each costs two
// SHA-256s); an Ethereum address has none, its shape is all there is.
import type { Mapped } from "../normalize.ts";
import { memoised } from "./anchors.ts";
import { base58check, bech32Valid } from "./checksums.ts";
import type { DetectorContext } from "./context.ts";
import { push, type Found } from "./found.ts";
import { eachMatch } from "./matches.ts";

// ---- crypto ----
const BECH32_ADDR = /(?<![\p{L}\p{N}])(?:bc1|tb1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{11,71}(?![\p{L}\p{N}])/gu;
const BASE58_ADDR = /(?<![\p{L}\p{N}])[13T][1-9A-HJ-NP-Za-km-z]{25,34}(?![\p{L}\p{N}])/gu;
const ETH_ADDR = /(?<![\p{L}\p{N}])0x[0-9a-fA-F]{40}(?![\p{L}\p{N}])/gu;
export function findCrypto(text: string, a: Mapped, out: Found, ctx: DetectorContext): void {
  eachMatch(text, BECH32_ADDR, (m) => {
    if (memoised(ctx.wallets, m[0], bech32Valid)) push(out, a, m.index, m.index + m[0].length, "crypto", m[0].toLowerCase(), { detail: "btc" });
  });
  eachMatch(text, BASE58_ADDR, (m) => {
    const detail = memoised(ctx.base58, m[0], base58Network);
    if (detail) push(out, a, m.index, m.index + m[0].length, "crypto", m[0], { detail });
  });
  eachMatch(text, ETH_ADDR, (m) => {
    push(out, a, m.index, m.index + m[0].length, "crypto", m[0].toLowerCase(), { detail: "eth" });
  });
}

/** The network of a base58check address with a valid checksum ("btc" | "tron"), "" for none. */
function base58Network(address: string): string {
  const payload = base58check(address);
  if (!payload || payload.length !== 21) return "";
  const version = payload[0]!;
  return version === 0x41 ? "tron" : version === 0 || version === 5 ? "btc" : "";
}
