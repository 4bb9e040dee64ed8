// Sums the JSON reports of every suite into CI's closing line "N passed, N failed" (the counting
// rules are in count-results.ts). A suite whose report is missing (it crashed before writing one)
// counts as one failure.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Count, countPlaywright, countVitest } from "./count-results.ts";

const [dir = "ci-results", checksPassed = "0", checksFailed = "0"] = process.argv.slice(2);
let passed = Number(checksPassed);
let failed = Number(checksFailed);

const read = (file: string) => {
  const path = join(dir, file);
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
};

const suites: Array<[string, (report: never) => Count]> = [
  ["vitest-pglite.json", (r) => countVitest(r, read("vitest-pglite-errors.json"))],
  ["vitest-postgres.json", (r) => countVitest(r, read("vitest-postgres-errors.json"))],
  ["e2e.json", (r) => countPlaywright(r)],
];

for (const [file, count] of suites) {
  const report = read(file);
  if (!report) {
    console.log(`${file}: missing report, counted as 1 failed`);
    failed += 1;
    continue;
  }
  const c = count(report as never);
  console.log(`${file}: ${c.passed} passed, ${c.failed} failed`);
  for (const note of c.notes) console.log(`  ${note}`);
  passed += c.passed;
  failed += c.failed;
}
console.log(`checks (lint, typecheck): ${checksPassed} passed, ${checksFailed} failed`);
console.log(`${passed} passed, ${failed} failed`);
// A failure anywhere fails CI.
process.exitCode = failed > 0 ? 1 : 0;
