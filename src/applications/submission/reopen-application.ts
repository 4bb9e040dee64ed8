import { eq } from "drizzle-orm";
import { z } from "zod";
import { resumeDeadlineReminders } from "../../notifications/deadline-reminders";
import { defineUseCase } from "../../platform/use-case";
import { lockWhileOpen, mayEditApplication } from "../editable-draft";
import { application } from "../schema";

export const reopenApplicationInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
});

/**
 * Reopens a withdrawn application as a draft, until the deadline: everything it held is still
 * there, and the deadline reminders that were cancelled at submission come back if their moment
 * is still ahead.
 */
export const reopenApplication = defineUseCase({
  name: "application.reopen",
  input: reopenApplicationInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    await lockWhileOpen(
      tx,
      input.applicationId,
      now,
      "withdrawn",
      "application.error.notWithdrawn",
    );
    await tx
      .update(application)
      .set({ status: "draft", updatedAt: now })
      .where(eq(application.id, input.applicationId));
    await resumeDeadlineReminders(tx, input.applicationId, now);
    return {
      value: { id: input.applicationId },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: { status: "withdrawn" },
        after: { status: "draft" },
      },
    };
  },
});
