// The moderator console (/console): sign in with a token, then tabs for
// accounts, channels, the audit log and (admins) badge keys.
import { byId, h, replaceChildren } from "./dom.ts";
import { createApi, problemMessage } from "./console/api.ts";
import { identityOf, loadToken, saveToken } from "./console/session.ts";
import { accountsPanel } from "./console/accounts.ts";
import { channelsPanel } from "./console/channels.ts";
import { auditPanel } from "./console/audit.ts";
import { keysPanel } from "./console/keys.ts";
import { notify } from "./console/ui.ts";

let token: string | null = loadToken();
const api = createApi(() => token);

const signin = byId("signin");
const app = byId("app");
const signinForm = byId<HTMLFormElement>("signin-form");
const tokenInput = byId<HTMLInputElement>("token");
const signinMessages = byId("signin-messages");

function signOut() {
  token = null;
  saveToken(null);
  app.hidden = true;
  replaceChildren(app);
  signin.hidden = false;
  tokenInput.value = "";
  tokenInput.focus();
}

async function start() {
  const who = token ? identityOf(token) : null;
  if (!token || !who) return signOut();
  try {
    // A viewer-level call proves the token before anything is shown.
    await api.get("/v1/audit/verify");
  } catch (err) {
    notify(signinMessages, "error", problemMessage(err));
    return signOut();
  }
  signin.hidden = true;
  app.hidden = false;
  const isAdmin = who.roles.includes("admin");
  const tabs = [
    { id: "accounts", label: "Accounts", make: accountsPanel },
    { id: "channels", label: "Channels", make: channelsPanel },
    { id: "audit", label: "Audit log", make: auditPanel },
    ...(isAdmin ? [{ id: "keys", label: "Badge keys", make: keysPanel }] : []),
  ];
  const panels = tabs.map((t) => {
    const root = h("section", { id: `panel-${t.id}`, role: "tabpanel", "aria-labelledby": `tab-${t.id}`, hidden: true, tabindex: "-1" });
    return { ...t, root, panel: t.make(api, root) };
  });
  const buttons = panels.map((p) => h("button", { type: "button", role: "tab", id: `tab-${p.id}`, "aria-controls": p.root.id, "aria-selected": "false", onclick: () => void show(p.id) }, p.label));
  async function show(id: string) {
    for (const [i, p] of panels.entries()) {
      p.root.hidden = p.id !== id;
      buttons[i]!.setAttribute("aria-selected", String(p.id === id));
      buttons[i]!.tabIndex = p.id === id ? 0 : -1;
    }
    await panels.find((p) => p.id === id)?.panel.refresh();
  }
  // Arrow keys move between tabs (the ARIA tabs pattern).
  const tablist = h("div", { class: "tabs", role: "tablist", "aria-label": "Registry" }, buttons);
  tablist.addEventListener("keydown", (e) => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0 || (e.key !== "ArrowRight" && e.key !== "ArrowLeft")) return;
    const next = buttons[(i + (e.key === "ArrowRight" ? 1 : buttons.length - 1)) % buttons.length]!;
    next.focus();
    next.click();
  });
  replaceChildren(
    app,
    h("p", { class: "toolbar" }, "Signed in as ", h("strong", { id: "whoami" }, who.sub), ` (${who.roles.join(", ")})`, h("button", { type: "button", class: "secondary", onclick: signOut }, "Sign out")),
    tablist,
    panels.map((p) => p.root),
  );
  await show("accounts");
}

signinForm.addEventListener("submit", (e) => {
  e.preventDefault();
  const value = tokenInput.value.trim().replace(/^Bearer\s+/i, "");
  tokenInput.value = "";
  if (!identityOf(value)) return notify(signinMessages, "error", "That is not a token (expected a JWT: three dot-separated parts).");
  token = value;
  saveToken(value);
  void start();
});

if (token) void start();
