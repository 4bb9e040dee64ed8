import type { Question } from "./form-definition";

// What the pages need of the application form's definition without its zod schema (ADR 0031):
// the question types, the words a page counts for, a text question's word limit, the canonical
// JSON. `form-definition.ts` (the schema, the hash) re-exports them, so the core keeps one name
// for each; the pages import them from here, and the browser gets no zod for them.

/** The page limits of a call are words in disguise: one page is about 500 words. */
export const wordsPerPage = 500;

export const questionTypes = [
  "text",
  "number",
  "money",
  "choice",
  "studyProgrammes",
  "partners",
  "budgetTable",
  "attachments",
] as const;
export type QuestionType = (typeof questionTypes)[number];

/** The word limit a text question enforces (pages are counted as 500 words each). */
export function wordLimit(question: Extract<Question, { type: "text" }>): number {
  return question.limit.unit === "pages" ? question.limit.max * wordsPerPage : question.limit.max;
}

/** JSON with object keys sorted, so the same form always has the same text and hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}
