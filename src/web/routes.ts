// The web pages: the public checker (/), the demo inbox (/demo), the
// moderator console (/console), the embeddable badge (/badge.js) and the
// assets they load. HTML, not API operations, so not in /openapi.json.
import { Hono, type Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../http/router.ts";
import { listAccounts, toAccount } from "../registry/accounts.service.ts";
import { listChannels } from "../registry/channels.service.ts";
import { checkValue } from "../lookalike/service.ts";
import { isLang, negotiateLang, translator } from "./i18n.ts";
import { respondWithPage } from "./page-response.ts";
import { renderChecker, MAX_CHECK_LENGTH } from "./pages/checker.ts";
import { renderConsole } from "./pages/console.ts";
import { renderDemo } from "./pages/demo.ts";
import { serveAsset, serveBadgeScript } from "./assets.ts";
import { limitPublicRequests } from "../ratelimit/middleware.ts";
import { ApiError } from "../http/problem.ts";

/** Paths of the web pages and their assets (not API operations). */
export const WEB_PATHS = ["/", "/demo", "/console", "/badge.js", "/assets/:name"];

const LANG_COOKIE = "teammark_lang";
/** Enough for every official account and channel on one page. */
const LIST_LIMIT = 200;

/** The reader's language; an explicit ?lang= is remembered for the next visit. */
function pageLanguage(c: Context<AppEnv>): { lang: string; chosen?: string } {
  const query = c.req.query("lang");
  const chosen = isLang(query) ? query : undefined;
  if (chosen) setCookie(c, LANG_COOKIE, chosen, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "Lax", httpOnly: true, secure: c.req.url.startsWith("https:") });
  return { lang: negotiateLang({ query: chosen, cookie: getCookie(c, LANG_COOKIE), acceptLanguage: c.req.header("accept-language") }), ...(chosen ? { chosen } : {}) };
}

/** A check counts against the client's public limit like GET /v1/check; past it, the seconds to wait. */
async function rateLimited(c: Context<AppEnv>): Promise<number | undefined> {
  try {
    await limitPublicRequests(c, async () => {});
    return undefined;
  } catch (err) {
    if (err instanceof ApiError && err.code === "rate-limited") return Number(err.headers?.["retry-after"] ?? 60);
    throw err;
  }
}

export function webRouter() {
  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const { lang, chosen } = pageLanguage(c);
      const { ctx } = c.var;
      const { db, cache } = ctx;
      const query = (c.req.query("q") ?? "").trim();
      const tooLong = query.length > MAX_CHECK_LENGTH;
      const retryAfter = query && !tooLong ? await rateLimited(c) : undefined;
      if (retryAfter !== undefined) c.header("Retry-After", String(retryAfter));
      const checked = query && !tooLong && retryAfter === undefined;
      // The lists go through the registry cache like the API's reads (refreshed when the registry version moves).
      const [accounts, channels, check] = await Promise.all([
        cache.read("web:checker:accounts", () => listAccounts(db, { limit: LIST_LIMIT, status: "active" })),
        cache.read("web:checker:channels", () => listChannels(db, { limit: LIST_LIMIT, status: "active" })),
        checked ? checkValue(ctx, query) : undefined,
      ]);
      const switcher = (l: string) => `/?${new URLSearchParams({ lang: l, ...(query && !tooLong ? { q: query } : {}) })}`;
      return respondWithPage(
        c,
        lang,
        (nonce) =>
          renderChecker(
            { tr: translator(lang), nonce, accounts: accounts.items.map(toAccount), channels: channels.items, query: tooLong ? "" : query, ...(check ? { check } : {}), tooLong, ...(retryAfter !== undefined ? { retryAfter } : {}), ...(chosen ? { chosenLang: chosen } : {}) },
            switcher,
          ),
        tooLong ? 400 : retryAfter !== undefined ? 429 : 200,
      );
    })
    .get("/console", (c) => respondWithPage(c, "en", (nonce) => renderConsole({ tr: translator("en"), nonce })))
    .get("/demo", (c) => respondWithPage(c, "en", (nonce) => renderDemo({ tr: translator("en"), nonce })))
    .get("/badge.js", (c) => serveBadgeScript(c))
    .get("/assets/:name", (c) => (c.req.param("name") === "badge.js" ? undefined : serveAsset(c, c.req.param("name"))) ?? c.notFound());
}
