import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countPlaywright,
  countVitest,
  type PlaywrightReport,
  type VitestErrorsReport,
  type VitestReport,
} from "../.ci/count-results";

// CI's closing line must count every failure: a failed test, and every file that failed to load,
// hook that threw and unhandled error besides, also when tests failed too (it once counted a
// failed hook only when no test had failed). The reports below have the shapes Vitest 5 and
// Playwright write (taken from real runs of small failing suites, cut to the fields read); the
// last test runs a real Vitest on such a suite and the summary script on its reports.

const run = promisify(execFile);

/** One file with a failed test and two hooks that threw, one whose describe's beforeAll threw,
 * one that failed to load, one with an unhandled error: 1 failed test, 5 other errors. */
const mixedVitest: VitestReport = {
  numPassedTests: 4,
  numFailedTests: 1,
  numFailedTestSuites: 5,
  success: false,
  testResults: [
    {
      name: "/r/a-pass.test.ts",
      status: "passed",
      message: "",
      assertionResults: [{ status: "passed" }],
    },
    {
      name: "/r/b-fail.test.ts",
      status: "failed",
      message: "top afterAll broke",
      assertionResults: [{ status: "failed" }, { status: "passed" }],
    },
    {
      name: "/r/c-hook.test.ts",
      status: "failed",
      message: "",
      assertionResults: [{ status: "skipped" }, { status: "passed" }],
    },
    { name: "/r/d-load.test.ts", status: "failed", message: "cannot load", assertionResults: [] },
    {
      name: "/r/e-unhandled.test.ts",
      status: "passed",
      message: "",
      assertionResults: [{ status: "passed" }],
    },
  ],
};
const mixedErrors: VitestErrorsReport = {
  errors: [
    { kind: "file", where: "/r/b-fail.test.ts", message: "top afterAll broke" },
    { kind: "suite", where: "/r/b-fail.test.ts > group", message: "afterAll in group broke" },
    { kind: "suite", where: "/r/c-hook.test.ts > with hook", message: "beforeAll broke" },
    { kind: "file", where: "/r/d-load.test.ts", message: "cannot load" },
    { kind: "unhandled", where: "", message: "unhandled later" },
  ],
};

describe("counting a Vitest run", () => {
  it("counts every hook, file and unhandled error besides the failed tests", () => {
    expect(countVitest(mixedVitest, mixedErrors)).toMatchObject({ passed: 4, failed: 6 });
  });

  it("counts a failed hook in a file whose tests failed too", () => {
    const report: VitestReport = {
      numPassedTests: 1,
      numFailedTests: 2,
      numFailedTestSuites: 2,
      success: false,
      testResults: [
        {
          name: "/r/x.test.ts",
          status: "failed",
          message: "",
          assertionResults: [{ status: "failed" }, { status: "failed" }, { status: "passed" }],
        },
      ],
    };
    const errors: VitestErrorsReport = {
      errors: [{ kind: "suite", where: "/r/x.test.ts > block", message: "afterAll broke" }],
    };
    const count = countVitest(report, errors);
    expect(count).toMatchObject({ passed: 1, failed: 3 });
    expect(count.notes).toEqual(["suite error /r/x.test.ts > block: afterAll broke"]);
  });

  it("without the errors report: one for it, plus what the JSON report shows", () => {
    // b's file error, c failed without a failed test, d's load error; + 1 for the missing report.
    expect(countVitest(mixedVitest, null)).toMatchObject({ passed: 4, failed: 1 + 3 + 1 });
  });

  it("counts nothing for a clean run, and a failure for a failed run with nothing in it", () => {
    const clean: VitestReport = {
      numPassedTests: 3,
      numFailedTests: 0,
      numFailedTestSuites: 0,
      success: true,
      testResults: [{ name: "/r/a.test.ts", status: "passed", message: "", assertionResults: [] }],
    };
    expect(countVitest(clean, { errors: [] })).toEqual({ passed: 3, failed: 0, notes: [] });
    expect(countVitest({ ...clean, success: false }, { errors: [] })).toMatchObject({ failed: 1 });
  });
});

describe("counting a Playwright run", () => {
  it("counts failed tests, hooks failing their tests, and every error outside the tests", () => {
    // A failed test, a beforeAll that failed its first test (the second skipped), an afterAll
    // that failed the test before it: three unexpected. Plus two errors outside any test.
    const report: PlaywrightReport = {
      stats: { expected: 1, skipped: 1, unexpected: 3, flaky: 0 },
      errors: [{ message: "Error: cannot load b" }, { message: "Error: worker crashed" }],
    };
    expect(countPlaywright(report)).toMatchObject({ passed: 1, failed: 5 });
  });

  it("counts a spec file that failed to load, when nothing ran", () => {
    const report: PlaywrightReport = {
      stats: { expected: 0, skipped: 0, unexpected: 0, flaky: 0 },
      errors: [{ message: "Error: cannot load b" }],
    };
    expect(countPlaywright(report)).toMatchObject({ passed: 0, failed: 1 });
  });

  it("counts a flaky test as passed", () => {
    expect(
      countPlaywright({ stats: { expected: 2, unexpected: 0, flaky: 1 }, errors: [] }),
    ).toEqual({ passed: 3, failed: 0, notes: [] });
  });
});

describe("the summary script on a real Vitest run", () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "innovet-ci-summary-"));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("ends with every failure counted and exits with 1", async () => {
    const suite = join(scratch, "suite");
    mkdirSync(suite);
    symlinkSync(resolve("node_modules"), join(suite, "node_modules"));
    writeFileSync(
      join(suite, "vitest.config.ts"),
      'import { defineConfig } from "vitest/config";\nexport default defineConfig({ test: { include: ["*.test.ts"] } });\n',
    );
    const files: Record<string, string> = {
      "a-pass.test.ts": 'import { it } from "vitest";\nit("passes", () => {});\n',
      "b-fail.test.ts": `import { afterAll, describe, expect, it } from "vitest";
describe("group", () => {
  it("fails", () => expect(1).toBe(2));
  it("passes", () => {});
  afterAll(() => { throw new Error("afterAll in group broke"); });
});
afterAll(() => { throw new Error("top afterAll broke"); });
`,
      "c-hook.test.ts": `import { beforeAll, describe, it } from "vitest";
describe("with hook", () => {
  beforeAll(() => { throw new Error("beforeAll broke"); });
  it("never runs", () => {});
});
it("runs", () => {});
`,
      "d-load.test.ts":
        'import { it } from "vitest";\nthrow new Error("cannot load");\nit("x", () => {});\n',
      "e-unhandled.test.ts": `import { it } from "vitest";
it("leaks an error", () => {
  setTimeout(() => { throw new Error("unhandled later"); }, 1);
  return new Promise((r) => setTimeout(r, 50));
});
`,
      // A test worker that dies (as one that V8 aborts out of memory) takes its file with it.
      "f-crash.test.ts": `import { it } from "vitest";
it("ends its own worker", () => { process.kill(process.pid, "SIGKILL"); });
`,
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(suite, name), text);
    const results = join(scratch, "ci-results");
    mkdirSync(results);
    await run(
      resolve("node_modules/.bin/vitest"),
      [
        "run",
        "--reporter=json",
        `--outputFile.json=${join(results, "vitest-pglite.json")}`,
        `--reporter=${resolve(".ci/vitest-errors-reporter.ts")}`,
      ],
      {
        cwd: suite,
        env: { ...process.env, VITEST_ERRORS_REPORT: join(results, "vitest-pglite-errors.json") },
        timeout: 120_000,
      },
    ).catch(() => {}); // It fails, as it should; the reports are what matter.
    // The same reports stand in for the PostgreSQL run; a clean Playwright run.
    cpSync(join(results, "vitest-pglite.json"), join(results, "vitest-postgres.json"));
    cpSync(
      join(results, "vitest-pglite-errors.json"),
      join(results, "vitest-postgres-errors.json"),
    );
    writeFileSync(
      join(results, "e2e.json"),
      JSON.stringify({ stats: { expected: 2, skipped: 0, unexpected: 0, flaky: 0 }, errors: [] }),
    );
    const summary = await run(process.execPath, [
      resolve(".ci/summary.ts"),
      results,
      "2",
      "0",
    ]).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(summary.stdout).toContain("vitest-pglite.json: 4 passed, 7 failed");
    expect(summary.stdout).toContain("suite error");
    expect(summary.stdout).toContain("unhandled error");
    // A dead test worker is named with the file it was running.
    expect(summary.stdout).toMatch(/Worker exited unexpectedly .*f-crash\.test\.ts/);
    // 4 + 4 + 2 tests and 2 checks passed; 7 + 7 failed.
    expect(summary.stdout.trim().split("\n").at(-1)).toBe("12 passed, 14 failed");
    expect(summary.code).toBe(1);
  }, 120_000);
});
