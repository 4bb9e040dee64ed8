import { z } from "zod";
import { mayEditApplication } from "../editable-draft";
import { budgetLines } from "./budget-draft";

export const removeBudgetLineInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  lineId: z.uuid("budget.error.unknownLine"),
});

/** Removes a line from a draft's budget; the audit log keeps what it held. */
export const removeBudgetLine = budgetLines.remove({
  name: "application.budget.removeLine",
  input: removeBudgetLineInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  itemId: (input) => input.lineId,
});
