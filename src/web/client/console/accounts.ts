// Accounts panel: list and search, create, edit fields, suspend / retire /
// reactivate through the status field; every write asks for a reason and
// sends the ETag read when the editor opened.
import { h, replaceChildren } from "../dom.ts";
import type { Api } from "./api.ts";
import { editorForm, onSave, onSaveChanges, reloadList, type EditorHost } from "./editor.ts";
import { readAll, readForEdit, type Account } from "./records.ts";
import { field, input, purposeFields, select, textarea } from "./ui.ts";

const STATUSES = ["active", "suspended", "retired"];

export function accountsPanel(api: Api, root: HTMLElement) {
  let accounts: Account[] = [];
  const messages = h("div", { "aria-live": "polite" });
  const search = h("input", { type: "search", id: "account-search", placeholder: "handle, team or user id", autocomplete: "off" });
  const statusFilter = h("select", { id: "account-status" }, h("option", { value: "" }, "any status"), STATUSES.map((s) => h("option", { value: s }, s)));
  const tbody = h("tbody");
  const editor = h("div");

  const matches = (a: Account) => {
    const q = search.value.trim().toLowerCase();
    return (!statusFilter.value || a.status === statusFilter.value) && (!q || [a.handle, a.team, a.platformUserId, a.displayName].some((v) => v.toLowerCase().includes(q)));
  };

  function renderRows() {
    replaceChildren(
      tbody,
      accounts.filter(matches).map((a) =>
        h(
          "tr",
          { "data-handle": a.handle },
          h("th", { scope: "row" }, h("bdi", { class: "literal" }, a.handle)),
          h("td", {}, a.team),
          h("td", {}, h("span", { class: `status-${a.status}` }, a.status)),
          h("td", { class: "mono" }, a.platformUserId),
          h("td", {}, String(a.version)),
          h("td", {}, h("button", { type: "button", class: "secondary", "aria-label": `Edit ${a.handle}`, onclick: () => void openEditor(a.id) }, "Edit")),
        ),
      ),
    );
  }

  const refresh = () =>
    reloadList(() => readAll<Account>(api, "/v1/accounts"), messages, (items) => {
      accounts = items;
      renderRows();
    });
  const host: EditorHost = { editor, messages, refresh };

  async function openEditor(id: string) {
    const read = await readForEdit<Account>(api, `/v1/accounts/${encodeURIComponent(id)}`, messages);
    if (!read) return;
    const { current, etag } = read;
    const handle = input("handle", current.handle, { required: true });
    const displayName = input("displayName", current.displayName);
    const platformUserId = input("platformUserId", current.platformUserId, { required: true });
    const team = input("team", current.team, { required: true });
    const purpose = purposeFields(current.purpose);
    const status = select("status", STATUSES, current.status);
    const reason = textarea("reason", "", { required: true, minlength: "3" });
    const form = editorForm(host, {
      label: `Edit ${current.handle}`,
      heading: ["Edit ", h("bdi", {}, current.handle), " ", h("span", { class: "small" }, `version ${current.version}`)],
      fields: [field("Handle", handle), field("Display name", displayName), field("Platform user id", platformUserId), field("Team", team), field("Status", status, "suspended: temporarily not official; retired: no longer official (kept in history)"), field("Reason", reason, "Why; kept in the audit log")],
      purposeRows: purpose.rows,
      submit: "Save",
    });
    onSaveChanges<Account>(form, host, api, {
      path: `/v1/accounts/${encodeURIComponent(current.id)}`,
      current,
      etag,
      next: () => ({ handle: handle.value.trim(), displayName: displayName.value.trim(), platformUserId: platformUserId.value.trim(), team: team.value.trim(), purpose: purpose.read(), status: status.value as Account["status"] }),
      reason: () => reason.value.trim(),
      done: (saved) => `Saved ${saved.handle} (version ${saved.version}).`,
      reopen: () => void openEditor(current.id),
    });
    replaceChildren(editor, form);
    handle.focus();
  }

  function openCreate() {
    const handle = input("handle", "", { required: true });
    const platformUserId = input("platformUserId", "", { required: true });
    const team = input("team", "", { required: true });
    const displayName = input("displayName");
    const purpose = purposeFields({});
    const reason = textarea("reason", "", { required: true, minlength: "3" });
    const form = editorForm(host, {
      label: "New account",
      heading: ["New official account"],
      fields: [field("Handle", handle), field("Platform user id", platformUserId), field("Team", team), field("Display name", displayName, "optional; defaults to the handle"), field("Reason", reason)],
      purposeRows: purpose.rows,
      submit: "Create",
    });
    onSave(form, host, async () => {
      const body = { handle: handle.value.trim(), platformUserId: platformUserId.value.trim(), team: team.value.trim(), purpose: purpose.read(), reason: reason.value.trim(), ...(displayName.value.trim() ? { displayName: displayName.value.trim() } : {}) };
      const saved = await api.post<Account>("/v1/accounts", body);
      return `Created ${saved.body.handle}.`;
    });
    replaceChildren(editor, form);
    handle.focus();
  }

  search.addEventListener("input", renderRows);
  statusFilter.addEventListener("change", renderRows);
  replaceChildren(
    root,
    h("h2", {}, "Accounts"),
    h("div", { class: "toolbar" }, h("label", { for: search.id }, "Search"), search, h("label", { for: statusFilter.id }, "Status"), statusFilter, h("button", { type: "button", onclick: openCreate }, "New account")),
    messages,
    editor,
    h("table", {}, h("thead", {}, h("tr", {}, ["Handle", "Team", "Status", "Platform user id", "Version", ""].map((c) => h("th", { scope: "col" }, c)))), tbody),
  );
  return { refresh };
}
