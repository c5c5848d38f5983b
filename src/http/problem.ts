// One error shape for the whole API: RFC 9457 problem details. Handlers throw
// ApiError with a stable code; the app's error handler renders it. The code
// decides the HTTP status and the `type` URI, so clients can branch on `type`.
import { z } from "@hono/zod-openapi";

export const PROBLEM_BASE = "https://teammark.dev/problems/";

export const problemCodes = {
  "bad-request": { status: 400, title: "Bad request" },
  "validation-failed": { status: 400, title: "The request did not pass validation" },
  unauthenticated: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Not allowed for this role" },
  "not-found": { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflicts with the current state" },
  "precondition-failed": { status: 412, title: "The resource changed since you read it" },
  "payload-too-large": { status: 413, title: "Request body too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  "not-official": { status: 422, title: "The sender is not an active official account" },
  "precondition-required": { status: 428, title: "If-Match header required" },
  "rate-limited": { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
  unavailable: { status: 503, title: "Service temporarily unavailable" },
} as const;

export type ProblemCode = keyof typeof problemCodes;
export type FieldError = { path: string; message: string };

export class ApiError extends Error {
  readonly code: ProblemCode;
  readonly detail: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  constructor(code: ProblemCode, detail: string, extra: { errors?: FieldError[]; headers?: Record<string, string> } = {}) {
    super(detail);
    this.name = "ApiError";
    this.code = code;
    this.detail = detail;
    this.errors = extra.errors;
    this.headers = extra.headers;
  }
  get status(): number {
    return problemCodes[this.code].status;
  }
}

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: `${PROBLEM_BASE}not-found` }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

export type Problem = z.infer<typeof ProblemSchema>;

export function problemBody(code: ProblemCode, detail: string, requestId?: string, errors?: FieldError[]): Problem {
  return {
    type: PROBLEM_BASE + code,
    title: problemCodes[code].title,
    status: problemCodes[code].status,
    detail,
    ...(requestId ? { requestId } : {}),
    ...(errors ? { errors } : {}),
  };
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}

/** OpenAPI response entries for the problems a route can answer with. */
export function problemResponses(...codes: ProblemCode[]) {
  return Object.fromEntries(
    codes.map((code) => [
      problemCodes[code].status,
      { description: problemCodes[code].title, content: { "application/problem+json": { schema: ProblemSchema } } },
    ]),
  );
}
