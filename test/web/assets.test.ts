// The bundles in src/web/generated/ must be what `npm run build:web` produces
// from the current sources (npm test rebuilds them first; running vitest alone
// after editing browser code fails here instead of serving old code).
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { buildWebAssets, GENERATED_FILE } from "../../scripts/build-web.ts";

test("src/web/generated/assets.ts is up to date (run `npm run build:web` if this fails)", async () => {
  expect(readFileSync(GENERATED_FILE, "utf8") === (await buildWebAssets())).toBe(true);
});

test("the embeddable badge stays small: at most 12 KiB gzipped (README states the current size)", async () => {
  const { gzipSync } = await import("node:zlib");
  const { WEB_ASSETS } = await import("../../src/web/generated/assets.ts");
  expect(gzipSync(WEB_ASSETS["badge.js"]!.body).length).toBeLessThanOrEqual(12 * 1024);
});
