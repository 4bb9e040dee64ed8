import { asc, eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client";
import type { BudgetLine } from "./model";
import { budgetLine } from "./schema";

// Reading a budget: its lines in the order they were added. The totals and the check against the
// call's rules are pure functions of these lines and the consortium's co-financing (model.ts).
// No policy here: callers have read the application through its policy first.

export async function readBudgetLines(
  db: DbExecutor,
  applicationId: string,
): Promise<BudgetLine[]> {
  const rows = await db
    .select()
    .from(budgetLine)
    .where(eq(budgetLine.applicationId, applicationId))
    .orderBy(asc(budgetLine.position));
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    description: r.description,
    hours: r.hours,
    hourlyCostCents: r.hourlyCostCents,
    amountCents: r.amountCents,
  }));
}
