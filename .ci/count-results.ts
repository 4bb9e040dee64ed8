// How CI's closing line counts each suite's report (used by summary.ts, tested by
// test/ci-summary.test.ts with reports in the shapes Vitest and Playwright write). Every failure
// counts, always: a failed test, and besides it every file that failed to load, every hook that
// threw and every unhandled error, also when tests failed too.

/** The fields used of Vitest's JSON report. */
export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numFailedTestSuites: number;
  success: boolean;
  testResults: Array<{
    name: string;
    status: string;
    /** The file's first own error (failed to load, a top-level hook): "" when none. */
    message: string;
    assertionResults: Array<{ status: string }>;
  }>;
}

/** What .ci/vitest-errors-reporter.ts writes: every error that is not a failed test. */
export interface VitestErrorsReport {
  errors: Array<{ kind: "file" | "suite" | "unhandled"; where: string; message: string }>;
}

/** The fields used of Playwright's JSON report. */
export interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped?: number };
  /** Errors outside any test: a spec file that failed to load, global setup, a worker crash. */
  errors?: Array<{ message?: string }>;
}

export interface Count {
  passed: number;
  failed: number;
  /** What each counted failure outside the tests was, for the log. */
  notes: string[];
}

/**
 * A Vitest run: its failed tests plus every error of the errors report. Without that report (the
 * run ended before writing it) the JSON report alone gives a lower bound: each file's own error,
 * and each failed file with no failed test and no error of its own (a describe's hook), plus one
 * for the missing report.
 */
export function countVitest(report: VitestReport, errors: VitestErrorsReport | null): Count {
  const notes: string[] = [];
  let outside = 0;
  if (errors) {
    for (const e of errors.errors) notes.push(`${e.kind} error ${e.where}: ${e.message}`.trim());
    outside = errors.errors.length;
  } else {
    notes.push("errors report missing: counted as 1 failed; hook errors estimated from the JSON");
    outside = 1;
    for (const file of report.testResults) {
      const testFailed = file.assertionResults.some((a) => a.status === "failed");
      if (file.message) {
        notes.push(`file error ${file.name}: ${file.message.split("\n")[0]}`);
        outside++;
      } else if (file.status === "failed" && !testFailed) {
        notes.push(`failed without a failed test (a hook) ${file.name}`);
        outside++;
      }
    }
  }
  let failed = report.numFailedTests + outside;
  // Vitest says the run failed but nothing above explains it: still a failure.
  if (!report.success && failed === 0) {
    notes.push("the run failed without a failed test or error in the reports");
    failed = 1;
  }
  return { passed: report.numPassedTests, failed, notes };
}

/** A Playwright run: hook failures are failed tests there; every error outside a test counts. */
export function countPlaywright(report: PlaywrightReport): Count {
  const errors = report.errors ?? [];
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + errors.length,
    notes: errors.map((e) => `error outside the tests: ${(e.message ?? "").split("\n")[0]}`),
  };
}
