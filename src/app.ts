// The app factory: the same Hono app for Node, Workers and tests, built only
// from the dependencies it is given.
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import type { AppDeps } from "./deps.ts";
import type { AppContext } from "./app-context.ts";
import { createRouter } from "./http/router.ts";
import { ApiError, problemBody, problemResponse } from "./http/problem.ts";
import { handleError } from "./http/error-handler.ts";
import { requestLog } from "./http/middleware/request-log.ts";
import { jsonBodiesOnly } from "./http/middleware/json-only.ts";
import { securityHeaders } from "./http/middleware/security-headers.ts";
import { renderDocsPage } from "./http/docs-page.ts";
import { documentSharedProblems } from "./http/shared-problems.ts";
import { createWriteQueue } from "./platform/write-queue.ts";
import { createRegistryCache } from "./cache/registry-cache.ts";
import { markStaleAnswers } from "./cache/stale-marker.ts";
import { limitPublicRequests } from "./ratelimit/middleware.ts";
import { healthRouter } from "./health/routes.ts";
import { accountsRouter } from "./registry/accounts.routes.ts";
import { channelsRouter } from "./registry/channels.routes.ts";
import { auditRouter } from "./audit/routes.ts";
import { checksRouter } from "./lookalike/routes.ts";
import { badgesRouter } from "./badges/routes.ts";
import { badgeCrossOrigin, BADGE_PUBLIC_PATHS } from "./badges/cross-origin.ts";
import { attestationsRouter } from "./badges/attestations.routes.ts";
import { clearedByWrites, createBadgeCache } from "./badges/badge-cache.ts";
import { badgeKeysAdminRouter } from "./badges/keys-admin.routes.ts";
import { webRouter } from "./web/routes.ts";
import { scanRouter } from "./scan/routes.ts";
import { createScanner, type Scanner } from "./scan/scanner.ts";

/** Paths anyone may read from any origin (the messaging UI, the public checker). */
export const PUBLIC_READ_PATHS = ["/v1/accounts", "/v1/accounts/*", "/v1/channels", "/v1/channels/*", "/v1/check", "/openapi.json"];

export function createApp(deps: AppDeps) {
  const cache = createRegistryCache({ db: deps.db, clock: deps.clock, checkEveryMs: deps.config.cache.checkEveryMs });
  const writes = createWriteQueue();
  const badges = createBadgeCache(writes);
  // Badge answers follow the registry version like every other cached read.
  cache.onChange(() => badges.invalidate());
  let scanner: Scanner | undefined;
  const ctx: AppContext = { deps, db: deps.db, writes: clearedByWrites(writes, badges), cache, badges, scanner: () => (scanner ??= createScanner()) };
  const app = createRouter();

  app.use(requestId({ headerName: "X-Request-Id", limitLength: 128 }));
  app.use(async (c, next) => {
    c.set("ctx", ctx);
    await next();
  });
  app.use(requestLog);
  // Before the security headers, so its CORP: cross-origin has the last word (see badges/cross-origin.ts).
  for (const path of BADGE_PUBLIC_PATHS) app.use(path, badgeCrossOrigin);
  app.use(securityHeaders);
  const publicCors = cors({ origin: "*", allowMethods: ["GET", "HEAD", "OPTIONS"], exposeHeaders: ["ETag", "X-Request-Id", "X-Teammark-Stale", "Retry-After"] });
  for (const path of PUBLIC_READ_PATHS) {
    // Only reads are cross-origin; writes on the same paths get no CORS headers.
    app.use(path, (c, next) => (["GET", "HEAD", "OPTIONS"].includes(c.req.method) ? publicCors(c, next) : next()));
  }
  app.use("/v1/*", limitPublicRequests);
  const limitBody = bodyLimit({
    maxSize: deps.config.bodyLimitBytes,
    onError: () => {
      throw new ApiError("payload-too-large", `request bodies are limited to ${deps.config.bodyLimitBytes} bytes`);
    },
  });
  // Reads carry no body; skipping them spares the Node adapter building a full Request.
  app.use((c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? next() : limitBody(c, next)));
  app.use(jsonBodiesOnly);
  app.use("/v1/*", markStaleAnswers);

  const routes = app
    .route("/", healthRouter())
    .route("/", accountsRouter())
    .route("/", channelsRouter())
    .route("/", auditRouter())
    .route("/", checksRouter())
    .route("/", badgesRouter())
    .route("/", attestationsRouter())
    .route("/", badgeKeysAdminRouter())
    .route("/", scanRouter())
    .route("/", webRouter());

  documentSharedProblems(app.openAPIRegistry);
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "Moderator or service token with a `roles` claim (viewer | moderator | admin | messaging).",
  });
  const docConfig = {
    openapi: "3.1.0",
    info: {
      title: "teammark",
      version: "0.1.0",
      description: "Official-account registry, signed Team badges, lookalike checks and message scanning.",
    },
  };
  app.doc31("/openapi.json", docConfig);
  app.get("/docs", (c) => {
    // The reference page is static HTML with one inline stylesheet and no script.
    c.header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    return c.html(renderDocsPage(app.getOpenAPI31Document(docConfig) as unknown as Parameters<typeof renderDocsPage>[0]));
  });

  app.notFound((c) => problemResponse(problemBody("not-found", `no route for ${c.req.method} ${c.req.path}`, c.var.requestId)));
  app.onError(handleError);
  return routes;
}

export type App = ReturnType<typeof createApp>;
