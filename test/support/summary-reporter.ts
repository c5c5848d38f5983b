// Prints one plain closing line ("tests: N passed, N failed, N skipped") after
// vitest's own summary, so CI and humans read the same totals without colours.
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  /** One word naming the suite ("tests", "workerd", "browser"): each of npm test's runs closes with its own line. */
  private readonly label: string;
  constructor(options: { label?: string } = {}) {
    this.label = options.label ?? "tests";
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      if (mod.state() === "failed" && [...mod.children.allTests()].length === 0) failed++;
    }
    process.stdout.write(`\n${this.label}: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
