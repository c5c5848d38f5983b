// Router factory shared by every domain: typed app context, and request
// validation failures rendered as the shared problem+json shape.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppContext } from "../app-context.ts";
import type { Actor } from "../auth/roles.ts";
import { ApiError } from "./problem.ts";

export type AppEnv = {
  Variables: { requestId: string; actor?: Actor; ctx: AppContext };
};

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
        throw new ApiError("validation-failed", `${errors.length} field(s) failed validation (${result.target})`, { errors });
      }
    },
  });
}
