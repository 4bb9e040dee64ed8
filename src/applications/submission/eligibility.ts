import type { FormDefinition } from "../../calls/form-definition";
import {
  type Answers,
  answerLimitProblem,
  applicationSteps,
  hasAnswer,
  isAnswerable,
} from "../model";
import type { ApplicationProblem } from "../problems";
import { stepRules } from "../task-list";
import type { Dossier } from "./dossier";

// The eligibility check before submission: every step of the task list contributes a pure check
// of its own part; together they list every problem, each with the place to fix it. An
// application with no problems may be submitted; the check runs again inside the submission.

/** The id of a question's field on its section page (the form kit's fieldId of "answers.<id>"). */
export function questionAnchor(questionId: string): string {
  return `veld-answers-${questionId.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/**
 * Required questions of the call's form without an answer, and answers a draft kept over the
 * call's limits (words or pages, a number's range, an amount's maximum). Questions answered in a
 * step of their own (partners, budget table, attachments) are judged by that step's check.
 */
export function answerProblems(form: FormDefinition, answers: Answers): ApplicationProblem[] {
  const problems: ApplicationProblem[] = [];
  for (const section of form.sections)
    for (const question of section.questions) {
      if (!isAnswerable(question)) continue;
      const params = { question: question.label, section: section.title };
      const fixAt = `sectie/${section.id}#${questionAnchor(question.id)}`;
      if (question.required && !hasAnswer(answers[question.id]))
        problems.push({ key: "application.problem.unanswered", params, fixAt });
      else if (answerLimitProblem(question, answers[question.id]) !== null)
        problems.push({ key: "application.problem.overLimit", params, fixAt });
    }
  return problems;
}

/** Every problem of an application's dossier, in task-list order: the form, then each step. */
export function applicationProblems(dossier: Dossier): ApplicationProblem[] {
  return [
    ...answerProblems(dossier.form.definition, dossier.answers),
    ...applicationSteps.flatMap((step) => stepRules[step].problems(dossier)),
  ];
}
