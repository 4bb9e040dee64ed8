import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase } from "../../platform/use-case";
import { mayEditApplication, touchApplication } from "../editable-draft";
import { itemGone, lockPlanDraft } from "./plan-draft";
import { disseminationItemOf } from "./read-plan";
import { planDisseminationItem } from "./schema";

export const removeDisseminationItemInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  itemId: z.uuid("plan.error.itemGone"),
});

/** Removes a material from a draft's dissemination and replication plan. */
export const removeDisseminationItem = defineUseCase({
  name: "application.plan.removeDisseminationItem",
  input: removeDisseminationItemInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    await lockPlanDraft(tx, input.applicationId, now);
    const [row] = await tx
      .delete(planDisseminationItem)
      .where(
        and(
          eq(planDisseminationItem.id, input.itemId),
          eq(planDisseminationItem.applicationId, input.applicationId),
        ),
      )
      .returning();
    if (!row) throw itemGone();
    await touchApplication(tx, input.applicationId, now);
    return {
      value: { id: row.id },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: { disseminationItem: disseminationItemOf(row) },
        after: null,
      },
    };
  },
});
