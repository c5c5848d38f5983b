// The page shell shared by the checker, the console and the demo: lang and
// dir on <html>, one stylesheet, a skip link, the navigation and (on
// localised pages) the language switcher.
import { html } from "hono/html";
import { LANGS, MESSAGES, type Fragment, type Translator } from "./i18n.ts";

export type PageName = "checker" | "demo" | "console";

export type LayoutOptions = {
  tr: Translator;
  nonce: string;
  title: string;
  current: PageName;
  body: Fragment;
  /** Bundles from /assets to load (with the page's nonce). */
  scripts?: string[];
  /** Links to the same page in each language (localised pages only). */
  switcher?: (lang: string) => string;
  mainId?: string;
};

export function layout(o: LayoutOptions) {
  const { tr } = o;
  const nav: [PageName, string, string][] = [
    ["checker", "/", tr.text("nav.checker")],
    ["demo", "/demo", tr.text("nav.demo")],
    ["console", "/console", tr.text("nav.console")],
  ];
  return html`<!doctype html>
<html lang="${tr.lang}" dir="${tr.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · teammark</title>
<link rel="stylesheet" href="/assets/teammark.css">
<link rel="icon" href="data:,">
${(o.scripts ?? []).map((s) => html`<script nonce="${o.nonce}" src="${s}" defer></script>`)}
</head>
<body>
<a class="skip" href="#${o.mainId ?? "main"}">${tr.t("skip")}</a>
<header class="top">
  <nav aria-label="${tr.text("nav.label")}">
    <a class="brand" href="/">teammark</a>
    <ul>${nav.map(([name, href, label]) => html`<li><a href="${href}"${name === o.current ? html` aria-current="page"` : ""}>${label}</a></li>`)}</ul>
  </nav>
  ${o.switcher
    ? html`<nav class="langs" aria-label="${tr.text("nav.language")}"><ul>${LANGS.map(
        (lang) => html`<li><a href="${o.switcher!(lang)}" hreflang="${lang}" lang="${lang}"${lang === tr.lang ? html` aria-current="true"` : ""}>${MESSAGES[lang]!["lang.name"]}</a></li>`,
      )}</ul></nav>`
    : ""}
</header>
${o.body}
</body>
</html>`;
}
