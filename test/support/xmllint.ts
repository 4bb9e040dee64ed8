import { spawnSync } from "node:child_process";

// Well-formedness checked by libxml2's xmllint (Debian's libxml2-utils), the parser of the real
// standard, instead of string matching written for the test. CI installs it; a test that needs it
// fails under CI when it is missing and skips elsewhere with a note saying how to install it.

const missing = (() => {
  const run = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  return run.error
    ? `xmllint is missing (apt-get install libxml2-utils): ${run.error.message}`
    : null;
})();

/**
 * Null where xmllint can run; otherwise why not. Under CI (process.env.CI) a missing xmllint
 * throws, so that the check cannot quietly not happen.
 */
export function xmllintMissing(): string | null {
  if (missing && process.env.CI) throw new Error(missing);
  return missing;
}

/** xmllint's complaints about a document (not well-formed), or null when it parses. */
export function xmlProblems(xml: string | Uint8Array): string | null {
  const run = spawnSync("xmllint", ["--noout", "--nonet", "-"], { input: xml, encoding: "utf8" });
  if (run.error) throw new Error(`xmllint could not run: ${run.error.message}`);
  return run.status === 0 ? null : run.stderr || `xmllint exited with ${run.status}`;
}
