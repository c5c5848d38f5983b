// The editor the accounts and channels panels share: a form with its fields, the record's purpose
// texts and Save/Cancel, and one way to submit it (report, close, reload the list; on a stale ETag,
// offer to reload the record).
import { h, replaceChildren, type Child } from "../dom.ts";
import { ApiProblem, problemMessage, type Api } from "./api.ts";
import { changedFields } from "./records.ts";
import { notify } from "./ui.ts";

/** Where a panel shows its editor and messages, and how it reloads its list after a write. */
export type EditorHost = { editor: HTMLElement; messages: HTMLElement; refresh(): Promise<void> };

export function editorForm(host: EditorHost, parts: { label: string; heading: Child[]; fields: Child[]; purposeRows: Child[]; submit: string }): HTMLFormElement {
  return h(
    "form",
    { class: "panel", "aria-label": parts.label },
    h("h3", {}, ...parts.heading),
    h("div", { class: "editor-grid" }, h("div", { class: "fields" }, parts.fields), h("div", { class: "fields" }, parts.purposeRows)),
    h("div", { class: "toolbar" }, h("button", { type: "submit" }, parts.submit), h("button", { type: "button", class: "secondary", onclick: () => replaceChildren(host.editor) }, "Cancel")),
  );
}

/**
 * Submits the form with `save`, which gives the success message (or undefined when it reported a
 * problem itself); `reopen` reloads the record when the write lost a race (412).
 */
export function onSave(form: HTMLFormElement, host: EditorHost, save: () => Promise<string | undefined>, reopen?: () => void): void {
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const done = await save();
      if (done === undefined) return;
      notify(host.messages, "info", done);
      replaceChildren(host.editor);
      await host.refresh();
    } catch (err) {
      const reload = reopen && err instanceof ApiProblem && err.stale ? h("button", { type: "button", class: "secondary", onclick: reopen }, "Reload record (discards your edits)") : null;
      notify(host.messages, "error", problemMessage(err), " ", reload);
    }
  });
}

/** An edit of a record read with its ETag: the fields as the form has them now, the reason, and how success reads. */
export type RecordEdit<T> = { path: string; current: T; etag: string; next: () => Partial<T>; reason: () => string; done: (saved: T) => string; reopen: () => void };

/** Saves an edit: only the fields that changed, with the reason and the ETag read ("Nothing changed." when none did). */
export function onSaveChanges<T extends Record<string, unknown>>(form: HTMLFormElement, host: EditorHost, api: Api, edit: RecordEdit<T>): void {
  onSave(
    form,
    host,
    async () => {
      const patch = changedFields(edit.current, edit.next());
      if (!Object.keys(patch).length) return void notify(host.messages, "error", "Nothing changed.");
      const saved = await api.patch<T>(edit.path, { ...patch, reason: edit.reason() }, edit.etag);
      return edit.done(saved.body);
    },
    edit.reopen,
  );
}

/** Reads a whole list into the panel, or reports why it could not. */
export async function reloadList<T>(read: () => Promise<T[]>, messages: HTMLElement, show: (items: T[]) => void): Promise<void> {
  try {
    show(await read());
  } catch (err) {
    notify(messages, "error", problemMessage(err));
  }
}
