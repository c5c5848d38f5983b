// The public checker at /: the official accounts and contact channels, and a
// GET form that answers "is this official?" for a handle, address or link.
// Server-rendered: it works with JavaScript off.
import { html } from "hono/html";
import type { Account } from "../../registry/accounts.service.ts";
import type { ChannelRow } from "../../db/schema.ts";
import type { ValueCheck } from "../../lookalike/service.ts";
import type { Translator } from "../i18n.ts";
import { layout } from "../layout.ts";
import { literal, reasonSentences } from "../reasons.ts";

export const MAX_CHECK_LENGTH = 2048;

export type CheckerView = {
  tr: Translator;
  nonce: string;
  accounts: Account[];
  channels: ChannelRow[];
  query: string;
  check?: ValueCheck;
  tooLong?: boolean;
  /** Over the client's rate limit: seconds until the next check. */
  retryAfter?: number;
  /** The explicitly chosen language, kept in the form so the answer comes in it. */
  chosenLang?: string;
};

/** Examples and addresses read left to right even inside right-to-left text. */
const ltr = (s: string) => html`<bdi dir="ltr">${s}</bdi>`;

/** The text in the reader's language, or English marked as such. */
function localized(tr: Translator, text: Record<string, string>) {
  const own = text[tr.lang];
  if (own) return html`${own}`;
  const [lang, fallback] = text.en !== undefined ? ["en", text.en] : (Object.entries(text)[0] ?? ["en", ""]);
  return html`<span lang="${lang}" dir="auto">${fallback}</span>`;
}

function verdictSentence(tr: Translator, check: ValueCheck) {
  if (check.verdict === "official") {
    if (check.account) return tr.t("result.official.handle", { target: literal(check.account.handle), team: html`<bdi>${check.account.team}</bdi>` });
    if (check.channel) return tr.t("result.official.channel", { purpose: localized(tr, check.channel.purpose) });
    return tr.t("result.official.domain");
  }
  if (check.verdict === "lookalike") return tr.t("result.lookalike", { target: literal(check.target ?? "") });
  return tr.t(`result.${check.verdict}`);
}

function resultSection(tr: Translator, check: ValueCheck) {
  const official = check.verdict === "official";
  const impostor = check.verdict === "lookalike" || check.verdict === "brand_impersonation";
  const reasons = reasonSentences(tr, check);
  return html`<section class="result ${official ? "ok" : impostor ? "bad" : "neutral"}" aria-labelledby="result-heading" data-verdict="${check.verdict}">
  <h2 id="result-heading">${tr.t("result.heading", { value: literal(check.value) })}</h2>
  <p class="verdict"><span class="icon" aria-hidden="true">${official ? "✓" : impostor ? "!" : "?"}</span> ${verdictSentence(tr, check)}</p>
  ${reasons.length ? html`<h3>${tr.t("result.why")}</h3><ul class="reasons">${reasons.map((r) => html`<li>${r}</li>`)}</ul>` : ""}
  ${impostor ? html`<p class="advice">${tr.t("result.advice")}</p>` : ""}
</section>`;
}

function accountsTable(tr: Translator, accounts: Account[]) {
  if (!accounts.length) return html`<p>${tr.t("accounts.empty")}</p>`;
  return html`<table>
  <caption>${tr.t("accounts.caption")}</caption>
  <thead><tr><th scope="col">${tr.t("accounts.handle")}</th><th scope="col">${tr.t("accounts.team")}</th><th scope="col">${tr.t("accounts.purpose")}</th></tr></thead>
  <tbody>${accounts.map((a) => html`<tr><th scope="row">${literal(a.handle)}</th><td><bdi>${a.team}</bdi></td><td>${localized(tr, a.purpose)}</td></tr>`)}</tbody>
</table>`;
}

function channelValue(c: ChannelRow) {
  const href = c.kind === "url" || c.kind === "social" ? c.value : c.kind === "email" ? `mailto:${c.value}` : c.kind === "phone" ? `tel:${c.value}` : undefined;
  const text = html`<bdi dir="ltr">${c.value}</bdi>`;
  return href && /^(https:|mailto:|tel:)/.test(href) ? html`<a href="${href}" rel="noopener noreferrer">${text}</a>` : text;
}

function channelsTable(tr: Translator, channels: ChannelRow[]) {
  return html`<table>
  <caption>${tr.t("channels.caption")}</caption>
  <thead><tr><th scope="col">${tr.t("channels.kind")}</th><th scope="col">${tr.t("channels.value")}</th><th scope="col">${tr.t("channels.purpose")}</th></tr></thead>
  <tbody>${channels.map((c) => html`<tr><td>${tr.t(`kind.${c.kind}`)}</td><th scope="row">${channelValue(c)}</th><td>${localized(tr, c.purpose)}</td></tr>`)}</tbody>
</table>`;
}

export function renderChecker(v: CheckerView, switcher: (lang: string) => string) {
  const { tr } = v;
  const body = html`<main id="main">
  <h1>${tr.t("checker.title")}</h1>
  <p class="intro">${tr.t("checker.intro")}</p>
  <form class="check" method="get" action="/" role="search">
    <label for="q">${tr.t("check.label")}</label>
    <div class="row">
      <input id="q" name="q" type="text" value="${v.query}" maxlength="${MAX_CHECK_LENGTH}" required dir="auto" autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="q-hint">
      ${v.chosenLang ? html`<input type="hidden" name="lang" value="${v.chosenLang}">` : ""}
      <button type="submit">${tr.t("check.submit")}</button>
    </div>
    <p id="q-hint" class="hint">${tr.t("check.hint", { a: ltr("Fiverr-Care"), b: ltr("support@fiverr.com"), c: ltr("+972 3 631 7882") })}</p>
  </form>
  ${v.tooLong ? html`<p class="result bad" role="alert">${tr.t("check.tooLong", { max: MAX_CHECK_LENGTH })}</p>` : ""}
  ${v.retryAfter !== undefined ? html`<p class="result neutral" role="alert">${tr.t("check.rateLimited", { seconds: v.retryAfter })}</p>` : ""}
  ${v.check ? resultSection(tr, v.check) : ""}
  <section aria-labelledby="accounts-heading">
    <h2 id="accounts-heading">${tr.t("accounts.heading")}</h2>
    ${accountsTable(tr, v.accounts)}
  </section>
  <section aria-labelledby="channels-heading">
    <h2 id="channels-heading">${tr.t("channels.heading")}</h2>
    ${channelsTable(tr, v.channels)}
  </section>
  <footer><p>${tr.t("footer.api", { check: html`<a href="/v1/check?value=Fiverr-Care"><code>/v1/check</code></a>`, docs: html`<a href="/docs"><code>/docs</code></a>` })}</p></footer>
</main>`;
  return layout({ tr, nonce: v.nonce, title: tr.text("checker.title"), current: "checker", body, switcher });
}
