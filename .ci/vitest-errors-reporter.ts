// A Vitest reporter for CI that writes every error that is not a failed test: a file that failed
// to load, a hook that threw (beforeAll/afterAll, in a file or a describe block), an unhandled
// error or rejection. Vitest's JSON report has none of these in full: it gives a file's first error
// only, a failed suite only as a number, and no unhandled errors at all, so a hook that failed in
// a file whose tests also failed went uncounted. Written to the path in VITEST_ERRORS_REPORT.
import { writeFileSync } from "node:fs";
import type { Reporter, SerializedError, TestModule } from "vitest/node";
import type { VitestErrorsReport } from "./count-results.ts";

const firstLine = (error: SerializedError) => (error.message ?? String(error)).split("\n")[0] ?? "";

/** An unhandled error with what caused it ("Worker exited unexpectedly") and where it ran. */
function unhandled(error: SerializedError): { where: string; message: string } {
  const cause = error.cause as SerializedError | undefined;
  const path = (error as { VITEST_TEST_PATH?: string }).VITEST_TEST_PATH;
  return {
    where: path ?? "",
    message: cause ? `${firstLine(error)} (caused by: ${firstLine(cause)})` : firstLine(error),
  };
}

export default class VitestErrorsReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
  ): void {
    const report: VitestErrorsReport = { errors: [] };
    for (const module of testModules) {
      for (const error of module.errors())
        report.errors.push({ kind: "file", where: module.moduleId, message: firstLine(error) });
      for (const suite of module.children.allSuites())
        for (const error of suite.errors())
          report.errors.push({
            kind: "suite",
            where: `${module.moduleId} > ${suite.fullName}`,
            message: firstLine(error),
          });
    }
    for (const error of unhandledErrors)
      report.errors.push({ kind: "unhandled", ...unhandled(error) });
    const file = process.env.VITEST_ERRORS_REPORT;
    if (file) writeFileSync(file, JSON.stringify(report, null, 2));
  }
}
