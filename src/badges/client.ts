// The badge verification client for the messaging frontend (and any backend
// that runs jose). Pure: it imports only jose and uses fetch and Web Crypto, so
// the same file runs in browsers, Node and Workers.
//
//   const verifier = createBadgeVerifier({ jwksUrl: "https://teammark.example/.well-known/jwks.json",
//     issuer: "https://teammark.example", audience: "teammark-badge" });
//   const r = await verifier.verify(answer.assertion, message.senderId);
//   if (r.valid) showTeamBadge(r.claims.label);
//
// It accepts only the configured algorithms and `typ`, checks iss, aud, exp and
// nbf (at most 60 s of clock tolerance) and requires `sub` to be the sender the
// UI renders, so a badge cannot be replayed next to somebody else's name.
import { base64url, createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from "jose";

// What a Team badge and a message attestation say: shared with the server that signs them,
// kept in this file so the frontend needs nothing but this module and jose.

/** JOSE `typ` of a badge assertion: a verifier refuses any other token presented as a badge. */
export const BADGE_TYP = "team-badge+jwt";
/** JOSE `typ` of a message attestation, so an attestation can never pass as a badge or the reverse. */
export const ATTESTATION_TYP = "team-attestation+jwt";

export const BADGE_ALGORITHMS = ["EdDSA", "ES256"] as const;
export type BadgeAlgorithm = (typeof BADGE_ALGORITHMS)[number];

/** Text per BCP 47 language tag, e.g. { en: "Fiverr Team", de: "Fiverr-Team" }. */
export type LocalizedText = Record<string, string>;

export type StatusReference = { status_list: { idx: number; uri: string } };

/** The registered claims every teammark assertion carries. */
type SignedClaims = {
  iss: string;
  /** The platform user id of the official account: what the UI compares with the sender it renders. */
  sub: string;
  aud: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
};

export type BadgeClaims = SignedClaims & {
  handle: string;
  team: string;
  purpose: LocalizedText;
  /** The badge text to show, per language. */
  label: LocalizedText;
  status: StatusReference;
};

export type AttestationClaims = SignedClaims & {
  conversationId: string;
  messageId: string;
  /** Hex SHA-256 of the message text as UTF-8. */
  textSha256: string;
};

export type BadgeRejection =
  | "malformed"
  | "bad_signature"
  | "unknown_kid"
  | "wrong_typ"
  | "wrong_alg"
  | "expired"
  | "not_yet_valid"
  | "wrong_issuer"
  | "wrong_audience"
  | "wrong_sender"
  /** Only from the server (POST /v1/badges/verify): the account is suspended or retired. */
  | "revoked";

export type AttestationRejection = BadgeRejection | "wrong_conversation" | "wrong_message" | "text_mismatch";

export type Verdict<C, R> = { valid: true; claims: C } | { valid: false; reason: R };

export const MAX_CLOCK_TOLERANCE_SEC = 60;

export type BadgeVerdict = Verdict<BadgeClaims, BadgeRejection>;
export type AttestationVerdict = Verdict<AttestationClaims, AttestationRejection>;

/** What a verifier needs besides the token: whose keys, which issuer and audience, which algorithms. */
export type VerifyPolicy = {
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  algorithms: readonly BadgeAlgorithm[];
  clockToleranceSec: number;
  currentDate?: Date;
};

/** The message an attestation is checked against: what the UI is about to render. */
export type AttestedMessage = { senderId: string; conversationId: string; messageId: string; text: string };

export type BadgeVerifierOptions = {
  jwksUrl: string | URL;
  issuer: string;
  audience: string;
  /** Accepted signature algorithms; default ["EdDSA"] (the server's default key type). */
  algorithms?: BadgeAlgorithm[];
  /** Allowed clock skew in seconds, 0..60; default 30. */
  clockToleranceSec?: number;
  fetch?: typeof fetch;
  /** How long a fetched key set is used before it is fetched again; default 5 minutes (the JWKS max-age). */
  cacheMaxAgeMs?: number;
  /** Least time between two fetches triggered by an unknown kid; default 30 s. */
  cooldownMs?: number;
  /**
   * Also consult the badge's Token Status List (fetched once per list and then
   * reused for the list's `ttl`): a suspended or retired account's badge is then
   * `revoked` before it expires. Default false: offline checks, bounded by exp.
   */
  checkStatus?: boolean;
  /** The current time (tests); default the system clock. */
  now?: () => Date;
};

export type BadgeVerifier = {
  /** Checks a badge assertion for the sender the UI renders. Throws only when no key set (or a needed status list) can be fetched. */
  verify(assertion: string, senderId: string): Promise<BadgeVerdict>;
  /** Checks a message attestation against the message as rendered (the text hash is recomputed). */
  verifyAttestation(attestation: string, message: AttestedMessage): Promise<AttestationVerdict>;
};

export function createBadgeVerifier(opts: BadgeVerifierOptions): BadgeVerifier {
  const clockToleranceSec = opts.clockToleranceSec ?? 30;
  if (!(clockToleranceSec >= 0 && clockToleranceSec <= MAX_CLOCK_TOLERANCE_SEC)) {
    throw new RangeError(`clockToleranceSec must be between 0 and ${MAX_CLOCK_TOLERANCE_SEC}`);
  }
  const algorithms = opts.algorithms ?? ["EdDSA"];
  if (algorithms.length === 0 || algorithms.some((a) => a !== "EdDSA" && a !== "ES256")) throw new RangeError("algorithms must be EdDSA and/or ES256");
  const now = opts.now ?? (() => new Date());
  const keys = remoteKeySet(new URL(opts.jwksUrl), { fetch: opts.fetch ?? globalThis.fetch.bind(globalThis), cacheMaxAgeMs: opts.cacheMaxAgeMs ?? 300_000, cooldownMs: opts.cooldownMs ?? 30_000, now });
  const policy = () => ({ keys, issuer: opts.issuer, audience: opts.audience, algorithms, clockToleranceSec, currentDate: now() });
  const statuses = opts.checkStatus ? statusLists(opts.fetch ?? globalThis.fetch.bind(globalThis), policy) : undefined;
  return {
    verify: async (assertion, senderId) => {
      const r = await verifyBadge(assertion, senderId, policy());
      if (!r.valid || !statuses) return r;
      const status = await statuses(r.claims.status.status_list);
      return status === "valid" ? r : { valid: false, reason: status };
    },
    verifyAttestation: (attestation, message) => verifyAttestation(attestation, message, policy()),
  };
}

/** Badge verification against any key set (the server uses its own published keys). */
export async function verifyBadge(assertion: string, senderId: string, policy: VerifyPolicy): Promise<BadgeVerdict> {
  const r = await verifyJws(assertion, BADGE_TYP, policy);
  if (!r.valid) return r;
  const claims = r.payload;
  if (!isBadgeClaims(claims)) return { valid: false, reason: "malformed" };
  if (claims.sub !== senderId) return { valid: false, reason: "wrong_sender" };
  return { valid: true, claims };
}

export async function verifyAttestation(attestation: string, message: AttestedMessage, policy: VerifyPolicy): Promise<AttestationVerdict> {
  const r = await verifyJws(attestation, ATTESTATION_TYP, policy);
  if (!r.valid) return r;
  const claims = r.payload;
  if (!isAttestationClaims(claims)) return { valid: false, reason: "malformed" };
  if (claims.sub !== message.senderId) return { valid: false, reason: "wrong_sender" };
  if (claims.conversationId !== message.conversationId) return { valid: false, reason: "wrong_conversation" };
  if (claims.messageId !== message.messageId) return { valid: false, reason: "wrong_message" };
  if (claims.textSha256 !== (await sha256Hex(message.text))) return { valid: false, reason: "text_mismatch" };
  return { valid: true, claims };
}

/** Hex SHA-256 of the UTF-8 text: what an attestation's textSha256 holds. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  let hex = "";
  for (const b of digest) hex += b.toString(16).padStart(2, "0");
  return hex;
}

type JwsResult = { valid: true; payload: JWTPayload } | { valid: false; reason: BadgeRejection };

async function verifyJws(token: string, typ: string, policy: VerifyPolicy): Promise<JwsResult> {
  if (typeof token !== "string" || token.length > 16_384 || !/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) return { valid: false, reason: "malformed" };
  try {
    const { payload } = await jwtVerify(token, policy.keys, {
      typ,
      issuer: policy.issuer,
      audience: policy.audience,
      algorithms: [...policy.algorithms],
      clockTolerance: policy.clockToleranceSec,
      requiredClaims: ["iss", "sub", "aud", "iat", "nbf", "exp", "jti"],
      ...(policy.currentDate ? { currentDate: policy.currentDate } : {}),
    });
    return { valid: true, payload };
  } catch (err) {
    const reason = rejectionOf(err);
    if (reason) return { valid: false, reason };
    throw err;
  }
}

/** jose's error for a refused token, as a reason; undefined for errors that are not about the token (network). */
function rejectionOf(err: unknown): BadgeRejection | undefined {
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) return "wrong_alg";
  if (err instanceof errors.JWSSignatureVerificationFailed) return "bad_signature";
  if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) return "unknown_kid";
  if (err instanceof errors.JWTExpired) return "expired";
  if (err instanceof errors.JWTClaimValidationFailed) {
    const byClaim: Record<string, BadgeRejection> = { typ: "wrong_typ", iss: "wrong_issuer", aud: "wrong_audience", nbf: "not_yet_valid" };
    return byClaim[err.claim] ?? "malformed";
  }
  if (err instanceof errors.JOSEError) return "malformed";
  return undefined;
}

function isText(v: unknown): v is Record<string, string> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");
}

function isBadgeClaims(p: JWTPayload): p is JWTPayload & BadgeClaims {
  const s = (p as { status?: { status_list?: { idx?: unknown; uri?: unknown } } }).status?.status_list;
  return (
    typeof p.sub === "string" && typeof p.jti === "string" && typeof p.handle === "string" && typeof p.team === "string" &&
    isText(p.purpose) && isText(p.label) && Number.isInteger(s?.idx) && typeof s?.uri === "string"
  );
}

function isAttestationClaims(p: JWTPayload): p is JWTPayload & AttestationClaims {
  return typeof p.sub === "string" && typeof p.conversationId === "string" && typeof p.messageId === "string" && typeof p.textSha256 === "string";
}

/**
 * A JWKS fetched from `url` and cached for cacheMaxAgeMs. A kid it does not
 * know triggers one refetch (a key published since the last fetch), at most
 * once per cooldown, so a stream of forged kids cannot make it hammer the server.
 * When a refresh fails, the keys fetched before stay in use (a retired key is
 * published until its signatures expire anyway) and the next attempt waits for
 * the cooldown; only a first fetch that fails makes verification throw.
 */
function remoteKeySet(url: URL, opts: { fetch: typeof fetch; cacheMaxAgeMs: number; cooldownMs: number; now: () => Date }): JWTVerifyGetKey {
  let local: JWTVerifyGetKey | undefined;
  let fetchedAt = -Infinity;
  let inFlight: Promise<void> | undefined;

  const reload = () =>
    (inFlight ??= (async () => {
      try {
        // Keys are never taken from a redirect target: "manual" hands back the 3xx (or, in browsers, an
        // opaque redirect) and the !res.ok check refuses it. ("error" would do the same, but workerd rejects it.)
        const res = await opts.fetch(url, { headers: { accept: "application/json" }, redirect: "manual", signal: AbortSignal.timeout(5000) });
        if (!res.ok) throw new Error(`JWKS ${url.href} answered ${res.status}`);
        const body = (await res.json()) as JSONWebKeySet;
        if (!body || !Array.isArray(body.keys)) throw new Error(`JWKS ${url.href} has no keys array`);
        // A public key set never carries private members; refuse to use one that does.
        const keys = body.keys.filter((k) => typeof k === "object" && k !== null && !("d" in k));
        local = createLocalJWKSet({ keys });
        fetchedAt = opts.now().getTime();
      } catch (err) {
        if (!local) throw err;
        fetchedAt = Math.max(fetchedAt, opts.now().getTime() - opts.cacheMaxAgeMs + opts.cooldownMs);
      } finally {
        inFlight = undefined;
      }
    })());

  return async (header, token) => {
    if (!local || opts.now().getTime() - fetchedAt >= opts.cacheMaxAgeMs) await reload();
    try {
      return await local!(header, token);
    } catch (err) {
      if (!(err instanceof errors.JWKSNoMatchingKey) || opts.now().getTime() - fetchedAt < opts.cooldownMs) throw err;
      await reload();
      return local!(header, token);
    }
  };
}

/** Status of status-list entries, each list fetched, verified and decoded once per its `ttl`. */
function statusLists(fetchImpl: typeof fetch, policy: () => VerifyPolicy) {
  const lists = new Map<string, { bits: Promise<Uint8Array>; until: number }>();
  const load = async (uri: string): Promise<{ bits: Uint8Array; until: number }> => {
    const res = await fetchImpl(uri, { headers: { accept: "application/statuslist+jwt" }, redirect: "manual", signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`status list ${uri} answered ${res.status}`);
    const p = policy();
    const { payload } = await jwtVerify(await res.text(), p.keys, {
      typ: "statuslist+jwt",
      issuer: p.issuer,
      subject: uri,
      algorithms: [...p.algorithms],
      clockTolerance: p.clockToleranceSec,
      requiredClaims: ["exp", "iat"],
      ...(p.currentDate ? { currentDate: p.currentDate } : {}),
    });
    const list = payload.status_list as { bits?: unknown; lst?: unknown } | undefined;
    if (list?.bits !== 1 || typeof list.lst !== "string") throw new Error(`status list ${uri} is not a 1-bit list`);
    const ttl = typeof payload.ttl === "number" && payload.ttl > 0 ? payload.ttl : 60;
    const stream = new Blob([base64url.decode(list.lst) as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate"));
    const bits = new Uint8Array(await new Response(stream).arrayBuffer());
    const nowSec = Math.floor((p.currentDate ?? new Date()).getTime() / 1000);
    return { bits, until: Math.min(payload.exp!, nowSec + ttl) };
  };
  return async (ref: { idx: number; uri: string }): Promise<"valid" | "revoked" | "malformed"> => {
    // Only lists published by the issuer count; a signed claim pointing elsewhere is a fault, not a status.
    if (!sameOrigin(ref.uri, policy().issuer) || !Number.isInteger(ref.idx) || ref.idx < 0) return "malformed";
    const nowSec = Math.floor((policy().currentDate ?? new Date()).getTime() / 1000);
    let entry = lists.get(ref.uri);
    if (!entry || nowSec >= entry.until) {
      const loading = load(ref.uri);
      entry = { bits: loading.then((l) => l.bits), until: Infinity };
      lists.set(ref.uri, entry);
      const cached = entry;
      loading.then((l) => (cached.until = l.until), () => lists.delete(ref.uri));
    }
    const bits = await entry.bits;
    return ((bits[ref.idx >> 3] ?? 0) >> (ref.idx & 7)) & 1 ? "revoked" : "valid";
  };
}

function sameOrigin(uri: string, issuer: string): boolean {
  try {
    return new URL(uri).origin === new URL(issuer).origin;
  } catch {
    return false;
  }
}
