import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase, fail } from "../../platform/use-case";
import { lockEditableDraft, mayEditApplication, touchApplication } from "../editable-draft";
import { budgetLineFields, budgetLineSchema } from "./budget-line-input";
import { budgetLine } from "./schema";

/** The most lines one budget may have: far more than any proposal needs, a guard against abuse. */
export const maxBudgetLines = 200;

export const addBudgetLineInput = budgetLineSchema(
  budgetLineFields.extend({ applicationId: z.uuid("application.error.unknown") }),
);

/** Adds a line to a draft's budget, while the call is open. */
export const addBudgetLine = defineUseCase({
  name: "application.budget.addLine",
  input: addBudgetLineInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    await lockEditableDraft(tx, input.applicationId, now);
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
    const [saved] = await tx
      .insert(budgetLine)
      .values({
        applicationId: input.applicationId,
        ...input.line,
        position: last + 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await touchApplication(tx, input.applicationId, now);
    return {
      value: { id: saved?.id as string },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: null,
        after: { budgetLine: saved?.id, ...input.line },
      },
    };
  },
});
