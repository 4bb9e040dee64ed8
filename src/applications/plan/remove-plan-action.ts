import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase } from "../../platform/use-case";
import { mayEditApplication, touchApplication } from "../editable-draft";
import { itemGone, lockPlanDraft } from "./plan-draft";
import { actionOf } from "./read-plan";
import { planAction } from "./schema";

export const removePlanActionInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  actionId: z.uuid("plan.error.itemGone"),
});

/** Removes an action (and its milestones) from a draft's plan. */
export const removePlanAction = defineUseCase({
  name: "application.plan.removeAction",
  input: removePlanActionInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    await lockPlanDraft(tx, input.applicationId, now);
    const [row] = await tx
      .delete(planAction)
      .where(
        and(eq(planAction.id, input.actionId), eq(planAction.applicationId, input.applicationId)),
      )
      .returning();
    if (!row) throw itemGone();
    await touchApplication(tx, input.applicationId, now);
    return {
      value: { id: row.id },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: { planAction: actionOf(row) },
        after: null,
      },
    };
  },
});
