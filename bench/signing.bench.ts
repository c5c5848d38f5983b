// Badge signing and verification per operation, for EdDSA (Ed25519) and ES256
// (P-256): signBadge with a realistic claim set, and the verification client's
// full check (jose jwtVerify against a local JWKS, typ/alg/iss/aud/exp/nbf,
// claim shape, sub = sender). Figures are medians over repeated runs.
import { createLocalJWKSet } from "jose";
import type { Figure } from "./run.ts";
import { generateBadgeKey } from "../src/badges/key-set.ts";
import { createKeyStore } from "../src/badges/key-store.ts";
import { signBadge } from "../src/badges/sign.ts";
import { verifyBadge } from "../src/badges/client.ts";
import { defaultPlatform, defaultRegistry } from "../src/registry/seed-data.ts";

const RUNS = Number(process.env.BENCH_SIGNING_RUNS ?? 9);
const OPS = Number(process.env.BENCH_SIGNING_OPS ?? 400);
const ISS = "https://teammark.example";
const AUD = "teammark-badge";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeOps(n: number, op: (i: number) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await op(i);
  return ((performance.now() - t0) * 1000) / n; // µs per op
}

export async function bench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const account = defaultRegistry.accounts.find((a) => a.handle === "Fiverr-Care")!;
  for (const alg of ["EdDSA", "ES256"] as const) {
    const keySet = [await generateBadgeKey(alg, 0)];
    const store = createKeyStore(() => keySet, { retainSeconds: 3600 });
    const now = new Date();
    const signer = await store.signer(now);
    const keys = createLocalJWKSet(await store.jwks(now));
    const iat = Math.floor(now.getTime() / 1000);
    const sign = (i: number) =>
      signBadge(
        signer,
        { iss: ISS, sub: account.platformUserId, aud: AUD, iat, ttlSeconds: 600, jti: `bdg_${i}` },
        { handle: account.handle, team: account.team, purpose: account.purpose, label: defaultPlatform.badgeLabel, status: { status_list: { idx: i % 1000, uri: `${ISS}/v1/status-lists/1` } } },
      );
    const tokens = await Promise.all(Array.from({ length: OPS }, (_, i) => sign(i)));
    const policy = { keys, issuer: ISS, audience: AUD, algorithms: [alg], clockToleranceSec: 30, currentDate: now };
    const verify = async (i: number) => {
      const r = await verifyBadge(tokens[i]!, account.platformUserId, policy);
      if (!r.valid) throw new Error(`bench token did not verify: ${r.reason}`);
    };
    await timeOps(OPS, sign); // warm up
    await timeOps(OPS, verify);
    const signUs: number[] = [];
    const verifyUs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      signUs.push(await timeOps(OPS, sign));
      verifyUs.push(await timeOps(OPS, verify));
    }
    const s = median(signUs);
    const v = median(verifyUs);
    figures.push({ name: `${alg} badge sign`, value: s, unit: "µs/op" });
    figures.push({ name: `${alg} badge sign`, value: Math.round(1e6 / s), unit: "ops/s" });
    figures.push({ name: `${alg} badge verify`, value: v, unit: "µs/op", note: "client check: signature and claims" });
    figures.push({ name: `${alg} badge verify`, value: Math.round(1e6 / v), unit: "ops/s" });
  }
  return figures;
}
