// The editor the accounts and channels panels share: a form with its fields, the record's purpose
// texts and Save/Cancel, and one way to submit it (report, close, reload the list; on a stale ETag,
// offer to reload the record).
import { h, replaceChildren, type Child } from "../dom.ts";
import { ApiProblem, problemMessage } from "./api.ts";
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

/** Reads a whole list into the panel, or reports why it could not. */
export async function reloadList<T>(read: () => Promise<T[]>, messages: HTMLElement, show: (items: T[]) => void): Promise<void> {
  try {
    show(await read());
  } catch (err) {
    notify(messages, "error", problemMessage(err));
  }
}
