// The demo inbox at /demo: what a messaging UI looks like with teammark, built
// only from the public API and /badge.js (the client code is
// src/web/client/demo.ts, the conversations src/web/demo-inbox.json).
import { html } from "hono/html";
import type { Translator } from "../i18n.ts";
import { layout } from "../layout.ts";

export function renderDemo(v: { tr: Translator; nonce: string }) {
  const body = html`<main id="main">
  <h1>Demo inbox</h1>
  <p class="intro">Three conversations: an official Fiverr account, an impostor whose name has a Cyrillic letter, and an ordinary user. Badges come from <code>/badge.js</code>, warnings from <code>POST /v1/scan/batch</code>; the code to copy is <code>src/web/client/demo.ts</code> in the repository.</p>
  <noscript><p class="notice error">The demo inbox needs JavaScript.</p></noscript>
  <div id="inbox" class="inbox" aria-busy="true"></div>
</main>`;
  return layout({ tr: v.tr, nonce: v.nonce, title: "Demo inbox", current: "demo", body, scripts: ["/badge.js", "/assets/demo.js"] });
}
