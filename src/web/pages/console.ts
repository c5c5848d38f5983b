// The moderator console shell at /console. Everything after sign-in is built
// by /assets/console.js; the token is typed into a password field and kept in
// this tab's sessionStorage, never put in a URL.
import { html } from "hono/html";
import type { Translator } from "../i18n.ts";
import { layout } from "../layout.ts";

export function renderConsole(v: { tr: Translator; nonce: string }) {
  const body = html`<main id="main" class="wide">
  <h1>Moderator console</h1>
  <section id="signin" class="panel" aria-labelledby="signin-heading">
    <h2 id="signin-heading">Sign in</h2>
    <form id="signin-form" autocomplete="off">
      <div class="fields">
        <label for="token">Moderator token</label>
        <div><input id="token" name="token" type="password" required spellcheck="false" aria-describedby="token-hint" size="50"></div>
      </div>
      <p id="token-hint" class="small">A bearer token with the viewer, moderator or admin role. It stays in this browser tab and is sent only in the Authorization header. For the local server: <code>npx teammark token --role moderator --sub you</code>.</p>
      <button type="submit">Sign in</button>
    </form>
    <div id="signin-messages" aria-live="polite"></div>
  </section>
  <noscript><p class="notice error">The console needs JavaScript. The API reference is at <a href="/docs">/docs</a>.</p></noscript>
  <div id="app" class="console-grid" hidden></div>
</main>`;
  return layout({ tr: v.tr, nonce: v.nonce, title: "Moderator console", current: "console", body, scripts: ["/assets/console.js"] });
}
