import { defineUseCase } from "../../platform/use-case";
import { mayEditApplication, touchApplication } from "../editable-draft";
import { lockPlanDraft } from "./plan-draft";
import { addActionInput } from "./plan-input";
import { actionOf } from "./read-plan";
import { planAction } from "./schema";

/**
 * Adds an action with its milestones to a draft's plan, while the call is open; milestones within
 * the action. An action outside the call's period (from 1 September of its first school year,
 * for at most its maximum duration) is saved all the same: the period is the submission's rule,
 * listed by the plan's problems and shown at the dates (ADR 0020).
 */
export const addPlanAction = defineUseCase({
  name: "application.plan.addAction",
  input: addActionInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    await lockPlanDraft(tx, input.applicationId, now);
    const [row] = await tx
      .insert(planAction)
      .values({
        applicationId: input.applicationId,
        title: input.title,
        description: input.description,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        milestones: [...input.milestones].sort((a, b) => a.date.localeCompare(b.date)),
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await touchApplication(tx, input.applicationId, now);
    const action = actionOf(row);
    return {
      value: action,
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: null,
        after: { planAction: action },
      },
    };
  },
});
