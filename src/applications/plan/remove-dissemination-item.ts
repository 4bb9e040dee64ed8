import { z } from "zod";
import { mayEditApplication } from "../editable-draft";
import { disseminationItems } from "./plan-draft";

export const removeDisseminationItemInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  itemId: z.uuid("plan.error.itemGone"),
});

/** Removes a material from a draft's dissemination and replication plan. */
export const removeDisseminationItem = disseminationItems.remove({
  name: "application.plan.removeDisseminationItem",
  input: removeDisseminationItemInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  itemId: (input) => input.itemId,
});
