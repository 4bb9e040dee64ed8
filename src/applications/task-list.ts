import { budgetProblems, type PartnerCoFinancing } from "./budget/model";
import { consortiumProblems, consortiumStarted } from "./consortium/problems";
import { type ApplicationStep, type SectionStatus, stepPath } from "./model";
import type { ApplicationProblem } from "./problems";
import type { Dossier } from "./submission/dossier";

// The steps of the task list beyond the call's form sections: each step knows whether it holds
// anything yet and which problems the eligibility check finds in it, and its status follows
// from those two the same way for every step.

interface StepRule {
  isEmpty: (dossier: Dossier) => boolean;
  problems: (dossier: Dossier) => ApplicationProblem[];
}

/** The co-financing the partners of the consortium bring in, for the budget's rules. */
export function partnerCoFinancing(dossier: Dossier): PartnerCoFinancing[] {
  return dossier.consortium.partners.map((p) => ({
    name: p.name,
    cashCents: p.cashCents,
    inKindCents: p.inKindCents,
  }));
}

/** In task-list order: the eligibility check lists the problems in this order too. */
export const stepRules: Partial<Record<ApplicationStep, StepRule>> = {
  consortium: {
    isEmpty: (d) => !consortiumStarted(d.consortium),
    problems: (d) => consortiumProblems(d.consortium, d.call),
  },
  budget: {
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
  return (Object.entries(stepRules) as Array<[ApplicationStep, StepRule]>).map(([id, rule]) => {
    const status: SectionStatus = rule.isEmpty(dossier)
      ? "notStarted"
      : rule.problems(dossier).length === 0
        ? "completed"
        : "inProgress";
    return { id, path: stepPath[id], status };
  });
}
