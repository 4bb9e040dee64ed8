import { z } from "zod";
import { evenWhenFieldsFail } from "../../platform/form-input";
import { parseEuroCents } from "../../platform/money";
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

const typed = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * The fields the category asks for, checked in the same round as every other field (zod runs a
 * refinement of the object only when its fields pass, unless told otherwise: `when`), so a form
 * with a blank description and a wrong amount shows both at once. The value may be partly
 * invalid: only what was typed is read.
 */
function categoryFields(value: Record<string, unknown>, ctx: z.RefinementCtx) {
  const issue = (path: string, result: { success: boolean; error?: z.ZodError }) => {
    if (!result.success)
      ctx.addIssue({
        code: "custom",
        path: [path],
        message: result.error?.issues[0]?.message ?? "",
      });
  };
  if (value.category === "teacherRelease") {
    issue("hours", hours.safeParse(typed(value.hours)));
    issue("hourlyCost", euro("budget.error.invalidHourlyCost").safeParse(typed(value.hourlyCost)));
  } else if ((budgetCategories as readonly unknown[]).includes(value.category))
    issue("amount", euro("budget.error.invalidAmount").safeParse(typed(value.amount)));
  // Without a category it is unknown which fields count: the category's own error says so.
}

/** The line the checked fields describe; the other fields (ids) are passed through. */
function toLine<T extends BudgetLineFields>(
  fields: T,
): Omit<T, keyof BudgetLineFields> & { line: CheckedBudgetLine } {
  const { category, description, hours: typedHours, hourlyCost, amount, ...ids } = fields;
  if (category === "teacherRelease") {
    const h = hours.parse(typedHours ?? "");
    const cost = euro("budget.error.invalidHourlyCost").parse(hourlyCost ?? "");
    const line = { hours: h, hourlyCostCents: cost, amountCents: releaseAmountCents(h, cost) };
    return { ...ids, line: { category, description, ...line } };
  }
  const cents = euro("budget.error.invalidAmount").parse(amount ?? "");
  return {
    ...ids,
    line: { category, description, hours: null, hourlyCostCents: null, amountCents: cents },
  };
}

/**
 * A schema of a budget line form from `budgetLineFields` (extended with ids): every field's
 * problem reported in one round, then the line in cents.
 */
export function budgetLineSchema<T extends typeof budgetLineFields>(fields: T) {
  return fields
    .check(
      z.superRefine(
        (value, ctx) => categoryFields(value as Record<string, unknown>, ctx),
        evenWhenFieldsFail,
      ),
    )
    .transform((value) => toLine(value as z.output<T>));
}

/** A budget line on its own (the form's fields only). */
export const budgetLineInput = budgetLineSchema(budgetLineFields);
