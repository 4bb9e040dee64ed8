import { mayEditApplication } from "../editable-draft";
import { disseminationItems } from "./plan-draft";
import { updateDisseminationInput } from "./plan-input";
import { disseminationItemOf } from "./read-plan";

/** Changes a material of a draft's dissemination and replication plan. */
export const updateDisseminationItem = disseminationItems.update({
  name: "application.plan.updateDisseminationItem",
  input: updateDisseminationInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  itemId: (input) => input.itemId,
  values: ({ applicationId: _, itemId: __, ...fields }) => fields,
  value: disseminationItemOf,
});
