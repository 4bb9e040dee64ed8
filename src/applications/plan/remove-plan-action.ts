import { z } from "zod";
import { mayEditApplication } from "../editable-draft";
import { planActions } from "./plan-draft";

export const removePlanActionInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  actionId: z.uuid("plan.error.itemGone"),
});

/** Removes an action (and its milestones) from a draft's plan. */
export const removePlanAction = planActions.remove({
  name: "application.plan.removeAction",
  input: removePlanActionInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  itemId: (input) => input.actionId,
});
