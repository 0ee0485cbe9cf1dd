/**
 * Ends the vitest output with one plain line, "N passed, N failed, N skipped", which CI systems
 * and people scanning a log read without knowing vitest's own format.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryLineReporter implements Reporter {
  private modules: ReadonlyArray<TestModule> = [];

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    this.modules = testModules;
  }

  // Printed from onFinished, which runs after the default reporter's summary: this line comes last.
  onFinished(): void {
    const testModules = this.modules;
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of testModules) {
      for (const test of m.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) failed++; // a file that failed to load
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
