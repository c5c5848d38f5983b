// A check's reasons in the reader's language. The API's reasons carry
// structured fields (rule, target, chars with script and what they imitate),
// so each rule has a translated sentence; a rule without one keeps the API's
// English message, marked lang="en" for screen readers.
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { ValueCheck } from "../lookalike/service.ts";
import type { SuspectChar } from "../lookalike/types.ts";
import { MESSAGES, type MessageKey, type Translator } from "./i18n.ts";
import scriptCodes from "./script-codes.json" with { type: "json" };

type Reason = ValueCheck["reasons"][number] & { chars?: SuspectChar[]; distance?: number; affix?: string; scripts?: string[]; brand?: string; word?: string };

const has = (key: string): key is MessageKey => Object.hasOwn(MESSAGES.en!, key);
/** Handles and addresses keep their own direction inside right-to-left sentences. */
export const literal = (s: string) => html`<bdi class="literal">${s}</bdi>`;

const CODES: Record<string, string> = scriptCodes.codes;

/** "Cyrillic" in the reader's language ("Kyrillisch", "кириллица"), or as given when unknown. */
export function scriptName(lang: string, script: string): string {
  const code = CODES[script];
  try {
    return (code && new Intl.DisplayNames([lang], { type: "script" }).of(code)) || script;
  } catch {
    return script;
  }
}

function charSentence(tr: Translator, c: SuspectChar) {
  const params = { char: literal(c.char), codePoint: c.codePoint, script: scriptName(tr.lang, c.script), imitates: literal(c.imitates) };
  if (c.kind === "invisible" || c.kind === "bidi_control") return tr.t(`reason.char.${c.kind}`, params);
  return tr.t(c.script !== "Latin" && c.script !== "Common" ? "reason.char.script" : "reason.char.same_script", params);
}

export function reasonSentences(tr: Translator, check: ValueCheck): (HtmlEscapedString | Promise<HtmlEscapedString>)[] {
  const target = check.target ? literal(check.target) : "";
  return (check.reasons as Reason[]).flatMap((r) => {
    if (r.rule === "confusable_characters" && r.chars?.length) return r.chars.map((c) => charSentence(tr, c));
    // Channel reasons carry no distance or script list: a sentence that needs none.
    const variant = r.rule === "edit_distance" && r.distance === undefined ? ".near" : r.rule === "mixed_script" && !r.scripts?.length ? ".any" : "";
    const key = `reason.${r.rule}${variant}`;
    if (!has(key)) return [html`<span lang="en">${r.message}</span>`];
    return [tr.t(key, { target, distance: r.distance ?? "", affix: r.affix ? literal(r.affix) : "", scripts: (r.scripts ?? []).map((s) => scriptName(tr.lang, s)).join(", "), brand: r.brand ? literal(r.brand) : "", word: r.word ? literal(r.word) : "" })];
  });
}
