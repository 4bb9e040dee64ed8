import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { fail } from "../../platform/use-case";
import { mayEditApplication } from "../editable-draft";
import { budgetLines, maxBudgetLines } from "./budget-draft";
import { budgetLineFields, budgetLineSchema } from "./budget-line-input";
import { budgetLine } from "./schema";

export const addBudgetLineInput = budgetLineSchema(
  budgetLineFields.extend({ applicationId: z.uuid("application.error.unknown") }),
);

/** Adds a line to a draft's budget, while the call is open, after the lines it has. */
export const addBudgetLine = budgetLines.add({
  name: "application.budget.addLine",
  input: addBudgetLineInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  values: async (input, { tx, now }) => {
    const [{ count, last }] = (await tx
      .select({
        count: sql<number>`count(*)::int`,
        last: sql<number>`coalesce(max(${budgetLine.position}), 0)::int`,
      })
      .from(budgetLine)
      .where(eq(budgetLine.applicationId, input.applicationId))) as [
      { count: number; last: number },
    ];
    if (count >= maxBudgetLines) throw fail.conflict("budget.error.tooManyLines");
    return { ...input.line, position: last + 1, createdAt: now, updatedAt: now };
  },
  value: (row) => ({ id: row.id }),
});
