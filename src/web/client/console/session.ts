// The moderator token lives in this tab only: memory plus sessionStorage (so a
// reload keeps you signed in), never localStorage, cookies or URLs.
const KEY = "teammark.moderatorToken";

export type Identity = { sub: string; roles: string[]; exp?: number };

export function loadToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function saveToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage disabled: the token stays in memory for this page only
  }
}

/** Reads (does not verify: the server does) who the token says you are, to label the page and show admin tools. */
export function identityOf(token: string): Identity | null {
  try {
    const payload = token.split(".")[1] ?? "";
    const json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0))));
    return { sub: String(json.sub ?? "?"), roles: Array.isArray(json.roles) ? json.roles.map(String) : [], ...(typeof json.exp === "number" ? { exp: json.exp } : {}) };
  } catch {
    return null;
  }
}
