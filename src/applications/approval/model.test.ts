import { describe, expect, it } from "vitest";
import type { ApplicationStatus } from "../model";
import { type ApprovalState, approvalAllowsSubmission, approvalState } from "./model";

// Where an application stands with the director's approval (ADR 0033), as a table.

const cases: Array<
  [string, boolean, ApplicationStatus, string | null, string | null, ApprovalState, boolean]
> = [
  // what, required, status, approved fingerprint, fingerprint now, state, may submit
  ["call does not ask", false, "draft", null, "f1", "notRequired", true],
  ["call does not ask, stray approval", false, "draft", "f0", "f1", "notRequired", true],
  ["not approved yet", true, "draft", null, "f1", "waiting", false],
  ["approved this draft", true, "draft", "f1", "f1", "approved", true],
  ["draft changed since", true, "draft", "f0", "f1", "lapsed", false],
  ["submitted with an approval", true, "submitted", "f0", null, "approved", true],
  ["withdrawn with an approval", true, "withdrawn", "f0", null, "approved", true],
  ["submitted before the call asked", true, "submitted", null, null, "waiting", false],
];

describe("approvalState", () => {
  it.each(cases)("%s", (_what, required, status, approved, now, state, maySubmit) => {
    const result = approvalState({
      required,
      status,
      approvedFingerprint: approved,
      currentFingerprint: now,
    });
    expect(result).toBe(state);
    expect(approvalAllowsSubmission(result)).toBe(maySubmit);
  });
});
