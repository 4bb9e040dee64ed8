import { mayEditApplication } from "../editable-draft";
import { planActions } from "./plan-draft";
import { updateActionInput } from "./plan-input";
import { actionOf } from "./read-plan";

/**
 * Changes an action of a draft's plan (its milestones replaced by those posted). As when adding,
 * an action outside the call's period is saved and listed as a problem for the submission.
 */
export const updatePlanAction = planActions.update({
  name: "application.plan.updateAction",
  input: updateActionInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  itemId: (input) => input.actionId,
  values: (input) => ({
    title: input.title,
    description: input.description,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    milestones: [...input.milestones].sort((a, b) => a.date.localeCompare(b.date)),
  }),
  value: actionOf,
});
