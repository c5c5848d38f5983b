// Form pieces shared by the console's panels.
import { h, replaceChildren, type Child } from "../dom.ts";

let ids = 0;

/** A labelled input row in a .fields grid. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): Child[] {
  control.id ||= `f${++ids}`;
  const hintEl = hint ? h("div", { class: "small", id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute("aria-describedby", hintEl.id);
  return [h("label", { for: control.id }, label), h("div", {}, control, hintEl)];
}

export function input(name: string, value = "", attrs: Record<string, string | boolean> = {}): HTMLInputElement {
  return h("input", { type: "text", name, value, autocomplete: "off", spellcheck: "false", ...attrs });
}

export function select(name: string, options: string[], value: string): HTMLSelectElement {
  return h("select", { name }, options.map((o) => h("option", { value: o, selected: o === value }, o)));
}

export function textarea(name: string, value = "", attrs: Record<string, string | boolean> = {}): HTMLTextAreaElement {
  const el = h("textarea", { name, rows: 2, dir: "auto", ...attrs });
  el.value = value;
  return el;
}

/** Shows a message in a live region, so screen readers announce it. */
export function notify(region: HTMLElement, kind: "error" | "info", text: string, ...extra: Child[]): void {
  replaceChildren(region, h("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, text, ...extra));
}

export const LANGS = ["en", "de", "lv", "ar", "he"];

/** One textarea per page language plus any other language the record has. */
export function purposeFields(purpose: Record<string, string>): { rows: Child[]; read(): Record<string, string> } {
  const langs = [...new Set([...LANGS, ...Object.keys(purpose)])];
  const boxes = langs.map((lang) => [lang, textarea(`purpose-${lang}`, purpose[lang] ?? "", { lang })] as const);
  return {
    rows: boxes.map(([lang, box]) => field(`Purpose (${lang})`, box)),
    read: () => Object.fromEntries(boxes.map(([lang, box]) => [lang, box.value.trim()]).filter(([, v]) => v)),
  };
}
