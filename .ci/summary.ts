// Sums the JSON reports of every suite into CI's closing line "N passed, N failed". A suite whose
// report is missing (it crashed before writing one) counts as one failure.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir = "ci-results", checksPassed = "0", checksFailed = "0"] = process.argv.slice(2);
let passed = Number(checksPassed);
let failed = Number(checksFailed);

/** The fields used of vitest's and Playwright's JSON reports. */
interface Report {
  numPassedTests: number;
  numFailedTests: number;
  success: boolean;
  stats: { expected: number; unexpected: number; flaky: number };
  errors?: unknown[];
}

const suites: Array<[string, (report: Report) => [number, number]]> = [
  [
    "vitest-pglite.json",
    (r) => [r.numPassedTests, r.numFailedTests + (r.success ? 0 : r.numFailedTests === 0 ? 1 : 0)],
  ],
  [
    "vitest-postgres.json",
    (r) => [r.numPassedTests, r.numFailedTests + (r.success ? 0 : r.numFailedTests === 0 ? 1 : 0)],
  ],
  [
    "e2e.json",
    (r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected + (r.errors?.length ? 1 : 0)],
  ],
];

for (const [file, count] of suites) {
  const path = join(dir, file);
  if (!existsSync(path)) {
    console.log(`${file}: missing report, counted as 1 failed`);
    failed += 1;
    continue;
  }
  const [p, f] = count(JSON.parse(readFileSync(path, "utf8")));
  console.log(`${file}: ${p} passed, ${f} failed`);
  passed += p;
  failed += f;
}
console.log(`checks (lint, typecheck): ${checksPassed} passed, ${checksFailed} failed`);
console.log(`${passed} passed, ${failed} failed`);
// A failure anywhere fails CI.
process.exitCode = failed > 0 ? 1 : 0;
