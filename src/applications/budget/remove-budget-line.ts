import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase, fail } from "../../platform/use-case";
import { lockEditableDraft, mayEditApplication, touchApplication } from "../editable-draft";
import { budgetLine } from "./schema";

export const removeBudgetLineInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  lineId: z.uuid("budget.error.unknownLine"),
});

/** Removes a line from a draft's budget; the audit log keeps what it held. */
export const removeBudgetLine = defineUseCase({
  name: "application.budget.removeLine",
  input: removeBudgetLineInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    await lockEditableDraft(tx, input.applicationId, now);
    const [removed] = await tx
      .delete(budgetLine)
      .where(
        and(eq(budgetLine.id, input.lineId), eq(budgetLine.applicationId, input.applicationId)),
      )
      .returning();
    if (!removed) throw fail.conflict("budget.error.unknownLine");
    await touchApplication(tx, input.applicationId, now);
    const { category, description, hours, hourlyCostCents, amountCents } = removed;
    return {
      value: { id: removed.id },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: {
          budgetLine: removed.id,
          category,
          description,
          hours,
          hourlyCostCents,
          amountCents,
        },
        after: null,
      },
    };
  },
});
