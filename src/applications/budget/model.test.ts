import { describe, expect, it } from "vitest";
import { budgetLineInput } from "./budget-line-input";
import {
  type BudgetLine,
  type BudgetRules,
  budgetProblems,
  budgetTotals,
  type PartnerCoFinancing,
  releaseAmountCents,
} from "./model";

// The budget rules, table-driven: totals, the per-project maximum and the co-financing minimum
// at and around their edges, and what a budget line form accepts.

const line = (amountCents: number, category: BudgetLine["category"] = "materials"): BudgetLine => ({
  id: `l${amountCents}`,
  category,
  description: "Een regel",
  hours: null,
  hourlyCostCents: null,
  amountCents,
});
const partner = (cashCents: number, inKindCents = 0): PartnerCoFinancing => ({
  name: "Partner",
  cashCents,
  inKindCents,
});
const rules = { maxPerProjectCents: 50_000_00, minCoFinancingPercent: 10 };

describe("budget totals", () => {
  it("sums lines per category and subtracts co-financing from what is requested", () => {
    const totals = budgetTotals(
      [line(10_000_00), line(5_000_00, "teacherRelease"), line(2_500_00)],
      [partner(1_000_00, 500_00), partner(0, 250_00)],
    );
    expect(totals.byCategory.materials).toBe(12_500_00);
    expect(totals.byCategory.teacherRelease).toBe(5_000_00);
    expect(totals.totalCostCents).toBe(17_500_00);
    expect(totals.coFinancingCents).toBe(1_750_00);
    expect(totals.requestedCents).toBe(15_750_00);
    expect(totals.coFinancingPercent).toBe(10);
  });

  it("never asks a negative amount when partners bring in more than the cost", () => {
    expect(budgetTotals([line(100_00)], [partner(500_00)]).requestedCents).toBe(0);
  });

  it.each([
    [37.5, 4_150, 155_625],
    [1, 1, 1],
    [0.25, 4_999, 1_250],
  ])("%s hours at %s cents cost %s cents", (hours, cost, expected) => {
    expect(releaseAmountCents(hours, cost)).toBe(expected);
  });
});

describe("budget problems", () => {
  const cases: Array<[string, BudgetLine[], PartnerCoFinancing[], BudgetRules, string[]]> = [
    ["no lines at all", [], [partner(1_000_00)], rules, ["budget.problem.noLines"]],
    ["exactly the maximum asked, exactly 10%", [line(55_555_60)], [partner(5_555_60)], rules, []],
    [
      "one cent above the maximum",
      [line(55_555_61)],
      [partner(5_555_60)],
      rules,
      ["budget.problem.aboveMaximum"],
    ],
    [
      "one cent short of 10% co-financing",
      [line(10_000_00)],
      [partner(999_99)],
      rules,
      ["budget.problem.tooLittleCoFinancing"],
    ],
    ["in kind counts as co-financing", [line(10_000_00)], [partner(0, 1_000_00)], rules, []],
    [
      "both rules broken",
      [line(100_000_00)],
      [],
      rules,
      ["budget.problem.aboveMaximum", "budget.problem.tooLittleCoFinancing"],
    ],
    [
      "a call without rules",
      [line(100_000_00)],
      [],
      { maxPerProjectCents: null, minCoFinancingPercent: null },
      [],
    ],
  ];
  it.each(cases)("%s", (_name, lines, partners, callRules, expected) => {
    expect(budgetProblems(lines, partners, callRules).map((p) => p.key)).toEqual(expected);
  });

  it("names the amounts as money and links to the totals", () => {
    const [problem] = budgetProblems([line(60_000_00)], [partner(6_000_00)], rules);
    expect(problem).toMatchObject({
      money: { requested: 54_000_00, maximum: 50_000_00 },
      fixAt: "budget#totalen",
    });
  });
});

describe("a budget line as typed", () => {
  const cases: Array<[string, Record<string, string>, Record<string, unknown> | string[]]> = [
    [
      "an amount the Flemish way",
      { category: "materials", description: "Laptops", amount: "12.500,50" },
      { amountCents: 1_250_050, hours: null },
    ],
    [
      "teacher release in hours",
      {
        category: "teacherRelease",
        description: "Vrijstelling",
        hours: "37,5",
        hourlyCost: "41,50",
      },
      { hours: 37.5, hourlyCostCents: 4_150, amountCents: 155_625 },
    ],
    [
      "teacher release without hours",
      { category: "teacherRelease", description: "Vrijstelling", hourlyCost: "41,50" },
      ["hours"],
    ],
    [
      "too many hours",
      { category: "teacherRelease", description: "V", hours: "9000", hourlyCost: "40" },
      ["hours"],
    ],
    ["a zero amount", { category: "other", description: "Niets", amount: "0" }, ["amount"]],
    ["a negative amount", { category: "other", description: "Min", amount: "-5" }, ["amount"]],
    ["no description", { category: "other", description: "  ", amount: "5" }, ["description"]],
    ["an unknown category", { category: "yachts", description: "Boot", amount: "5" }, ["category"]],
  ];
  it.each(cases)("%s", (_name, form, expected) => {
    const parsed = budgetLineInput.safeParse(form);
    if (Array.isArray(expected)) {
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(expected);
    } else {
      expect(parsed.success).toBe(true);
      expect(parsed.data?.line).toMatchObject(expected);
    }
  });
});
