import { z } from "zod";
import { mayEditApplication } from "../editable-draft";
import { budgetLines } from "./budget-draft";
import { budgetLineFields, budgetLineSchema } from "./budget-line-input";

export const updateBudgetLineInput = budgetLineSchema(
  budgetLineFields.extend({
    applicationId: z.uuid("application.error.unknown"),
    lineId: z.uuid("budget.error.unknownLine"),
  }),
);

/** Changes one line of a draft's budget, while the call is open. */
export const updateBudgetLine = budgetLines.update({
  name: "application.budget.updateLine",
  input: updateBudgetLineInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  itemId: (input) => input.lineId,
  values: (input, { now }) => ({ ...input.line, updatedAt: now }),
  value: (row) => ({ id: row.id }),
});
