import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase, fail } from "../../platform/use-case";
import { lockEditableDraft, mayEditApplication, touchApplication } from "../editable-draft";
import { budgetLineFields, budgetLineSchema } from "./budget-line-input";
import { budgetLine } from "./schema";

export const updateBudgetLineInput = budgetLineSchema(
  budgetLineFields.extend({
    applicationId: z.uuid("application.error.unknown"),
    lineId: z.uuid("budget.error.unknownLine"),
  }),
);

/** Changes one line of a draft's budget, while the call is open. */
export const updateBudgetLine = defineUseCase({
  name: "application.budget.updateLine",
  input: updateBudgetLineInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    await lockEditableDraft(tx, input.applicationId, now);
    const where = and(
      eq(budgetLine.id, input.lineId),
      eq(budgetLine.applicationId, input.applicationId),
    );
    const [before] = await tx.select().from(budgetLine).where(where);
    if (!before) throw fail.conflict("budget.error.unknownLine");
    await tx
      .update(budgetLine)
      .set({ ...input.line, updatedAt: now })
      .where(where);
    await touchApplication(tx, input.applicationId, now);
    const { category, description, hours, hourlyCostCents, amountCents } = before;
    return {
      value: { id: before.id },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: {
          budgetLine: before.id,
          category,
          description,
          hours,
          hourlyCostCents,
          amountCents,
        },
        after: { budgetLine: before.id, ...input.line },
      },
    };
  },
});
