import { and, eq } from "drizzle-orm";
import { defineUseCase } from "../../platform/use-case";
import { mayEditApplication, touchApplication } from "../editable-draft";
import { itemGone, lockPlanDraft } from "./plan-draft";
import { updateActionInput } from "./plan-input";
import { actionOf } from "./read-plan";
import { planAction } from "./schema";

/**
 * Changes an action of a draft's plan (its milestones replaced by those posted). As when adding,
 * an action outside the call's period is saved and listed as a problem for the submission.
 */
export const updatePlanAction = defineUseCase({
  name: "application.plan.updateAction",
  input: updateActionInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    await lockPlanDraft(tx, input.applicationId, now);
    const of = and(
      eq(planAction.id, input.actionId),
      eq(planAction.applicationId, input.applicationId),
    );
    const [current] = await tx.select().from(planAction).where(of);
    if (!current) throw itemGone();
    const [row] = await tx
      .update(planAction)
      .set({
        title: input.title,
        description: input.description,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        milestones: [...input.milestones].sort((a, b) => a.date.localeCompare(b.date)),
      })
      .where(of)
      .returning();
    if (!row) throw itemGone();
    await touchApplication(tx, input.applicationId, now);
    const action = actionOf(row);
    return {
      value: action,
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: { planAction: actionOf(current) },
        after: { planAction: action },
      },
    };
  },
});
