// Badge keys panel (admins): the signing keys with their phases, and rotation
// with a reason (POST /v1/admin/badge-keys/rotate, audited).
import { h, replaceChildren } from "../dom.ts";
import { problemMessage, type Api } from "./api.ts";
import { field, notify, textarea } from "./ui.ts";

type KeyPhase = { kid: string; alg: string; phase: string; activatesAt: string; publishedUntil?: string };

export function keysPanel(api: Api, root: HTMLElement) {
  const messages = h("div", { "aria-live": "polite" });
  const tbody = h("tbody");
  const reason = textarea("reason", "", { required: true, minlength: "3" });
  const form = h(
    "form",
    { class: "panel", "aria-label": "Rotate the signing key" },
    h("h3", {}, "Rotate"),
    h("p", { class: "small" }, "The new key is published in /.well-known/jwks.json now and starts signing after the publish delay, so every cached key set knows it first. The old key stays published until everything it signed has expired."),
    h("div", { class: "fields" }, field("Reason", reason, "Why; kept in the audit log")),
    h("div", { class: "toolbar" }, h("button", { type: "submit", class: "danger" }, "Rotate signing key")),
  );

  function render(keys: KeyPhase[]) {
    replaceChildren(
      tbody,
      keys.map((k) => h("tr", { "data-phase": k.phase }, h("td", { class: "mono" }, k.kid), h("td", {}, k.alg), h("td", {}, k.phase), h("td", {}, k.activatesAt.slice(0, 16).replace("T", " ")), h("td", {}, k.publishedUntil?.slice(0, 16).replace("T", " ") ?? "—"))),
    );
  }

  async function refresh() {
    try {
      render((await api.get<{ keys: KeyPhase[] }>("/v1/admin/badge-keys")).body.keys);
    } catch (err) {
      notify(messages, "error", problemMessage(err));
    }
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const { body } = await api.post<{ added: KeyPhase; keys: KeyPhase[] }>("/v1/admin/badge-keys/rotate", { reason: reason.value.trim() });
      reason.value = "";
      notify(messages, "info", `Added key ${body.added.kid}: published now, signs from ${body.added.activatesAt.slice(0, 16).replace("T", " ")} UTC.`);
      render(body.keys);
    } catch (err) {
      notify(messages, "error", problemMessage(err));
    }
  });

  replaceChildren(
    root,
    h("h2", {}, "Badge signing keys"),
    messages,
    h("table", { id: "keys-table" }, h("thead", {}, h("tr", {}, ["Key id", "Algorithm", "Phase", "Signs from (UTC)", "Published until (UTC)"].map((c) => h("th", { scope: "col" }, c)))), tbody),
    form,
  );
  return { refresh };
}
