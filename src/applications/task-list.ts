import { attachmentProblems } from "./attachments/attachment-problems";
import { budgetProblems, type PartnerCoFinancing } from "./budget/model";
import { consortiumProblems, consortiumStarted } from "./consortium/problems";
import { type ApplicationStep, applicationSteps, type SectionStatus, stepPath } from "./model";
import { planProblems, planStarted } from "./plan/plan-problems";
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
export const stepRules: Record<ApplicationStep, StepRule> = {
  consortium: {
    isEmpty: (d) => !consortiumStarted(d.consortium),
    problems: (d) => consortiumProblems(d.consortium, d.call),
  },
  plan: {
    isEmpty: (d) => !planStarted(d.plan),
    problems: (d) => planProblems(d.plan, d.plan.callRules),
  },
  budget: {
    isEmpty: (d) => d.budget.lines.length === 0,
    problems: (d) => budgetProblems(d.budget.lines, partnerCoFinancing(d), d.call),
  },
  attachments: {
    isEmpty: (d) => d.attachments.length === 0,
    problems: (d) => attachmentProblems(d.attachments),
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
    return { id, path: stepPath[id], status };
  });
}
