// The console's API client: same-origin fetch with the moderator token in the
// Authorization header only (never in a URL), problem+json turned into errors.
export type Problem = { type: string; title: string; status: number; detail: string; errors?: { path: string; message: string }[] };

export class ApiProblem extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.problem = problem;
  }
  get status() {
    return this.problem.status;
  }
  /** The record changed since it was read (412): another moderator's edit won. */
  get stale() {
    return this.problem.status === 412;
  }
}

export type Answer<T> = { body: T; etag: string | null };

export function createApi(getToken: () => string | null) {
  async function call<T>(method: string, path: string, init: { body?: unknown; ifMatch?: string } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: "application/json" };
    const token = getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    if (init.ifMatch) headers["if-match"] = init.ifMatch;
    const res = await fetch(path, { method, headers, cache: "no-store", credentials: "omit", ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
    const text = await res.text();
    const body = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new ApiProblem(body?.status ? body : { type: "about:blank", title: res.statusText, status: res.status, detail: text.slice(0, 200) });
    return { body: body as T, etag: res.headers.get("etag") };
  }
  return {
    get: <T>(path: string) => call<T>("GET", path),
    post: <T>(path: string, body: unknown) => call<T>("POST", path, { body }),
    patch: <T>(path: string, body: unknown, ifMatch: string) => call<T>("PATCH", path, { body, ifMatch }),
  };
}

export type Api = ReturnType<typeof createApi>;

/** What to tell the moderator about a failed call. */
export function problemMessage(err: unknown): string {
  if (err instanceof ApiProblem) {
    if (err.stale) return "Someone else changed this record since you opened it. Reload it to see their change, then make yours again.";
    if (err.status === 401) return "The token was not accepted (expired or not issued for this server). Sign in again.";
    if (err.status === 403) return "Your role does not allow this. A moderator (or admin) token is needed.";
    const fields = err.problem.errors?.map((e) => `${e.path || "body"}: ${e.message}`).join("; ");
    return fields ? `${err.problem.detail} (${fields})` : err.problem.detail || err.problem.title;
  }
  return err instanceof Error ? err.message : String(err);
}
