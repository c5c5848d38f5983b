// <teammark-badge>: the embeddable "Team" badge, served at /badge.js.
//
//   <script src="https://teammark.example/badge.js" defer></script>
//   <teammark-badge sender-id="7100005" assertion="eyJ…"></teammark-badge>      (assertion from POST /v1/badges/batch)
//   <teammark-badge sender-id="7100005" src="https://teammark.example/v1/badges/Fiverr-Care"></teammark-badge>
//   <teammark-badge sender-id="7100005" assertion="eyJ…" check-status></teammark-badge>      (also asks the revocation list)
//
// It verifies the assertion in the browser with the badge verification client
// (signature against the JWKS next to this script, issuer, audience, expiry,
// and sub = sender-id) and renders the signed, localised label, or nothing.
// With src it fetches the answer itself, and for a sender that imitates an
// official account it renders a warning. With check-status it also consults
// the badge's signed revocation list (Token Status List). A shown badge is checked again when
// its assertion expires (with src, a fresh one is fetched). State is reflected
// in data-state (pending | valid | invalid | warning) and a "teammark-badge" event.
import { createBadgeVerifier, type BadgeVerifier } from "../../badges/client.ts";
import texts from "./badge-text.json" with { type: "json" };

/** Replaced by the server when it serves /badge.js: {"issuer":…,"audience":…,"algorithms":[…]}. */
const SERVED_CONFIG: string = "__TEAMMARK_BADGE_CONFIG__";

type Config = { issuer: string; audience: string; algorithms: ("EdDSA" | "ES256")[] };
type BadgeAnswer = { official: true; assertion: string } | { official: false; resembles?: { target: string | null; verdict: "lookalike" | "brand_impersonation" } };
type State = "pending" | "valid" | "invalid" | "warning";

const CSS = `
:host { display: inline-block; vertical-align: middle; font: inherit; }
:host([data-state=pending]), :host([data-state=invalid]) { display: none; }
.badge { display: inline-flex; align-items: center; gap: .25em; padding: .05em .5em; border-radius: 999px; font-size: .8em; font-weight: 600; line-height: 1.6; white-space: nowrap; }
.team { background: #e6f0fb; color: #0b4f9c; border: 1px solid #0b5cad; }
.warn { background: #fdecec; color: #a4161a; border: 1px solid #a4161a; }
.mark { font-size: .95em; }
bdi { font-family: ui-monospace, Menlo, Consolas, monospace; }`;

const script = document.currentScript as HTMLScriptElement | null;
const scriptUrl = new URL(script?.src || location.href);

function readConfig(): Config | null {
  try {
    return SERVED_CONFIG.startsWith("{") ? (JSON.parse(SERVED_CONFIG) as Config) : null;
  } catch {
    return null;
  }
}

/** The reader's language: the element's or an ancestor's lang, else the browser's. */
function pick(text: Record<string, string>, el: Element): string {
  const lang = (el.closest("[lang]")?.getAttribute("lang") || navigator.language || "en").toLowerCase();
  const own = (k: string) => (Object.hasOwn(text, k) && typeof text[k] === "string" ? text[k] : undefined);
  return own(lang) ?? own(lang.split("-")[0]!) ?? own("en") ?? Object.values(text).find((v) => typeof v === "string") ?? "";
}

function sheet(): CSSStyleSheet | HTMLStyleElement {
  // A constructed sheet is not an inline <style>, so host pages with a strict CSP need no 'unsafe-inline'.
  try {
    const s = new CSSStyleSheet();
    s.replaceSync(CSS);
    return s;
  } catch {
    const el = document.createElement("style");
    el.textContent = CSS;
    return el;
  }
}

/** Two verifiers sharing nothing but settings: offline (signature and exp) and with the revocation list. */
type Verifiers = { offline: BadgeVerifier; withStatus: BadgeVerifier };

function define(verifiers: Verifiers | null) {
  const style = sheet();

  class TeammarkBadge extends HTMLElement {
    static observedAttributes = ["sender-id", "assertion", "src", "lang", "check-status"];
    #root = this.attachShadow({ mode: "open" });
    #run = 0;
    #expiry: ReturnType<typeof setTimeout> | undefined;

    constructor() {
      super();
      if (style instanceof CSSStyleSheet) this.#root.adoptedStyleSheets = [style];
      else this.#root.append(style.cloneNode(true));
    }

    connectedCallback() {
      void this.#update();
    }

    attributeChangedCallback() {
      if (this.isConnected) void this.#update();
    }

    disconnectedCallback() {
      clearTimeout(this.#expiry);
    }

    async #update() {
      const run = ++this.#run;
      clearTimeout(this.#expiry);
      this.#show("pending");
      const senderId = this.getAttribute("sender-id") ?? "";
      try {
        let assertion = this.getAttribute("assertion");
        let answer: BadgeAnswer | null = null;
        const src = this.getAttribute("src");
        if (!assertion && src) {
          const res = await fetch(new URL(src, location.href), { credentials: "omit", headers: { accept: "application/json" } });
          answer = res.ok ? ((await res.json()) as BadgeAnswer) : null;
          assertion = answer?.official ? answer.assertion : null;
        }
        if (run !== this.#run) return;
        if (answer && !answer.official && answer.resembles) return this.#warn(answer.resembles);
        if (!assertion || !senderId || !verifiers) return this.#show("invalid", verifiers ? "no_assertion" : "not_configured");
        // check-status: also ask the signed revocation list, so a suspended account's badge goes before it expires.
        const verifier = this.hasAttribute("check-status") ? verifiers.withStatus : verifiers.offline;
        const verdict = await verifier.verify(assertion, senderId);
        if (run !== this.#run) return;
        if (!verdict.valid) return this.#show("invalid", verdict.reason);
        // Past exp the verifier says "expired"; with src the next check fetches a fresh badge.
        this.#expiry = setTimeout(() => void this.#update(), Math.max(1000, verdict.claims.exp * 1000 - Date.now() + 1000));
        const label = pick(verdict.claims.label, this);
        this.#show("valid", undefined, this.#pill("team", "✓", label, `${label}: ${pick(texts.verified, this)} (@${verdict.claims.handle})`));
      } catch {
        if (run === this.#run) this.#show("invalid", "unavailable");
      }
    }

    #warn(resembles: NonNullable<Extract<BadgeAnswer, { official: false }>["resembles"]>) {
      const text = resembles.target ? pick(texts.imitates, this) : pick(texts.brand, this);
      const [before, after = ""] = text.split("{target}");
      const pill = this.#pill("warn", "!", before ?? "", text.replace("{target}", resembles.target ?? ""));
      if (resembles.target) {
        const target = document.createElement("bdi");
        target.textContent = resembles.target;
        pill.append(target, after);
      }
      this.#show("warning", resembles.verdict, pill);
    }

    #pill(kind: "team" | "warn", mark: string, text: string, accessibleName: string): HTMLElement {
      const pill = document.createElement("span");
      pill.className = `badge ${kind}`;
      pill.setAttribute("part", "badge");
      pill.setAttribute("role", "img");
      pill.setAttribute("aria-label", accessibleName);
      pill.title = accessibleName;
      const m = document.createElement("span");
      m.className = "mark";
      m.setAttribute("aria-hidden", "true");
      m.textContent = mark;
      pill.append(m, text);
      return pill;
    }

    #show(state: State, reason?: string, content?: HTMLElement) {
      this.dataset.state = state;
      if (reason) this.dataset.reason = reason;
      else delete this.dataset.reason;
      for (const child of [...this.#root.childNodes]) if (!(child instanceof HTMLStyleElement)) child.remove();
      if (content) this.#root.append(content);
      if (state !== "pending") this.dispatchEvent(new CustomEvent("teammark-badge", { bubbles: true, detail: { state, reason: reason ?? null } }));
    }
  }

  if (!customElements.get("teammark-badge")) customElements.define("teammark-badge", TeammarkBadge);
}

const config = readConfig();
function verifiers(c: Config): Verifiers {
  const options = { jwksUrl: new URL("/.well-known/jwks.json", scriptUrl), issuer: c.issuer, audience: c.audience, algorithms: c.algorithms };
  return { offline: createBadgeVerifier(options), withStatus: createBadgeVerifier({ ...options, checkStatus: true }) };
}

define(config ? verifiers(config) : null);
