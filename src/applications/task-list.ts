import { budgetProblems } from "./budget/model";
import type { SectionStatus } from "./model";
import type { ApplicationProblem } from "./problems";
import type { Dossier } from "./submission/dossier";

// The steps of the task list beyond the call's form sections: each step knows whether it holds
// anything yet and which problems the eligibility check finds in it, and its status follows
// from those two the same way for every step.

export const applicationSteps = ["budget"] as const;
export type ApplicationStep = (typeof applicationSteps)[number];

interface StepRule {
  /** The step's page, relative to the application. */
  path: string;
  isEmpty: (dossier: Dossier) => boolean;
  problems: (dossier: Dossier) => ApplicationProblem[];
}

/** The co-financing the partners of the consortium bring in, for the budget's rules. */
export function partnerCoFinancing(_dossier: Dossier) {
  return []; // MERGE: dossier.consortium.partners
}

export const stepRules: Record<ApplicationStep, StepRule> = {
  budget: {
    path: "budget",
    isEmpty: (d) => d.budget.lines.length === 0,
    problems: (d) => budgetProblems(d.budget.lines, partnerCoFinancing(d), d.call),
  },
};

export interface TaskListStep {
  id: ApplicationStep;
  path: string;
  status: SectionStatus;
}

export function taskListSteps(dossier: Dossier): TaskListStep[] {
  return applicationSteps.map((id) => {
    const rule = stepRules[id];
    const status: SectionStatus = rule.isEmpty(dossier)
      ? "notStarted"
      : rule.problems(dossier).length === 0
        ? "completed"
        : "inProgress";
    return { id, path: rule.path, status };
  });
}
