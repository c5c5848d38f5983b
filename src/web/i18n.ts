// Page translations: one JSON file per language in i18n/, picked by ?lang=
// (remembered in a cookie), then the cookie, then Accept-Language.
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import en from "./i18n/en.json" with { type: "json" };
import de from "./i18n/de.json" with { type: "json" };
import lv from "./i18n/lv.json" with { type: "json" };
import ar from "./i18n/ar.json" with { type: "json" };
import he from "./i18n/he.json" with { type: "json" };

export type MessageKey = keyof typeof en;
type Messages = Record<MessageKey, string>;

export const MESSAGES: Record<string, Messages> = { en, de, lv, ar, he };
export const LANGS = Object.keys(MESSAGES);
export const DEFAULT_LANG = "en";
const RTL = new Set(["ar", "he", "fa", "ur"]);

/** Something that can stand in a page: plain text (escaped) or markup built with html``. */
export type Fragment = string | number | HtmlEscapedString | Promise<HtmlEscapedString>;

export type Translator = {
  lang: string;
  dir: "ltr" | "rtl";
  /** The message with {name} placeholders filled; text parts are escaped, fragments are kept. */
  t(key: MessageKey, params?: Record<string, Fragment>): HtmlEscapedString | Promise<HtmlEscapedString>;
  /** The message as plain text (attributes, titles). */
  text(key: MessageKey, params?: Record<string, string | number>): string;
};

/** One of our languages (own keys only: "constructor" is not a language). */
export function isLang(lang: string | undefined): lang is string {
  return lang !== undefined && Object.hasOwn(MESSAGES, lang);
}

export function translator(lang: string): Translator {
  const messages = isLang(lang) ? MESSAGES[lang]! : MESSAGES[DEFAULT_LANG]!;
  const fill = (key: MessageKey) => (messages[key] ?? en[key]).split(/(\{\w+\})/);
  return {
    lang: isLang(lang) ? lang : DEFAULT_LANG,
    dir: RTL.has(lang) ? "rtl" : "ltr",
    t: (key, params = {}) => html`${fill(key).map((part) => (/^\{\w+\}$/.test(part) ? (params[part.slice(1, -1)] ?? part) : part))}`,
    text: (key, params = {}) => fill(key).map((part) => (/^\{\w+\}$/.test(part) ? String(params[part.slice(1, -1)] ?? part) : part)).join(""),
  };
}

/** Language ranges of an Accept-Language header, best first ("de-AT;q=0.9" → "de"). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .slice(0, 20)
    .map((part, i) => {
      const [range = "", ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.trim().slice(2) ?? "1");
      return { lang: range.trim().toLowerCase().split("-")[0] ?? "", q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((r) => r.lang && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((r) => r.lang);
}

/** The page language: an explicit choice first, then the remembered one, then the browser's. */
export function negotiateLang(choice: { query?: string | undefined; cookie?: string | undefined; acceptLanguage?: string | undefined }): string {
  for (const candidate of [choice.query, choice.cookie, ...acceptedLanguages(choice.acceptLanguage)]) {
    if (isLang(candidate)) return candidate;
  }
  return DEFAULT_LANG;
}
