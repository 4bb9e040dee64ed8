import { eq } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase } from "../../platform/use-case";
import { lockWhileOpen, mayEditApplication } from "../editable-draft";
import { application } from "../schema";

export const withdrawApplicationInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  reason: z.string().trim().max(2000, "error.tooLong").default(""),
});

/**
 * Withdraws a submitted application before the deadline. The submission's snapshot stays as it
 * was (it is immutable); the application no longer counts as submitted until it is reopened and
 * submitted again.
 */
export const withdrawApplication = defineUseCase({
  name: "application.withdraw",
  input: withdrawApplicationInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    await lockWhileOpen(tx, input.applicationId, now, "withdraw", "application.error.notSubmitted");
    await tx
      .update(application)
      .set({ status: "withdrawn", updatedAt: now })
      .where(eq(application.id, input.applicationId));
    return {
      value: { id: input.applicationId },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: { status: "submitted" },
        after: { status: "withdrawn", reason: input.reason || null },
      },
    };
  },
});
