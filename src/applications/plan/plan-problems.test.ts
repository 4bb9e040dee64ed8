import { describe, expect, it } from "vitest";
import { isIsoDay, type Plan, type PlanRules, planPeriod } from "./model";
import { planProblems, planStatus } from "./plan-problems";

// The plan's rules as a table: each row changes one thing of a complete plan and names the
// problems that must follow (or none). The call's period comes from its school years.

const rules: PlanRules = { schoolYears: ["2027-2028", "2028-2029"], maxDurationMonths: 24 };

const action = {
  id: "a1",
  title: "Lessenreeks ontwerpen",
  description: "Samen met het bedrijf.",
  startsOn: "2027-09-01",
  endsOn: "2029-08-31",
  milestones: [{ title: "Eerste versie", date: "2028-01-31" }],
};
const teacher = {
  id: "t1",
  name: "An Peeters",
  email: null,
  role: "Leraar",
  organisationId: null,
  learningGoal: "Werken met cobots.",
  learningMethod: "workplaceLearning" as const,
  learningWith: "",
  plannedHours: 40,
};
const item = {
  id: "m1",
  title: "Lessenreeks cobots",
  resourceType: "lessonSeries" as const,
  programmeCodes: ["1540"],
  licence: "CC-BY-4.0" as const,
  releaseOn: null,
};
const complete: Plan = {
  callRules: rules,
  actions: [action],
  teachers: [teacher],
  dissemination: [item],
};

describe("planProblems", () => {
  it.each<[string, Partial<Plan>, Array<[string, string]>]>([
    ["a complete plan", {}, []],
    ["no action", { actions: [] }, [["plan.problem.noActions", "plan#acties"]]],
    [
      "an action starting before 1 September of the first school year",
      { actions: [{ ...action, startsOn: "2027-08-31" }] },
      [["plan.problem.actionOutsidePeriod", "plan#actie-a1"]],
    ],
    [
      "an action ending after the maximum duration",
      { actions: [{ ...action, endsOn: "2029-09-01" }] },
      [["plan.problem.actionOutsidePeriod", "plan#actie-a1"]],
    ],
    ["no teacher", { teachers: [] }, [["plan.problem.noTeachers", "plan#leraren"]]],
    [
      "a teacher without what they learn",
      { teachers: [{ ...teacher, learningGoal: " " }] },
      [["plan.problem.noProfessionalisation", "plan#leraar-t1"]],
    ],
    [
      "a teacher without how",
      { teachers: [{ ...teacher, learningMethod: null }] },
      [["plan.problem.noProfessionalisation", "plan#leraar-t1"]],
    ],
    [
      "a teacher without hours",
      { teachers: [{ ...teacher, plannedHours: null }] },
      [["plan.problem.noProfessionalisation", "plan#leraar-t1"]],
    ],
    [
      "no dissemination",
      { dissemination: [] },
      [["plan.problem.noDissemination", "plan#verspreiding"]],
    ],
    [
      "a material without study programme",
      { dissemination: [{ ...item, programmeCodes: [] }] },
      [["plan.problem.noProgrammes", "plan#materiaal-m1"]],
    ],
    [
      "a material without licence",
      { dissemination: [{ ...item, licence: null }] },
      [["plan.problem.noOpenLicence", "plan#materiaal-m1"]],
    ],
    [
      "an empty plan",
      { actions: [], teachers: [], dissemination: [] },
      [
        ["plan.problem.noActions", "plan#acties"],
        ["plan.problem.noTeachers", "plan#leraren"],
        ["plan.problem.noDissemination", "plan#verspreiding"],
      ],
    ],
  ])("%s", (_name, change, expected) => {
    const plan = { ...complete, ...change };
    expect(planProblems(plan, rules).map((p) => [p.key, p.fixAt])).toEqual(expected);
  });

  it("does not check the period of a call that has none (a draft call)", () => {
    const plan = { ...complete, actions: [{ ...action, startsOn: "2001-01-01" }] };
    expect(planProblems(plan, { schoolYears: [], maxDurationMonths: null })).toEqual([]);
  });

  it("names the item in the message", () => {
    const [problem] = planProblems(
      { ...complete, teachers: [{ ...teacher, plannedHours: 0 }] },
      rules,
    );
    expect(problem?.params).toEqual({ teacher: "An Peeters" });
  });
});

describe("planStatus", () => {
  it.each<[string, Partial<Plan>, string]>([
    ["nothing yet", { actions: [], teachers: [], dissemination: [] }, "notStarted"],
    ["something missing", { teachers: [] }, "inProgress"],
    ["complete", {}, "completed"],
  ])("%s: %s", (_name, change, status) => {
    expect(planStatus({ ...complete, ...change })).toBe(status);
  });
});

describe("planPeriod", () => {
  it.each<[string, PlanRules, ReturnType<typeof planPeriod>]>([
    ["two school years, 24 months", rules, { startsOn: "2027-09-01", endsOn: "2029-08-31" }],
    [
      "one school year, 12 months",
      { schoolYears: ["2026-2027"], maxDurationMonths: 12 },
      { startsOn: "2026-09-01", endsOn: "2027-08-31" },
    ],
    [
      "school years out of order: the first one counts",
      { schoolYears: ["2029-2030", "2028-2029"], maxDurationMonths: 18 },
      { startsOn: "2028-09-01", endsOn: "2030-02-28" },
    ],
    [
      "a duration ending in a leap year",
      { schoolYears: ["2027-2028"], maxDurationMonths: 6 },
      { startsOn: "2027-09-01", endsOn: "2028-02-29" },
    ],
    ["no school years", { schoolYears: [], maxDurationMonths: 12 }, null],
    ["no duration", { schoolYears: ["2027-2028"], maxDurationMonths: null }, null],
  ])("%s", (_name, input, expected) => {
    expect(planPeriod(input)).toEqual(expected);
  });
});

describe("isIsoDay", () => {
  it.each([
    ["2027-09-01", true],
    ["2028-02-29", true],
    ["2027-02-29", false],
    ["2027-13-01", false],
    ["1-9-2027", false],
    ["01/09/2027", false],
    ["2027-09-01T00:00", false],
    ["", false],
  ])("%s → %s", (value, expected) => {
    expect(isIsoDay(value)).toBe(expected);
  });
});
