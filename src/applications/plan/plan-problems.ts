import type { ApplicationProblem } from "../problems";
import {
  hasProfessionalisation,
  isOpenLicence,
  type Plan,
  type PlanRules,
  planPeriod,
} from "./model";

// The plan's part of the eligibility check: what it still lacks before submission. Each problem
// links to the item on the plan page (anchors "actie-<id>", "leraar-<id>", "materiaal-<id>").

/** The anchors of the plan page's parts and items. */
export const planAnchors = {
  actions: "acties",
  teachers: "leraren",
  dissemination: "verspreiding",
  action: (id: string) => `actie-${id}`,
  teacher: (id: string) => `leraar-${id}`,
  item: (id: string) => `materiaal-${id}`,
};

export function planProblems(plan: Plan, callRules: PlanRules): ApplicationProblem[] {
  const problems: ApplicationProblem[] = [];
  const at = (anchor: string) => `plan#${anchor}`;
  if (plan.actions.length === 0)
    problems.push({ key: "plan.problem.noActions", fixAt: at(planAnchors.actions) });
  const period = planPeriod(callRules);
  for (const action of plan.actions)
    if (period && (action.startsOn < period.startsOn || action.endsOn > period.endsOn))
      problems.push({
        key: "plan.problem.actionOutsidePeriod",
        params: { action: action.title },
        fixAt: at(planAnchors.action(action.id)),
      });
  if (plan.teachers.length === 0)
    problems.push({ key: "plan.problem.noTeachers", fixAt: at(planAnchors.teachers) });
  for (const teacher of plan.teachers)
    if (!hasProfessionalisation(teacher))
      problems.push({
        key: "plan.problem.noProfessionalisation",
        params: { teacher: teacher.name },
        fixAt: at(planAnchors.teacher(teacher.id)),
      });
  if (plan.dissemination.length === 0)
    problems.push({ key: "plan.problem.noDissemination", fixAt: at(planAnchors.dissemination) });
  for (const item of plan.dissemination) {
    if (item.programmeCodes.length === 0)
      problems.push({
        key: "plan.problem.noProgrammes",
        params: { item: item.title },
        fixAt: at(planAnchors.item(item.id)),
      });
    if (!isOpenLicence(item.licence))
      problems.push({
        key: "plan.problem.noOpenLicence",
        params: { item: item.title },
        fixAt: at(planAnchors.item(item.id)),
      });
  }
  return problems;
}

/** The plan's row on the task list: not started, in progress, or completed (nothing lacking). */
/** Whether the plan holds anything yet: an action, a teacher or a material to share. */
export function planStarted(plan: Plan): boolean {
  return plan.actions.length + plan.teachers.length + plan.dissemination.length > 0;
}

export function planStatus(plan: Plan): "notStarted" | "inProgress" | "completed" {
  if (!planStarted(plan)) return "notStarted";
  return planProblems(plan, plan.callRules).length === 0 ? "completed" : "inProgress";
}
