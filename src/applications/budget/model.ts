import type { ApplicationProblem } from "../problems";

// The budget of an application: lines by category, the partners' co-financing (cash and in kind,
// as committed in the consortium) and the totals the call's rules are checked against. Amounts
// are whole euro cents; teacher release time is hours times an hourly cost.

export const budgetCategories = [
  "teacherRelease", // vrijstelling van leraren (uren en kostprijs)
  "materials", // werkingsmiddelen en materiaal
  "infrastructure", // infrastructuur en uitrusting
  "externalExpertise", // externe expertise
  "dissemination", // disseminatie
  "other", // andere kosten
] as const;
export type BudgetCategory = (typeof budgetCategories)[number];

/** The most hours one teacher-release line may hold: a full-time job for four school years. */
export const maxReleaseHours = 8_000;

export interface BudgetLine {
  id: string;
  category: BudgetCategory;
  description: string;
  /** Teacher release only: hours and the cost of one hour. */
  hours: number | null;
  hourlyCostCents: number | null;
  amountCents: number;
}

/** What one partner brings in, from the consortium. */
export interface PartnerCoFinancing {
  name: string;
  cashCents: number;
  inKindCents: number;
}

export interface BudgetTotals {
  byCategory: Record<BudgetCategory, number>;
  totalCostCents: number;
  coFinancingCents: number;
  /** What the consortium asks from the programme: the cost not covered by co-financing. */
  requestedCents: number;
  /** Co-financing as a share of the total cost, in percent (0 when there is no cost yet). */
  coFinancingPercent: number;
}

/** The amount of a teacher-release line: hours times the hourly cost, rounded to a cent. */
export function releaseAmountCents(hours: number, hourlyCostCents: number): number {
  return Math.round(hours * hourlyCostCents);
}

export function budgetTotals(lines: BudgetLine[], partners: PartnerCoFinancing[]): BudgetTotals {
  const byCategory = Object.fromEntries(budgetCategories.map((c) => [c, 0])) as Record<
    BudgetCategory,
    number
  >;
  for (const line of lines) byCategory[line.category] += line.amountCents;
  const totalCostCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
  const coFinancingCents = partners.reduce((sum, p) => sum + p.cashCents + p.inKindCents, 0);
  return {
    byCategory,
    totalCostCents,
    coFinancingCents,
    requestedCents: Math.max(0, totalCostCents - coFinancingCents),
    coFinancingPercent:
      totalCostCents === 0 ? 0 : Math.floor((coFinancingCents * 10_000) / totalCostCents) / 100,
  };
}

export interface BudgetRules {
  maxPerProjectCents: number | null;
  minCoFinancingPercent: number | null;
}

/**
 * The budget's part of the eligibility check: at least one line, the amount asked from the
 * programme within the call's per-project maximum, and co-financing of at least the call's
 * minimum share of the total cost (compared in whole cents, never in rounded percentages).
 */
export function budgetProblems(
  lines: BudgetLine[],
  partners: PartnerCoFinancing[],
  rules: BudgetRules,
): ApplicationProblem[] {
  if (lines.length === 0) return [{ key: "budget.problem.noLines", fixAt: "budget" }];
  const totals = budgetTotals(lines, partners);
  const problems: ApplicationProblem[] = [];
  if (rules.maxPerProjectCents !== null && totals.requestedCents > rules.maxPerProjectCents)
    problems.push({
      key: "budget.problem.aboveMaximum",
      money: { requested: totals.requestedCents, maximum: rules.maxPerProjectCents },
      fixAt: "budget#totalen",
    });
  if (
    rules.minCoFinancingPercent !== null &&
    totals.coFinancingCents * 100 < totals.totalCostCents * rules.minCoFinancingPercent
  )
    problems.push({
      key: "budget.problem.tooLittleCoFinancing",
      params: { percent: rules.minCoFinancingPercent, actual: totals.coFinancingPercent },
      fixAt: "budget#cofinanciering",
    });
  return problems;
}
