import { eq } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase, fail } from "../../platform/use-case";
import { lockEditableDraft, mayApproveApplication } from "../editable-draft";
import { application } from "../schema";

export const withdrawApprovalInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
});

/**
 * The director takes back an approval while the application is still a draft (ADR 0033): the
 * coordinator cannot submit until the director approves again. A lapsed approval can be
 * withdrawn too, so that it does not come back when the draft returns to what was approved.
 */
export const withdrawApproval = defineUseCase({
  name: "application.withdrawApproval",
  input: withdrawApprovalInput,
  authorize: (actor, input, tx) => mayApproveApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    const draft = await lockEditableDraft(tx, input.applicationId, now);
    if (!draft.application.approvedFingerprint)
      throw fail.conflict("application.error.notApproved");
    await tx
      .update(application)
      .set({ approvedFingerprint: null, approvedAt: null, approvedBy: null })
      .where(eq(application.id, input.applicationId));
    return {
      value: { id: input.applicationId },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: {
          approvedFingerprint: draft.application.approvedFingerprint,
          approvedBy: draft.application.approvedBy,
        },
        after: { approvedFingerprint: null },
      },
    };
  },
});
