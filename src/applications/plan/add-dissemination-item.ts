import { defineUseCase } from "../../platform/use-case";
import { mayEditApplication, touchApplication } from "../editable-draft";
import { lockPlanDraft } from "./plan-draft";
import { addDisseminationInput } from "./plan-input";
import { disseminationItemOf } from "./read-plan";
import { planDisseminationItem } from "./schema";

/** Adds a material to a draft's dissemination and replication plan. */
export const addDisseminationItem = defineUseCase({
  name: "application.plan.addDisseminationItem",
  input: addDisseminationInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    await lockPlanDraft(tx, input.applicationId, now);
    const { applicationId, ...fields } = input;
    const [row] = await tx
      .insert(planDisseminationItem)
      .values({ applicationId, ...fields })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await touchApplication(tx, applicationId, now);
    const item = disseminationItemOf(row);
    return {
      value: item,
      audit: {
        subjectType: "application",
        subjectId: applicationId,
        before: null,
        after: { disseminationItem: item },
      },
    };
  },
});
