import type { FormDefinition, FormSection, Question, QuestionType } from "./form-definition";

// The structured editor's operations on an application form, as pure functions: the use case
// (edit-call-form.ts) reads the draft, applies one operation and validates the result with
// formDefinitionSchema. New ids come from the label; an existing id never changes, because an
// application keys its answers by question id and the published form keeps these ids.

export type Direction = "up" | "down";

/** A question without its id: what a person types; the id is derived or kept. */
export type QuestionContent = Question extends infer Q
  ? Q extends Question
    ? Omit<Q, "id">
    : never
  : never;

export type FormEdit =
  | { kind: "addSection"; title: string; intro?: string }
  | { kind: "updateSection"; sectionId: string; title: string; intro?: string }
  | { kind: "removeSection"; sectionId: string }
  | { kind: "moveSection"; sectionId: string; direction: Direction }
  | { kind: "addQuestion"; sectionId: string; question: QuestionContent }
  | {
      kind: "updateQuestion";
      questionId: string;
      question: QuestionContent;
      /** Another section to move the question to (at its end); absent or the same: stays. */
      toSectionId?: string;
    }
  | { kind: "removeQuestion"; questionId: string }
  | { kind: "moveQuestion"; questionId: string; direction: Direction };

export type FormEditResult =
  | {
      ok: true;
      form: FormDefinition /** the id of the section or question concerned */;
      id: string;
    }
  | { ok: false; missing: "section" | "question" };

/** The longest id the schema accepts. */
const maxIdLength = 40;

/**
 * "Samenwerking & één plan" -> "samenwerking-een-plan": lowercase a-z, digits and hyphens, at most
 * 40 characters, starting with a letter (otherwise `fallback` goes in front; only `fallback` when
 * the label has no letter or digit at all).
 */
export function slugify(label: string, fallback: string): string {
  const base = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const slug = !base ? fallback : /^[a-z]/.test(base) ? base : `${fallback}-${base}`;
  return trimTo(slug, maxIdLength);
}

function trimTo(slug: string, length: number): string {
  return slug.slice(0, length).replace(/-+$/, "");
}

/** The slug, or the slug with -2, -3 … (still at most 40 characters) when it is taken. */
export function uniqueId(label: string, fallback: string, taken: ReadonlySet<string>): string {
  const slug = slugify(label, fallback);
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${trimTo(slug, maxIdLength - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Every id in the form: sections and questions share one namespace (see the schema). */
export function formIds(form: FormDefinition): Set<string> {
  return new Set(form.sections.flatMap((s) => [s.id, ...s.questions.map((q) => q.id)]));
}

/**
 * Choice options from labels typed one per line: blank lines dropped, values derived by slug and
 * unique within the question. A label that an earlier version of the question already had keeps
 * its value.
 */
export function optionsFromLines(
  text: string,
  previous: ReadonlyArray<{ value: string; label: string }> = [],
): Array<{ value: string; label: string }> {
  const labels = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const kept = new Map(previous.map((o) => [o.label, o.value]));
  const taken = new Set<string>();
  const keptValues = new Set(labels.flatMap((l) => (kept.has(l) ? [kept.get(l) as string] : [])));
  return labels.map((label) => {
    const previousValue = kept.get(label);
    const value =
      previousValue !== undefined && !taken.has(previousValue)
        ? previousValue
        : uniqueId(label, "keuze", new Set([...taken, ...keptValues]));
    taken.add(value);
    return { value, label };
  });
}

/** Where a question is: its section's index and its own index there. */
export function findQuestion(
  form: FormDefinition,
  questionId: string,
): { section: number; question: number } | null {
  for (const [s, section] of form.sections.entries()) {
    const q = section.questions.findIndex((question) => question.id === questionId);
    if (q >= 0) return { section: s, question: q };
  }
  return null;
}

function moved<T>(list: readonly T[], index: number, direction: Direction): T[] {
  const target = direction === "up" ? index - 1 : index + 1;
  const copy = [...list];
  // At the edge nothing moves: the first item cannot go further up.
  if (target < 0 || target >= list.length) return copy;
  [copy[index], copy[target]] = [copy[target] as T, copy[index] as T];
  return copy;
}

function withQuestion(content: QuestionContent, id: string): Question {
  return { id, ...content } as Question;
}

function sectionFields(title: string, intro?: string): Pick<FormSection, "title" | "intro"> {
  return intro ? { title, intro } : { title };
}

/** Applies one operation; the result is not yet validated (that is the schema's job). */
export function applyFormEdit(form: FormDefinition, edit: FormEdit): FormEditResult {
  const sections = form.sections;
  switch (edit.kind) {
    case "addSection": {
      const id = uniqueId(edit.title, "sectie", formIds(form));
      return {
        ok: true,
        id,
        form: {
          sections: [...sections, { id, ...sectionFields(edit.title, edit.intro), questions: [] }],
        },
      };
    }
    case "updateSection":
    case "removeSection":
    case "moveSection": {
      const index = sections.findIndex((s) => s.id === edit.sectionId);
      const section = sections[index];
      if (!section) return { ok: false, missing: "section" };
      const id = section.id;
      if (edit.kind === "removeSection")
        return { ok: true, id, form: { sections: sections.filter((s) => s.id !== id) } };
      if (edit.kind === "moveSection")
        return { ok: true, id, form: { sections: moved(sections, index, edit.direction) } };
      const { intro: _old, ...rest } = section;
      return {
        ok: true,
        id,
        form: {
          sections: sections.map((s) =>
            s.id === id ? { ...rest, ...sectionFields(edit.title, edit.intro) } : s,
          ),
        },
      };
    }
    case "addQuestion": {
      const section = sections.find((s) => s.id === edit.sectionId);
      if (!section) return { ok: false, missing: "section" };
      const id = uniqueId(edit.question.label, "vraag", formIds(form));
      return {
        ok: true,
        id,
        form: {
          sections: sections.map((s) =>
            s.id === section.id
              ? { ...s, questions: [...s.questions, withQuestion(edit.question, id)] }
              : s,
          ),
        },
      };
    }
    case "updateQuestion":
    case "removeQuestion":
    case "moveQuestion": {
      const place = findQuestion(form, edit.questionId);
      if (!place) return { ok: false, missing: "question" };
      const id = edit.questionId;
      const from = sections[place.section] as FormSection;
      const change = (update: (questions: Question[]) => Question[]) =>
        sections.map((s, i) =>
          i === place.section ? { ...s, questions: update(s.questions) } : s,
        );
      if (edit.kind === "removeQuestion")
        return { ok: true, id, form: { sections: change((qs) => qs.filter((q) => q.id !== id)) } };
      if (edit.kind === "moveQuestion")
        return {
          ok: true,
          id,
          form: { sections: change((qs) => moved(qs, place.question, edit.direction)) },
        };
      const question = withQuestion(edit.question, id);
      const to = edit.toSectionId ?? from.id;
      if (to === from.id)
        return {
          ok: true,
          id,
          form: { sections: change((qs) => qs.map((q) => (q.id === id ? question : q))) },
        };
      if (!sections.some((s) => s.id === to)) return { ok: false, missing: "section" };
      return {
        ok: true,
        id,
        form: {
          sections: sections.map((s) =>
            s.id === from.id
              ? { ...s, questions: s.questions.filter((q) => q.id !== id) }
              : s.id === to
                ? { ...s, questions: [...s.questions, question] }
                : s,
          ),
        },
      };
    }
  }
}

/** The fields of a question as a form posts them: strings, blank when left empty. */
export interface QuestionFieldsInput {
  label?: string;
  help?: string;
  /** A checkbox: "yes" when ticked, absent otherwise. */
  required?: string;
  limitUnit?: string;
  limitMax?: string;
  min?: string;
  max?: string;
  unit?: string;
  maxAmount?: string;
  options?: string;
  multiple?: string;
  maxFiles?: string;
  maxSizeMb?: string;
}

/** The form fields each question type shows, after label, help and required. */
export const fieldsOfType: Record<QuestionType, ReadonlyArray<keyof QuestionFieldsInput>> = {
  text: ["limitUnit", "limitMax"],
  number: ["min", "max", "unit"],
  money: ["maxAmount"],
  choice: ["options", "multiple"],
  studyProgrammes: [],
  partners: [],
  budgetTable: [],
  attachments: ["maxFiles", "maxSizeMb"],
};

export type QuestionFromFields =
  | { ok: true; question: QuestionContent }
  | { ok: false; fieldErrors: Record<string, string[]> };

const blank = (value: string | undefined) => value === undefined || value.trim() === "";

/** "2,5", "-3", "1000" -> a number; the Flemish decimal comma and the point both work. */
export function parseDecimal(value: string): number | null {
  const text = value
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(",", ".");
  if (!/^-?\d{1,15}(\.\d{1,6})?$/.test(text)) return null;
  return Number(text);
}

/**
 * A question of the given type from the strings of its form: numbers and amounts parsed, choice
 * options from lines. Only format problems are reported here (in the editor's own words); ranges
 * and limits are the schema's, checked on the whole form afterwards. `parseMoney` is the calls'
 * euro parser (call-input.ts), passed in to keep this module free of the call form.
 */
export function questionFromFields(
  type: QuestionType,
  fields: QuestionFieldsInput,
  parseMoney: (text: string) => number | null,
  previous?: Question,
): QuestionFromFields {
  const fieldErrors: Record<string, string[]> = {};
  const problem = (field: string, key: string) => {
    fieldErrors[field] = [key];
  };
  const number = (field: keyof QuestionFieldsInput, whole: boolean, needed: boolean) => {
    const text = fields[field];
    if (text === undefined || blank(text)) {
      if (needed) problem(field, "error.formEditor.numberRequired");
      return undefined;
    }
    const value = parseDecimal(text);
    if (value === null || (whole && !Number.isInteger(value))) {
      problem(field, whole ? "error.call.invalidNumber" : "error.formEditor.notANumber");
      return undefined;
    }
    return value;
  };
  const common = {
    label: fields.label?.trim() ?? "",
    ...(blank(fields.help) ? {} : { help: fields.help?.trim() }),
    required: fields.required === "yes",
  };
  let question: QuestionContent;
  switch (type) {
    case "text": {
      const unit = fields.limitUnit === "words" ? "words" : "pages";
      if (fields.limitUnit !== "words" && fields.limitUnit !== "pages")
        problem("limitUnit", "error.formEditor.limitUnit");
      question = { ...common, type, limit: { unit, max: number("limitMax", true, true) ?? 0 } };
      break;
    }
    case "number": {
      const min = number("min", false, false);
      const max = number("max", false, false);
      question = {
        ...common,
        type,
        ...(min === undefined ? {} : { min }),
        ...(max === undefined ? {} : { max }),
        ...(blank(fields.unit) ? {} : { unit: fields.unit?.trim() }),
      };
      break;
    }
    case "money": {
      let maxCents: number | undefined;
      if (!blank(fields.maxAmount)) {
        const cents = parseMoney(fields.maxAmount ?? "");
        if (cents === null) problem("maxAmount", "error.call.invalidMoney");
        else maxCents = cents;
      }
      question = { ...common, type, ...(maxCents === undefined ? {} : { maxCents }) };
      break;
    }
    case "choice": {
      // Two lines with the same text would be two options nobody can tell apart.
      const labels = (fields.options ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim().toLowerCase())
        .filter(Boolean);
      if (new Set(labels).size !== labels.length)
        problem("options", "error.formEditor.duplicateOption");
      question = {
        ...common,
        type,
        multiple: fields.multiple === "yes",
        options: optionsFromLines(
          fields.options ?? "",
          previous?.type === "choice" ? previous.options : [],
        ),
      };
      break;
    }
    case "attachments":
      question = {
        ...common,
        type,
        maxFiles: number("maxFiles", true, true) ?? 0,
        maxSizeMb: number("maxSizeMb", true, true) ?? 0,
      };
      break;
    default:
      question = { ...common, type };
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, question };
}

/**
 * The form field a problem of the whole form belongs to, when it concerns the section or question
 * being edited: the schema's path ("sections.0.questions.2.limit.max") becomes the field's name
 * ("limitMax"). Anything else (a problem of the form as a whole) gets null.
 */
export function fieldOfProblem(
  form: FormDefinition,
  path: ReadonlyArray<PropertyKey>,
  id: string,
): string | null {
  const [top, s, sub, q, ...rest] = path.map((p) => (typeof p === "number" ? p : String(p)));
  if (top !== "sections" || typeof s !== "number") return null;
  const section = form.sections[s];
  if (!section) return null;
  if (sub !== "questions") {
    if (section.id !== id) return null;
    return sub === "title" || sub === "intro" ? sub : null;
  }
  if (typeof q !== "number" || section.questions[q]?.id !== id) return null;
  const [field, inner] = rest;
  if (field === "limit") return inner === "unit" ? "limitUnit" : "limitMax";
  if (field === "maxCents") return "maxAmount";
  if (field === "options") return "options";
  if (field === undefined || field === "id") return "label";
  return String(field);
}

/** Some schema messages speak JSON; the editor says the same in the words of its form. */
export const editorMessage: Record<string, string> = {
  "error.form.maxBelowMin": "error.formEditor.maxBelowMin",
  "error.form.tooFewOptions": "error.formEditor.tooFewOptions",
  "error.form.duplicateOption": "error.formEditor.duplicateOption",
  "error.form.invalidOption": "error.formEditor.invalidOption",
  "error.form.tooManySections": "error.formEditor.tooManySections",
  "error.form.tooManyQuestions": "error.formEditor.tooManyQuestions",
};
