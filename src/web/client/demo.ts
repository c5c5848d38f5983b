// The demo inbox (/demo): the pattern a messaging UI copies. One badge batch
// for the conversation list (POST /v1/badges/batch), <teammark-badge> to show
// and verify badges, and one scan batch (POST /v1/scan/batch) for inline
// warnings with the evidence highlighted. Only public API calls and /badge.js.
import { byId, h, replaceChildren } from "./dom.ts";
import { highlighted } from "./demo/highlight.ts";
import inbox from "../demo-inbox.json" with { type: "json" };

type Conversation = (typeof inbox.conversations)[number];
type Message = Conversation["messages"][number];
type BadgeItem = { sender: string; official: boolean; assertion?: string; resembles?: { target: string | null; verdict: string } };
type Scan = { risk: "none" | "low" | "medium" | "high"; labels: string[]; findings: { label: string; start: number; end: number }[]; warning: { lang: string; text: string } | null };

const root = byId("inbox");
const READER_LANGS = [["en", "English"], ["de", "Deutsch"], ["lv", "Latviešu"], ["ar", "العربية"], ["he", "עברית"]] as const;
const lang = document.documentElement.lang || "en";

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** The badge element for a sender: with the batch's assertion when official, else fetching its own answer (which may be a warning). */
function badgeFor(c: Conversation, badge: BadgeItem | undefined): HTMLElement {
  const el = document.createElement("teammark-badge");
  el.setAttribute("sender-id", c.sender.userId);
  if (badge?.official && badge.assertion) el.setAttribute("assertion", badge.assertion);
  else el.setAttribute("src", `/v1/badges/${encodeURIComponent(c.sender.handle)}`);
  return el;
}

function messageView(m: Message, scan: Scan | undefined) {
  const flagged = scan && scan.findings.length > 0;
  return h(
    "article",
    { class: `msg${flagged ? " flagged" : ""}`, "data-risk": scan?.risk ?? "unknown", "aria-label": `Message at ${m.at}` },
    h("p", { dir: "auto" }, scan ? highlighted(m.text, scan.findings) : m.text),
    h("div", { class: "small" }, m.at),
    flagged && scan.warning
      ? h("p", { class: "scan-warning", role: "note" }, h("strong", {}, "⚠ ", `${scan.risk} risk`), ` (${scan.labels.map((l) => l.replace(/_/g, " ")).join(", ")}): `, h("span", { lang: scan.warning.lang, dir: "auto" }, scan.warning.text))
      : null,
  );
}

type ScanBatch = { results: (Scan & { id: string | null })[] };

/** All messages in one scan batch, with the warnings in the reader's language. */
function scanAll(conversations: Conversation[], readerLang: string): Promise<ScanBatch> {
  return postJson<ScanBatch>("/v1/scan/batch", {
    messages: conversations.flatMap((c) => c.messages.map((m) => ({ id: `${c.id}/${m.id}`, text: m.text, sender: { userId: c.sender.userId, handle: c.sender.handle }, readerLang }))),
  }).catch(() => ({ results: [] }));
}

async function main() {
  const conversations = inbox.conversations;
  let readerLang = lang;
  const [badges, firstScans] = await Promise.all([
    postJson<{ items: BadgeItem[] }>("/v1/badges/batch", { senders: conversations.map((c) => c.sender.handle) }).catch(() => ({ items: [] as BadgeItem[] })),
    scanAll(conversations, readerLang),
  ]);
  let scanById = new Map(firstScans.results.map((r) => [r.id, r]));
  const scanOf = (c: Conversation, m: Message) => scanById.get(`${c.id}/${m.id}`);
  const badgeOf = (c: Conversation) => badges.items.find((b) => b.sender === c.sender.handle);
  /** The badge in the reader's language: <teammark-badge> picks its label by the nearest lang attribute. */
  const badge = (c: Conversation) => {
    const el = badgeFor(c, badgeOf(c));
    el.setAttribute("lang", readerLang);
    return el;
  };
  const list = h("ul", { class: "list", "aria-label": "Conversations" });
  const thread = h("section", { class: "thread", "aria-live": "polite" });
  let buttons: HTMLButtonElement[] = [];
  let current = 0;

  function open(i: number) {
    current = i;
    const c = conversations[i]!;
    buttons.forEach((b, j) => b.setAttribute("aria-current", String(i === j)));
    replaceChildren(
      thread,
      h("header", {}, h("h2", { class: "sender" }, h("bdi", {}, c.sender.handle), badge(c)), h("div", { class: "small" }, c.sender.name)),
      c.messages.map((m) => messageView(m, scanOf(c, m))),
    );
  }

  function render() {
    buttons = conversations.map((c, i) => {
      const flagged = c.messages.some((m) => (scanOf(c, m)?.findings.length ?? 0) > 0);
      const last = c.messages[c.messages.length - 1]!;
      return h(
        "button",
        { type: "button", "data-conversation": c.id, onclick: () => open(i) },
        h("span", { class: "sender" }, h("bdi", {}, c.sender.handle), badge(c)),
        h("span", { class: "preview", dir: "auto" }, flagged ? "⚠ " : "", last.text),
      );
    });
    replaceChildren(list, buttons.map((b) => h("li", {}, b)));
    open(current);
  }

  // The reader's language changes the warnings (readerLang) and the badge labels.
  const picker = h("select", { id: "reader-lang" }, READER_LANGS.map(([code, name]) => h("option", { value: code, selected: code === readerLang }, name)));
  picker.addEventListener("change", async () => {
    readerLang = picker.value;
    scanById = new Map((await scanAll(conversations, readerLang)).results.map((r) => [r.id, r]));
    render();
  });
  root.before(h("p", { class: "toolbar" }, h("label", { for: picker.id }, "Reader language"), picker));
  replaceChildren(root, list, thread);
  render();
  root.setAttribute("aria-busy", "false");
}

void main();
