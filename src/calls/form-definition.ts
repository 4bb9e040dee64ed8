import { createHash } from "node:crypto";
import { z } from "zod";
import { evenWhenFieldsFail } from "../platform/form-input";
import { canonicalJson } from "./question-types";

// The application form of a call, defined as data: sections with questions. A programme manager
// edits it as JSON while the call is a draft; publication freezes it as a call_form_version row
// with a content hash, and every application keeps the version it answered. Every message is a
// catalogue key, so the editor can list each problem in Dutch with its place in the form.

export {
  canonicalJson,
  type QuestionType,
  questionTypes,
  wordLimit,
  wordsPerPage,
} from "./question-types";

const identifier = z
  .string({ error: "error.form.idRequired" })
  .regex(/^[a-z][a-z0-9-]{0,39}$/, "error.form.invalidId");
/**
 * Half of a surrogate pair (a broken emoji) is a string JavaScript accepts but PostgreSQL's jsonb
 * refuses; the form is stored as jsonb, so such text is refused here, at its field.
 */
const wellFormed = (text: string) => text.isWellFormed();
const label = z
  .string({ error: "error.required" })
  .trim()
  .min(1, "error.required")
  .max(300, "error.tooLong")
  .refine(wellFormed, "error.form.brokenCharacter");
const help = z
  .string({ error: "error.form.notText" })
  .trim()
  .max(2000, "error.tooLong")
  .refine(wellFormed, "error.form.brokenCharacter")
  .optional();
const count = (max: number) =>
  z
    .number({ error: "error.form.notANumber" })
    .int("error.form.notAWholeNumber")
    .min(1, "error.form.tooSmall")
    .max(max, "error.form.tooLarge");

const common = {
  id: identifier,
  label,
  help,
  required: z.boolean({ error: "error.form.notABoolean" }).default(true),
};

const textQuestion = z.strictObject(
  {
    ...common,
    type: z.literal("text"),
    /** A limit in words, or in pages of about 500 words. */
    limit: z.strictObject(
      {
        unit: z.enum(["words", "pages"], { error: "error.form.invalidLimitUnit" }),
        max: count(20_000),
      },
      { error: "error.form.limitRequired" },
    ),
  },
  { error: "error.form.unknownProperty" },
);

const numberQuestion = z.strictObject(
  {
    ...common,
    type: z.literal("number"),
    min: z.number({ error: "error.form.notANumber" }).finite().optional(),
    max: z.number({ error: "error.form.notANumber" }).finite().optional(),
    unit: z
      .string({ error: "error.form.notText" })
      .max(40, "error.tooLong")
      .refine(wellFormed, "error.form.brokenCharacter")
      .optional(),
  },
  { error: "error.form.unknownProperty" },
);

const moneyQuestion = z.strictObject(
  {
    ...common,
    type: z.literal("money"),
    /** In euro cents. */
    maxCents: z
      .number({ error: "error.form.notANumber" })
      .int("error.form.notAWholeNumber")
      .min(0, "error.form.tooSmall")
      .max(100_000_000_00, "error.form.tooLarge")
      .optional(),
  },
  { error: "error.form.unknownProperty" },
);

const choiceQuestion = z.strictObject(
  {
    ...common,
    type: z.literal("choice"),
    multiple: z.boolean({ error: "error.form.notABoolean" }).default(false),
    options: z
      .array(z.strictObject({ value: identifier, label }, { error: "error.form.invalidOption" }), {
        error: "error.form.optionsRequired",
      })
      .min(2, "error.form.tooFewOptions")
      .max(50, "error.form.tooManyOptions"),
  },
  { error: "error.form.unknownProperty" },
);

const plainQuestion = <T extends "studyProgrammes" | "partners" | "budgetTable">(type: T) =>
  z.strictObject({ ...common, type: z.literal(type) }, { error: "error.form.unknownProperty" });

const attachmentsQuestion = z.strictObject(
  {
    ...common,
    type: z.literal("attachments"),
    maxFiles: count(20).default(5),
    maxSizeMb: count(50).default(10),
  },
  { error: "error.form.unknownProperty" },
);

export const questionSchema = z.discriminatedUnion(
  "type",
  [
    textQuestion,
    numberQuestion,
    moneyQuestion,
    choiceQuestion,
    plainQuestion("studyProgrammes"),
    plainQuestion("partners"),
    plainQuestion("budgetTable"),
    attachmentsQuestion,
  ],
  { error: "error.form.invalidType" },
);
export type Question = z.output<typeof questionSchema>;

const sectionSchema = z.strictObject(
  {
    id: identifier,
    title: label,
    intro: help,
    questions: z
      .array(questionSchema, { error: "error.form.questionsRequired" })
      .max(50, "error.form.tooManyQuestions"),
  },
  { error: "error.form.invalidSection" },
);
export type FormSection = z.output<typeof sectionSchema>;

export const formDefinitionSchema = z
  .strictObject(
    {
      sections: z
        .array(sectionSchema, { error: "error.form.sectionsRequired" })
        .max(20, "error.form.tooManySections"),
    },
    { error: "error.form.notAnObject" },
  )
  // The cross-checks run even when a field failed (a duplicate id is reported with a missing
  // label, not after it is fixed), so they read the form as posted: only what is well-formed.
  .check(z.superRefine((form, ctx) => crossChecks(form, ctx), evenWhenFieldsFail));
export type FormDefinition = z.output<typeof formDefinitionSchema>;

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const fieldOf = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/** Ids unique across sections and questions, a range whose maximum is not below its minimum, and
 * options without duplicates. */
function crossChecks(form: unknown, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  const once = (id: unknown, path: Array<string | number>) => {
    if (typeof id !== "string") return;
    if (seen.has(id)) ctx.addIssue({ code: "custom", path, message: "error.form.duplicateId" });
    seen.add(id);
  };
  listOf(fieldOf(form, "sections")).forEach((section, s) => {
    once(fieldOf(section, "id"), ["sections", s, "id"]);
    listOf(fieldOf(section, "questions")).forEach((question, q) => {
      const at = ["sections", s, "questions", q];
      once(fieldOf(question, "id"), [...at, "id"]);
      const type = fieldOf(question, "type");
      const min = fieldOf(question, "min");
      const max = fieldOf(question, "max");
      if (type === "number" && typeof min === "number" && typeof max === "number" && min > max)
        ctx.addIssue({ code: "custom", path: [...at, "max"], message: "error.form.maxBelowMin" });
      if (type === "choice") {
        const values = listOf(fieldOf(question, "options")).map((o) => fieldOf(o, "value"));
        if (new Set(values).size !== values.length)
          ctx.addIssue({
            code: "custom",
            path: [...at, "options"],
            message: "error.form.duplicateOption",
          });
      }
    });
  });
}

export const emptyForm: FormDefinition = { sections: [] };

export function questionCount(form: FormDefinition): number {
  return form.sections.reduce((n, s) => n + s.questions.length, 0);
}

/** The SHA-256 of the canonical JSON, hex: the fingerprint of a frozen form version. */
export function formContentHash(form: FormDefinition): string {
  return createHash("sha256").update(canonicalJson(form)).digest("hex");
}

export type ParsedForm =
  | { ok: true; form: FormDefinition }
  | { ok: false; problems: Array<{ path: Array<string | number>; message: string }> };

/** Parses the JSON text of the form editor: a syntax error or every problem with its place. */
export function parseFormJson(text: string): ParsedForm {
  if (text.length > 200_000)
    return { ok: false, problems: [{ path: [], message: "error.tooLong" }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: [], message: "error.form.invalidJson" }] };
  }
  const parsed = formDefinitionSchema.safeParse(raw);
  if (parsed.success) return { ok: true, form: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      path: issue.path.map((p) => (typeof p === "number" ? p : String(p))),
      message: issue.message,
    })),
  };
}

/** The four questions of InnoVET cycle 1 (research/domain.md §1.2), the starting form of a call. */
export const cycleOneForm: FormDefinition = {
  sections: [
    {
      id: "voorstel",
      title: "Het projectvoorstel",
      questions: [
        {
          id: "beschrijving",
          type: "text",
          label: "Beschrijving van het voorstel",
          help: "Wat doet de school vandaag al rond InnoVET en wat plant ze?",
          required: true,
          limit: { unit: "pages", max: 3 },
        },
        {
          id: "plan-van-aanpak",
          type: "text",
          label: "Plan van aanpak",
          help: "Welke acties onderneemt het consortium, wanneer en met wie?",
          required: true,
          limit: { unit: "pages", max: 3 },
        },
        {
          id: "samenwerking",
          type: "text",
          label: "Samenwerking tussen onderwijs, kennispartners en arbeidsmarkt",
          help: "Hoe krijgt de samenwerking met onderwijs-, kennis- en arbeidsmarktactoren vorm, lokaal en bovenlokaal?",
          required: true,
          limit: { unit: "pages", max: 2 },
        },
        {
          id: "kosten-cofinanciering",
          type: "text",
          label: "Kostprijs en cofinanciering",
          help: "Wat kost het voorstel en hoe ziet het consortium de cofinanciering?",
          required: true,
          limit: { unit: "pages", max: 2 },
        },
      ],
    },
  ],
};
