import { and, eq } from "drizzle-orm";
import { defineUseCase } from "../../platform/use-case";
import { mayEditApplication, touchApplication } from "../editable-draft";
import { itemGone, lockPlanDraft } from "./plan-draft";
import { updateDisseminationInput } from "./plan-input";
import { disseminationItemOf } from "./read-plan";
import { planDisseminationItem } from "./schema";

/** Changes a material of a draft's dissemination and replication plan. */
export const updateDisseminationItem = defineUseCase({
  name: "application.plan.updateDisseminationItem",
  input: updateDisseminationInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    await lockPlanDraft(tx, input.applicationId, now);
    const { applicationId, itemId, ...fields } = input;
    const of = and(
      eq(planDisseminationItem.id, itemId),
      eq(planDisseminationItem.applicationId, applicationId),
    );
    const [current] = await tx.select().from(planDisseminationItem).where(of);
    if (!current) throw itemGone();
    const [row] = await tx.update(planDisseminationItem).set(fields).where(of).returning();
    if (!row) throw itemGone();
    await touchApplication(tx, applicationId, now);
    const item = disseminationItemOf(row);
    return {
      value: item,
      audit: {
        subjectType: "application",
        subjectId: applicationId,
        before: { disseminationItem: disseminationItemOf(current) },
        after: { disseminationItem: item },
      },
    };
  },
});
