// Requests that carry a body must say it is JSON; anything else is a 415
// rather than a confusing validation error about missing fields.
import { createMiddleware } from "hono/factory";
import { ApiError } from "../problem.ts";

export const jsonBodiesOnly = createMiddleware(async (c, next) => {
  const hasBody = c.req.header("content-length") !== undefined ? c.req.header("content-length") !== "0" : c.req.header("transfer-encoding") !== undefined;
  if (hasBody && ["POST", "PUT", "PATCH", "DELETE"].includes(c.req.method)) {
    const type = c.req.header("content-type") ?? "";
    if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
      throw new ApiError("unsupported-media-type", `send the body as application/json (got '${type || "no content-type"}')`);
    }
  }
  await next();
});
