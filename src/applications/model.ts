import type { FormDefinition, FormSection, Question } from "../calls/form-definition";
import type { CallPhase } from "../calls/model";
import { wordLimit } from "../calls/question-types";
import { findProgrammeOption } from "../directory/programme-options";
import { parseEuroCents } from "../platform/money";

// The applications area's vocabulary: an application's status, its answers, word counts, which
// questions can be answered on a section page so far, and the status of each task-list section.

/** An application is a draft, submitted, or withdrawn (and then reopened as a draft). */
export const applicationStatuses = ["draft", "submitted", "withdrawn"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/**
 * What changes an application, and from which status: editing and submitting a draft,
 * withdrawing a submission, reopening a withdrawn one; each only while its call is open. The use
 * cases hold to it through `lockWhileOpen` (editable-draft.ts); the pages show a change by it.
 */
export const applicationChanges = {
  edit: "draft",
  submit: "draft",
  withdraw: "submitted",
  reopen: "withdrawn",
} as const satisfies Record<string, ApplicationStatus>;
export type ApplicationChange = keyof typeof applicationChanges;

export function allowsChange(
  status: ApplicationStatus,
  phase: CallPhase | null,
  change: ApplicationChange,
): boolean {
  return status === applicationChanges[change] && phase === "open";
}

/** A stored answer: text, a number, or the chosen option values. */
export type Answer = string | number | string[];
export type Answers = Record<string, Answer>;

/** Question types answered on a section page. */
export const answerableTypes = ["text", "number", "money", "choice", "studyProgrammes"] as const;
type AnswerableType = (typeof answerableTypes)[number];
export type AnswerableQuestion = Extract<Question, { type: AnswerableType }>;

export function isAnswerable(question: Question): question is AnswerableQuestion {
  return (answerableTypes as readonly string[]).includes(question.type);
}

/** The steps of the task list beyond the call's form sections, and their pages' paths. */
export const applicationSteps = ["consortium", "plan", "budget", "attachments"] as const;
export type ApplicationStep = (typeof applicationSteps)[number];
export const stepPath: Record<ApplicationStep, string> = {
  consortium: "consortium",
  plan: "plan",
  budget: "budget",
  attachments: "bijlagen",
};

/**
 * Question types a form may place to show where a structured part of the application belongs;
 * they are answered in their own step of the task list, whose checks judge them.
 */
export const stepOfQuestionType = {
  partners: "consortium",
  budgetTable: "budget",
  attachments: "attachments",
} as const satisfies Record<string, ApplicationStep>;
export type StepAnsweredQuestion = Extract<Question, { type: keyof typeof stepOfQuestionType }>;

/** Words are runs of non-space characters, the way a word processor counts them. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/u).length : 0;
}

export function hasAnswer(answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  if (typeof answer === "number") return true;
  if (typeof answer === "string") return answer.trim() !== "";
  return answer.length > 0;
}

export const sectionStatuses = ["notStarted", "inProgress", "completed"] as const;
export type SectionStatus = (typeof sectionStatuses)[number];

/**
 * A section is not started while none of its answerable questions has an answer, completed when
 * every answerable question that is required (and at least one question) has one and no answer
 * is over the call's limits.
 */
export function sectionStatus(section: FormSection, answers: Answers): SectionStatus {
  const questions = section.questions.filter(isAnswerable);
  const answered = questions.filter((q) => hasAnswer(answers[q.id]));
  if (answered.length === 0) return "notStarted";
  const missing = questions.filter((q) => q.required && !hasAnswer(answers[q.id]));
  // An answer over the call's limit is kept in the draft but does not complete the section.
  const overLimit = questions.some((q) => answerLimitProblem(q, answers[q.id]) !== null);
  return missing.length === 0 && !overLimit ? "completed" : "inProgress";
}

export function findSection(form: FormDefinition, sectionId: string): FormSection | undefined {
  return form.sections.find((s) => s.id === sectionId);
}

/** The longest text kept for one answer, whatever its word limit (a guard, not the limit). */
export const maxAnswerCharacters = 200_000;

export type SectionCheck =
  | { ok: true; answers: Answers; cleared: string[] }
  | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Reads a section's submitted answers into what a draft stores, against the frozen form. Only
 * what cannot be stored is refused: text beyond the size guard, a number or amount that is not
 * one, an option or study programme the form does not offer, several options where one is
 * asked. The call's limits (words and pages, number ranges, a money question's maximum) do not
 * stop a draft: an answer over them is kept as typed and reported by `answerLimitProblem`, at
 * the field and in the eligibility check, which refuses the submission. Required questions are
 * checked at submission too: an empty answer is allowed and clears the stored one. Field errors
 * are keyed `answers.<questionId>`, with catalogue keys.
 */
export function checkSectionAnswers(
  section: FormSection,
  submitted: Record<string, string | string[] | undefined>,
): SectionCheck {
  const answers: Answers = {};
  const cleared: string[] = [];
  const fieldErrors: Record<string, string[]> = {};
  const refuse = (id: string, key: string) => {
    fieldErrors[`answers.${id}`] = [key];
  };
  for (const question of section.questions.filter(isAnswerable)) {
    const raw = submitted[question.id];
    if (question.type === "studyProgrammes") {
      const values = [...new Set((Array.isArray(raw) ? raw : raw ? [raw] : []).filter(Boolean))];
      if (values.some((v) => !findProgrammeOption(v)))
        refuse(question.id, "application.error.unknownProgramme");
      else if (values.length === 0) cleared.push(question.id);
      else answers[question.id] = values;
      continue;
    }
    if (question.type === "choice") {
      const values = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((v) => v !== "");
      const known = new Set(question.options.map((o) => o.value));
      if (values.some((v) => !known.has(v))) refuse(question.id, "application.error.unknownOption");
      else if (!question.multiple && values.length > 1)
        refuse(question.id, "application.error.oneOption");
      else if (values.length === 0) cleared.push(question.id);
      else answers[question.id] = question.multiple ? [...new Set(values)] : (values[0] as string);
      continue;
    }
    const text = Array.isArray(raw) ? raw.join(" ") : (raw ?? "");
    if (text.length > maxAnswerCharacters) {
      refuse(question.id, "application.error.tooLong");
      continue;
    }
    if (question.type === "text") {
      if (text.trim() === "") cleared.push(question.id);
      else answers[question.id] = text.replace(/\r\n/g, "\n");
      continue;
    }
    const trimmed = text.trim();
    if (trimmed === "") {
      cleared.push(question.id);
      continue;
    }
    if (question.type === "money") {
      const cents = parseEuroCents(trimmed);
      if (cents === null) refuse(question.id, "application.error.notMoney");
      else answers[question.id] = cents;
      continue;
    }
    const value = Number(trimmed.replace(",", "."));
    if (!/^-?\d+([.,]\d+)?$/.test(trimmed) || !Number.isFinite(value))
      refuse(question.id, "application.error.notANumber");
    else answers[question.id] = value;
  }
  return Object.keys(fieldErrors).length > 0
    ? { ok: false, fieldErrors }
    : { ok: true, answers, cleared };
}

/**
 * The call's limit a stored answer is over, as a catalogue key, or null: more words than the
 * question allows (pages count 500 words each), a number outside its range, an amount above the
 * question's maximum. A draft keeps such an answer; the submission does not accept it.
 */
export function answerLimitProblem(
  question: AnswerableQuestion,
  answer: Answer | undefined,
): string | null {
  if (answer === undefined) return null;
  if (question.type === "text")
    return typeof answer === "string" && countWords(answer) > wordLimit(question)
      ? "application.problem.tooManyWords"
      : null;
  if (typeof answer !== "number") return null;
  if (question.type === "money")
    return question.maxCents !== undefined && answer > question.maxCents
      ? "application.problem.moneyTooLarge"
      : null;
  if (question.type !== "number") return null;
  if (question.min !== undefined && answer < question.min)
    return "application.problem.numberTooSmall";
  if (question.max !== undefined && answer > question.max)
    return "application.problem.numberTooLarge";
  return null;
}

/** The limit problems of a section's stored answers, keyed by field (`answers.<questionId>`). */
export function sectionLimitProblems(
  section: FormSection,
  answers: Answers,
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  for (const question of section.questions.filter(isAnswerable)) {
    const problem = answerLimitProblem(question, answers[question.id]);
    if (problem) problems[`answers.${question.id}`] = [problem];
  }
  return problems;
}
