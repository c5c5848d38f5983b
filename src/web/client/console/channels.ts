// Channels panel: the official e-mail addresses, phone numbers, sites and
// profiles; create, edit and retire, each with a reason and the record's ETag.
import { h, replaceChildren } from "../dom.ts";
import type { Api } from "./api.ts";
import { editorForm, onSave, onSaveChanges, reloadList, type EditorHost } from "./editor.ts";
import { readAll, readForEdit, type Channel } from "./records.ts";
import { field, input, purposeFields, select, textarea } from "./ui.ts";

const KINDS = ["email", "phone", "url", "domain", "social", "messenger"];
const STATUSES = ["active", "retired"];

export function channelsPanel(api: Api, root: HTMLElement) {
  let channels: Channel[] = [];
  const messages = h("div", { "aria-live": "polite" });
  const search = h("input", { type: "search", id: "channel-search", placeholder: "address or purpose", autocomplete: "off" });
  const tbody = h("tbody");
  const editor = h("div");

  function renderRows() {
    const q = search.value.trim().toLowerCase();
    const shown = channels.filter((c) => !q || [c.value, c.kind, ...Object.values(c.purpose)].some((v) => v.toLowerCase().includes(q)));
    replaceChildren(
      tbody,
      shown.map((c) =>
        h(
          "tr",
          {},
          h("td", {}, c.kind),
          h("th", { scope: "row" }, h("bdi", { class: "literal", dir: "ltr" }, c.value)),
          h("td", {}, c.purpose.en ?? Object.values(c.purpose)[0] ?? ""),
          h("td", {}, h("span", { class: `status-${c.status}` }, c.status)),
          h("td", {}, h("button", { type: "button", class: "secondary", "aria-label": `Edit ${c.value}`, onclick: () => void openEditor(c.id) }, "Edit")),
        ),
      ),
    );
  }

  const refresh = () =>
    reloadList(() => readAll<Channel>(api, "/v1/channels"), messages, (items) => {
      channels = items;
      renderRows();
    });
  const host: EditorHost = { editor, messages, refresh };

  async function openEditor(id: string) {
    const read = await readForEdit<Channel>(api, `/v1/channels/${encodeURIComponent(id)}`, messages);
    if (!read) return;
    const { current, etag } = read;
    const value = input("value", current.value, { required: true, dir: "ltr" });
    const purpose = purposeFields(current.purpose);
    const status = select("status", STATUSES, current.status);
    const reason = textarea("reason", "", { required: true, minlength: "3" });
    const form = editorForm(host, {
      label: `Edit ${current.value}`,
      heading: [`Edit ${current.kind} channel `, h("bdi", {}, current.value)],
      fields: [field("Address", value), field("Status", status), field("Reason", reason, "Why; kept in the audit log")],
      purposeRows: purpose.rows,
      submit: "Save",
    });
    onSaveChanges<Channel>(form, host, api, {
      path: `/v1/channels/${encodeURIComponent(current.id)}`,
      current,
      etag,
      next: () => ({ value: value.value.trim(), purpose: purpose.read(), status: status.value as Channel["status"] }),
      reason: () => reason.value.trim(),
      done: () => `Saved ${current.kind} channel.`,
      reopen: () => void openEditor(current.id),
    });
    replaceChildren(editor, form);
    value.focus();
  }

  function openCreate() {
    const kind = select("kind", KINDS, "email");
    const value = input("value", "", { required: true, dir: "ltr" });
    const purpose = purposeFields({});
    const reason = textarea("reason", "", { required: true, minlength: "3" });
    const form = editorForm(host, {
      label: "New channel",
      heading: ["New official channel"],
      fields: [field("Kind", kind), field("Address", value), field("Reason", reason)],
      purposeRows: purpose.rows,
      submit: "Create",
    });
    onSave(form, host, async () => {
      await api.post<Channel>("/v1/channels", { kind: kind.value, value: value.value.trim(), purpose: purpose.read(), reason: reason.value.trim() });
      return "Channel created.";
    });
    replaceChildren(editor, form);
    kind.focus();
  }

  search.addEventListener("input", renderRows);
  replaceChildren(
    root,
    h("h2", {}, "Channels"),
    h("div", { class: "toolbar" }, h("label", { for: search.id }, "Search"), search, h("button", { type: "button", onclick: openCreate }, "New channel")),
    messages,
    editor,
    h("table", {}, h("thead", {}, h("tr", {}, ["Kind", "Address", "Purpose", "Status", ""].map((c) => h("th", { scope: "col" }, c)))), tbody),
  );
  return { refresh };
}
