import { z } from "zod";
import { parseEuroCents } from "../../calls/call-input";
import { budgetCategories, maxReleaseHours, releaseAmountCents } from "./model";

// What a budget line form sends, checked into a line: the category decides which fields count.
// Teacher release time needs hours and an hourly cost; every other category an amount. Amounts
// are typed the Flemish way ("12.500,50") and become whole cents.

const euro = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .transform((value, ctx) => {
      const cents = parseEuroCents(value);
      if (cents === null || cents <= 0) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return cents;
    });

const hours = z
  .string({ error: "budget.error.hoursRequired" })
  .trim()
  .min(1, "budget.error.hoursRequired")
  .transform((value, ctx) => {
    const number = Number(value.replace(",", "."));
    if (!/^\d+([.,]\d{1,2})?$/.test(value) || number <= 0 || number > maxReleaseHours) {
      ctx.addIssue({ code: "custom", message: "budget.error.invalidHours" });
      return z.NEVER;
    }
    return number;
  });

/** The fields of a budget line form; use cases extend them with the ids they need. */
export const budgetLineFields = z.object({
  category: z.enum(budgetCategories, { error: "budget.error.categoryRequired" }),
  description: z
    .string({ error: "budget.error.descriptionRequired" })
    .trim()
    .min(1, "budget.error.descriptionRequired")
    .max(500, "error.tooLong"),
  hours: z.string().max(40).optional(),
  hourlyCost: z.string().max(40).optional(),
  amount: z.string().max(40).optional(),
});
type BudgetLineFields = z.output<typeof budgetLineFields>;

export interface CheckedBudgetLine {
  category: BudgetLineFields["category"];
  description: string;
  hours: number | null;
  hourlyCostCents: number | null;
  amountCents: number;
}

/**
 * The line the fields describe, or zod issues at the fields that are wrong. For `.transform` on
 * a schema built from `budgetLineFields`; the other fields (ids) are passed through.
 */
export function checkBudgetLine<T extends BudgetLineFields>(
  fields: T,
  ctx: z.RefinementCtx,
): Omit<T, keyof BudgetLineFields> & { line: CheckedBudgetLine } {
  const { category, description, hours: typedHours, hourlyCost, amount, ...ids } = fields;
  const line = (rest: Omit<CheckedBudgetLine, "category" | "description">) => ({
    ...ids,
    line: { category, description, ...rest },
  });
  if (category === "teacherRelease") {
    const h = hours.safeParse(typedHours ?? "");
    const cost = euro("budget.error.invalidHourlyCost").safeParse(hourlyCost ?? "");
    if (!h.success)
      ctx.addIssue({ code: "custom", path: ["hours"], message: h.error.issues[0]?.message ?? "" });
    if (!cost.success)
      ctx.addIssue({
        code: "custom",
        path: ["hourlyCost"],
        message: cost.error.issues[0]?.message ?? "",
      });
    if (!h.success || !cost.success) return z.NEVER;
    return line({
      hours: h.data,
      hourlyCostCents: cost.data,
      amountCents: releaseAmountCents(h.data, cost.data),
    });
  }
  const parsed = euro("budget.error.invalidAmount").safeParse(amount ?? "");
  if (!parsed.success) {
    ctx.addIssue({ code: "custom", path: ["amount"], message: "budget.error.invalidAmount" });
    return z.NEVER;
  }
  return line({ hours: null, hourlyCostCents: null, amountCents: parsed.data });
}

/** A budget line on its own (the form's fields only). */
export const budgetLineInput = budgetLineFields.transform(checkBudgetLine);
