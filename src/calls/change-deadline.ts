import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "../db/client";
import { rescheduleDeadlineReminders } from "../notifications/deadline-reminders";
import { defineUseCase, fail } from "../platform/use-case";
import { instant } from "./call-input";
import { isCallPublic } from "./model";
import { callsPolicy } from "./policy";
import { call } from "./schema";

export const changeDeadlineInput = z.object({
  id: z.uuid("error.call.unknown"),
  version: z.coerce.number({ error: "error.required" }).int().positive("error.required"),
  closesAt: instant.refine((v) => v !== null, "error.required"),
  reason: z
    .string({ error: "deadline.error.reasonRequired" })
    .trim()
    .min(1, "deadline.error.reasonRequired")
    .max(1000, "error.tooLong"),
});

/**
 * A programme manager moves the deadline of a published call (an extension after a holiday, a
 * correction), with a reason that the audit log keeps. Everything else of a published call
 * stays frozen. The new deadline lies in the future, after the opening and before the decision
 * date. The deadline reminders of every draft of the call move with it, in the same transaction.
 *
 * The drafts are the applications area's, which this area may not import (docs/architecture.md,
 * "Which area imports which"): that area completes the use case with `draftsOf`
 * (`src/applications/change-deadline.ts` exports the use case the pages call).
 */
export function changeDeadlineFollowedBy(
  draftsOf: (tx: Transaction, callId: string) => Promise<readonly string[]>,
) {
  return defineUseCase({
    name: "call.changeDeadline",
    input: changeDeadlineInput,
    authorize: (actor) => callsPolicy.changeDeadline(actor),
    run: async (tx, input, { now }) => {
      const closesAt = input.closesAt as Date;
      const [current] = await tx.select().from(call).where(eq(call.id, input.id)).for("update");
      if (!current) throw fail.notFound();
      if (!isCallPublic(current.status)) throw fail.conflict("deadline.error.notPublished");
      if (current.version !== input.version) throw fail.conflict("call.conflict");
      if (closesAt.getTime() <= now.getTime())
        throw fail.field("closesAt", "deadline.error.inPast");
      if (current.opensAt && closesAt.getTime() <= current.opensAt.getTime())
        throw fail.field("closesAt", "error.call.closesBeforeOpens");
      if (current.decisionAt && current.decisionAt.getTime() <= closesAt.getTime())
        throw fail.field("closesAt", "deadline.error.afterDecision");
      if (current.closesAt?.getTime() === closesAt.getTime())
        throw fail.field("closesAt", "deadline.error.unchanged");

      const [updated] = await tx
        .update(call)
        .set({ closesAt, version: input.version + 1, updatedAt: now })
        .where(and(eq(call.id, input.id), eq(call.version, input.version)))
        .returning();
      if (!updated) throw fail.conflict("call.conflict");

      const reminders = await rescheduleDeadlineReminders(
        tx,
        {
          applicationIds: await draftsOf(tx, input.id),
          callTitle: updated.title,
          deadline: closesAt,
        },
        now,
      );
      return {
        value: { id: updated.id, version: updated.version, reminders },
        audit: {
          subjectType: "call",
          subjectId: updated.id,
          before: { closesAt: current.closesAt, version: current.version },
          after: { closesAt, version: updated.version, reason: input.reason },
        },
      };
    },
  });
}
