import { eq } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase, fail } from "../../platform/use-case";
import { lockEditableDraft, mayApproveApplication } from "../editable-draft";
import { application } from "../schema";
import { readDossier } from "../submission/dossier";
import { applicationProblems } from "../submission/eligibility";
import { draftFingerprint } from "./model";

export const approveApplicationInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  /** The fingerprint of the draft the director read: they approve that, and nothing since. */
  fingerprint: z
    .string({ error: "application.error.staleForm" })
    .regex(/^[0-9a-f]{64}$/, "application.error.staleForm"),
});

/**
 * The director of the lead school approves a draft for submission, when its call asks for it
 * (ADR 0033). Only a draft without problems, while the call is open, and only the version the
 * director read: if the coordinator changed it in between, the approval is refused and the
 * director reads it again. The approval keeps the draft's fingerprint and lapses when it changes.
 */
export const approveApplication = defineUseCase({
  name: "application.approve",
  input: approveApplicationInput,
  authorize: (actor, input, tx) => mayApproveApplication(actor, input.applicationId, tx),
  run: async (tx, input, { actor, now }) => {
    if (!actor) throw fail.forbidden();
    const draft = await lockEditableDraft(tx, input.applicationId, now);
    if (!draft.call.directorApprovalRequired)
      throw fail.conflict("application.error.approvalNotAsked");
    const dossier = await readDossier(tx, input.applicationId);
    if (!dossier) throw fail.notFound();
    const fingerprint = draftFingerprint(dossier);
    if (fingerprint !== input.fingerprint) throw fail.conflict("application.error.approvalStale");
    if (applicationProblems(dossier).length > 0)
      throw fail.conflict("application.error.approvalNotEligible");
    if (draft.application.approvedFingerprint === fingerprint)
      return { value: { id: input.applicationId, fingerprint }, audit: null };
    await tx
      .update(application)
      .set({ approvedFingerprint: fingerprint, approvedAt: now, approvedBy: actor.userId })
      .where(eq(application.id, input.applicationId));
    return {
      value: { id: input.applicationId, fingerprint },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: { approvedFingerprint: draft.application.approvedFingerprint },
        after: { approvedFingerprint: fingerprint },
      },
    };
  },
});
