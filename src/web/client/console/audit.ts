// Audit panel: the hash chain's verification status and the change history,
// newest first, with what each event changed.
import { h, replaceChildren } from "../dom.ts";
import { problemMessage, type Api } from "./api.ts";
import { notify } from "./ui.ts";

type AuditEvent = { seq: number; at: string; actor: string; action: string; entityType: string; entityId: string; before: unknown; after: unknown; reason: string; hash: string };
type Verification = { intact: boolean; events: number; headHash?: string; firstBroken?: { seq: number; id: string; problem: string } };

/** The top-level fields an event changed, "team: A → B"; a new record is just "created". */
export function changes(before: unknown, after: unknown): string[] {
  if (before === null || before === undefined) return ["created"];
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const skip = new Set(["version", "updatedAt", "createdAt", "handleKey", "normalizedValue"]);
  const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => !skip.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${k}: ${show(b[k])} → ${show(a[k])}`);
}

/** A readable name for the record an event is about: the handle or address, else its id. */
function recordName(e: AuditEvent): string {
  const state = (e.after ?? e.before ?? {}) as { handle?: unknown; value?: unknown };
  return typeof state.handle === "string" ? state.handle : typeof state.value === "string" ? state.value : e.entityType;
}

export function auditPanel(api: Api, root: HTMLElement) {
  const messages = h("div", { "aria-live": "polite" });
  const chain = h("p", { id: "chain-status", class: "chain", role: "status" }, "Checking the chain…");
  const tbody = h("tbody");
  const more = h("button", { type: "button", class: "secondary", hidden: true }, "Older events");
  let cursor: string | undefined;

  async function verify() {
    try {
      const { body } = await api.get<Verification>("/v1/audit/verify");
      chain.className = `chain ${body.intact ? "ok" : "bad"}`;
      chain.textContent = body.intact
        ? `✓ Chain intact: ${body.events} events, head ${body.headHash?.slice(0, 16) ?? "—"}…`
        : `✗ Chain broken at event #${body.firstBroken?.seq}: ${body.firstBroken?.problem}`;
    } catch (err) {
      chain.className = "chain bad";
      chain.textContent = problemMessage(err);
    }
  }

  function row(e: AuditEvent) {
    return h(
      "tr",
      { "data-seq": e.seq },
      h("td", {}, String(e.seq)),
      h("td", {}, h("time", { datetime: e.at }, e.at.replace("T", " ").slice(0, 16))),
      h("td", {}, e.actor),
      h("td", { class: "mono" }, e.action),
      h("td", {}, h("bdi", { class: "literal" }, recordName(e)), h("div", { class: "small mono" }, e.entityId)),
      h("td", {}, e.reason),
      h("td", { class: "small" }, changes(e.before, e.after).map((c) => h("div", {}, c))),
    );
  }

  async function load(reset: boolean) {
    try {
      if (reset) {
        cursor = undefined;
        replaceChildren(tbody);
      }
      const { body } = await api.get<{ items: AuditEvent[]; nextCursor?: string }>(`/v1/audit?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      tbody.append(...body.items.map(row));
      cursor = body.nextCursor;
      more.hidden = !cursor;
    } catch (err) {
      notify(messages, "error", problemMessage(err));
    }
  }

  more.addEventListener("click", () => void load(false));
  replaceChildren(
    root,
    h("h2", {}, "Audit log"),
    h("div", { class: "toolbar" }, chain, h("button", { type: "button", class: "secondary", onclick: () => void refresh() }, "Refresh")),
    messages,
    h("div", { class: "scroll" }, h("table", { id: "audit-table" }, h("thead", {}, h("tr", {}, ["#", "When (UTC)", "Actor", "Action", "Record", "Reason", "Changes"].map((c) => h("th", { scope: "col" }, c)))), tbody)),
    more,
  );
  async function refresh() {
    await Promise.all([verify(), load(true)]);
  }
  return { refresh };
}
