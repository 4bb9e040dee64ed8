import { eq } from "drizzle-orm";
import { z } from "zod";
import { rescheduleDeadlineReminders } from "../../notifications/deadline-reminders";
import { defineUseCase } from "../../platform/use-case";
import { lockWhileOpen, mayEditApplication } from "../editable-draft";
import { application } from "../schema";

export const reopenApplicationInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
});

/**
 * Reopens a withdrawn application as a draft, until the deadline: everything it held is still
 * there, and the deadline reminders that were cancelled at submission come back, for the call's
 * deadline as it is now, when their moment is still ahead.
 */
export const reopenApplication = defineUseCase({
  name: "application.reopen",
  input: reopenApplicationInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    const { call } = await lockWhileOpen(
      tx,
      input.applicationId,
      now,
      "reopen",
      "application.error.notWithdrawn",
    );
    await tx
      .update(application)
      .set({ status: "draft", updatedAt: now })
      .where(eq(application.id, input.applicationId));
    if (call.closesAt)
      await rescheduleDeadlineReminders(
        tx,
        { applicationIds: [input.applicationId], callTitle: call.title, deadline: call.closesAt },
        now,
      );
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
