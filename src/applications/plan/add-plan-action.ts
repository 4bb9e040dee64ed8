import { mayEditApplication } from "../editable-draft";
import { planActions } from "./plan-draft";
import { addActionInput } from "./plan-input";
import { actionOf } from "./read-plan";

/**
 * Adds an action with its milestones to a draft's plan, while the call is open; milestones within
 * the action. An action outside the call's period (from 1 September of its first school year,
 * for at most its maximum duration) is saved all the same: the period is the submission's rule,
 * listed by the plan's problems and shown at the dates (ADR 0020).
 */
export const addPlanAction = planActions.add({
  name: "application.plan.addAction",
  input: addActionInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  values: (input) => ({
    title: input.title,
    description: input.description,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    milestones: [...input.milestones].sort((a, b) => a.date.localeCompare(b.date)),
  }),
  value: actionOf,
});
