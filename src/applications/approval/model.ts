import { createHash } from "node:crypto";
import { canonicalJson } from "../../calls/question-types";
import type { ApplicationStatus } from "../model";
import type { Dossier } from "../submission/dossier";

// The director's approval (ADR 0033): a call may ask that the director of the lead school
// approves an application before it is submitted. The approval is of the draft as it is: it
// keeps the fingerprint of what the school wrote, and holds only while that stays the same.

export const approvalStates = ["notRequired", "waiting", "approved", "lapsed"] as const;
export type ApprovalState = (typeof approvalStates)[number];

/**
 * The fingerprint of what the school wrote: the answers and every step, but not the call (a
 * moved deadline is no change to the draft) nor the status (a reopened draft that did not
 * change keeps its approval). SHA-256 of the canonical JSON, hex.
 */
export function draftFingerprint(dossier: Dossier): string {
  const { call: _call, form, ...written } = dossier;
  return createHash("sha256")
    .update(canonicalJson({ ...written, formVersionId: form.versionId }), "utf8")
    .digest("hex");
}

/**
 * Where an application stands with its approval. Submitted and withdrawn applications keep what
 * they had when they were submitted: "approved" when an approval was on record.
 */
export function approvalState(input: {
  required: boolean;
  status: ApplicationStatus;
  approvedFingerprint: string | null;
  /** The draft's fingerprint now; only needed for drafts. */
  currentFingerprint: string | null;
}): ApprovalState {
  if (!input.required) return "notRequired";
  if (!input.approvedFingerprint) return "waiting";
  if (input.status !== "draft") return "approved";
  return input.approvedFingerprint === input.currentFingerprint ? "approved" : "lapsed";
}

/** Whether the submission may go ahead as far as the approval is concerned. */
export function approvalAllowsSubmission(state: ApprovalState): boolean {
  return state === "notRequired" || state === "approved";
}
