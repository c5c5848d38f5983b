// Badge keys panel (admins): the published signing keys; rotation is added
// with the badge service.
import { h, replaceChildren } from "../dom.ts";
import { problemMessage, type Api } from "./api.ts";
import { notify } from "./ui.ts";

export function keysPanel(api: Api, root: HTMLElement) {
  const messages = h("div", { "aria-live": "polite" });
  const list = h("ul");
  async function refresh() {
    try {
      const { body } = await api.get<{ keys: { kid: string; alg?: string }[] }>("/.well-known/jwks.json");
      replaceChildren(list, body.keys.map((k) => h("li", { class: "mono" }, `${k.kid} (${k.alg ?? "?"})`)));
    } catch (err) {
      notify(messages, "error", problemMessage(err));
    }
  }
  replaceChildren(root, h("h2", {}, "Badge signing keys"), messages, h("p", {}, "Keys published at /.well-known/jwks.json:"), list);
  return { refresh };
}
