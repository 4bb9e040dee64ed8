import { mayEditApplication } from "../editable-draft";
import { disseminationItems } from "./plan-draft";
import { addDisseminationInput } from "./plan-input";
import { disseminationItemOf } from "./read-plan";

/** Adds a material to a draft's dissemination and replication plan. */
export const addDisseminationItem = disseminationItems.add({
  name: "application.plan.addDisseminationItem",
  input: addDisseminationInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  values: ({ applicationId: _, ...fields }) => fields,
  value: disseminationItemOf,
});
