import { parseEuroCents } from "../calls/call-input";
import {
  type FormDefinition,
  type FormSection,
  type Question,
  wordLimit,
} from "../calls/form-definition";
import { findProgrammeOption } from "../directory/programme-options";

// The applications area's vocabulary: an application's status, its answers, word counts, which
// questions can be answered on a section page so far, and the status of each task-list section.

/** Only drafts exist in this slice; submission and withdrawal come next. */
export const applicationStatuses = ["draft", "submitted", "withdrawn"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

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
 * every answerable question that is required (and at least one question) has one.
 */
export function sectionStatus(section: FormSection, answers: Answers): SectionStatus {
  const questions = section.questions.filter(isAnswerable);
  const answered = questions.filter((q) => hasAnswer(answers[q.id]));
  if (answered.length === 0) return "notStarted";
  const missing = questions.filter((q) => q.required && !hasAnswer(answers[q.id]));
  return missing.length === 0 ? "completed" : "inProgress";
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
 * Checks a section's submitted answers against the frozen form: word limits (pages count 500
 * words each), number ranges, choice options. Required questions are checked at submission, not
 * here: an empty answer is allowed and clears the stored one. Field errors are keyed
 * `answers.<questionId>`, with catalogue keys.
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
      if (countWords(text) > wordLimit(question))
        refuse(question.id, "application.error.tooManyWords");
      else if (text.trim() === "") cleared.push(question.id);
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
      else if (question.maxCents !== undefined && cents > question.maxCents)
        refuse(question.id, "application.error.moneyTooLarge");
      else answers[question.id] = cents;
      continue;
    }
    const value = Number(trimmed.replace(",", "."));
    if (!/^-?\d+([.,]\d+)?$/.test(trimmed) || !Number.isFinite(value))
      refuse(question.id, "application.error.notANumber");
    else if (question.min !== undefined && value < question.min)
      refuse(question.id, "application.error.numberTooSmall");
    else if (question.max !== undefined && value > question.max)
      refuse(question.id, "application.error.numberTooLarge");
    else answers[question.id] = value;
  }
  return Object.keys(fieldErrors).length > 0
    ? { ok: false, fieldErrors }
    : { ok: true, answers, cleared };
}
