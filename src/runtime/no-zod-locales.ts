// Workers bundle only (wrangler.toml [alias] "../locales/index.js"): zod's
// namespace re-exports all ~45 locale message packs, and @hono/zod-openapi
// hands the whole `z` namespace to extendZodWithOpenApi, so the bundler keeps
// every one (about 260 KiB raw, a fifth of the Worker). The app never calls
// z.config(z.locales.…()); zod's English messages are set up elsewhere
// (classic/external.js imports locales/en.js directly), so this empty module
// takes the packs' place. Node and the tests use zod unchanged.
export {};
