// Browser tests: the real Node server and Debian's Chromium driven by
// playwright-core. Run with `npm run test:e2e` (needs /usr/bin/chromium).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", ["./test/support/summary-reporter.ts", { label: "browser" }]],
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/e2e/**/*.e2e.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time: the machine is small and each file starts its own.
    fileParallelism: false,
  },
});
