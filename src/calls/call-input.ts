import { z } from "zod";
import {
  changeLevels,
  educationForms,
  finalities,
  studyDomains,
  transitionAreas,
} from "../directory/model";
import { blankToUndefined, evenWhenFieldsFail, several } from "../platform/form-input";
import { parseEuroCents } from "../platform/money";
import { fromBrusselsInput } from "../platform/time";
import { type FormDefinition, formDefinitionSchema, parseFormJson } from "./form-definition";
import { envelopeCodes, envelopeDimensions, isSchoolYear } from "./model";

// The call form, once: used by the create and update use cases and by their pages. A draft may
// be incomplete (publication checks completeness, see publication-rules.ts), but what is filled in
// must be well-formed. Every message is a catalogue key.

const money = z.preprocess(
  blankToUndefined,
  z
    .union([z.string(), z.number()], { error: "error.call.invalidMoney" })
    .transform((value, ctx) => {
      const cents = parseEuroCents(value);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: "error.call.invalidMoney" });
        return z.NEVER;
      }
      return cents;
    })
    .optional()
    .transform((v) => v ?? null),
);

/** A whole number from min to max, as typed in a form field. */
const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: "error.call.invalidNumber" })
    .int("error.call.invalidNumber")
    .min(min, "error.call.numberOutOfRange")
    .max(max, "error.call.numberOutOfRange");

const optionalInt = (min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    wholeNumber(min, max)
      .optional()
      .transform((v) => v ?? null),
  );

const intWithDefault = (min: number, max: number, fallback: number) =>
  z.preprocess(blankToUndefined, wholeNumber(min, max).default(fallback));

export const instant = z.preprocess(
  blankToUndefined,
  z
    .union([z.date(), z.string().max(40, "error.call.invalidDateTime")], {
      error: "error.call.invalidDateTime",
    })
    .transform((value, ctx) => {
      if (value instanceof Date) {
        if (!Number.isNaN(value.getTime())) return value;
      } else {
        const parsed = fromBrusselsInput(value);
        if (parsed) return parsed;
      }
      ctx.addIssue({ code: "custom", message: "error.call.invalidDateTime" });
      return z.NEVER;
    })
    .optional()
    .transform((v) => v ?? null),
);

const schoolYears = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(/[\s,;]+/)
          .map((s) => s.trim())
          .filter(Boolean)
      : (value ?? []),
  z
    .array(
      z
        .string({ error: "error.call.invalidSchoolYear" })
        .refine(isSchoolYear, "error.call.invalidSchoolYear"),
      {
        error: "error.call.invalidSchoolYear",
      },
    )
    .max(6, "error.call.tooManySchoolYears")
    .transform((list) => [...new Set(list)].sort()),
);

/** The application form: JSON text from the editor, or a definition (seed, tests). */
const formField = z.preprocess(
  blankToUndefined,
  z
    .unknown()
    .transform((value, ctx): FormDefinition => {
      const parsed =
        typeof value === "string"
          ? parseFormJson(value)
          : ((result) =>
              result.success
                ? { ok: true as const, form: result.data }
                : {
                    ok: false as const,
                    problems: result.error.issues.map((i) => ({
                      path: i.path as Array<string | number>,
                      message: i.message,
                    })),
                  })(formDefinitionSchema.safeParse(value));
      if (parsed.ok) return parsed.form;
      for (const problem of parsed.problems)
        ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
      return z.NEVER;
    })
    .optional(),
);

const envelopes = z.preprocess(
  (value) => value ?? {},
  z.record(
    z.string({ error: "error.invalidChoice" }).max(10, "error.invalidChoice"),
    z.preprocess(
      blankToUndefined,
      z
        .union([z.string(), z.number()], { error: "error.call.invalidMoney" })
        .optional()
        .transform((value, ctx) => {
          if (value === undefined) return null;
          const cents = parseEuroCents(value);
          if (cents === null) {
            ctx.addIssue({ code: "custom", message: "error.call.invalidMoney" });
            return z.NEVER;
          }
          return cents;
        }),
    ),
    { error: "error.call.invalidMoney" },
  ),
);

export const callFields = {
  title: z.preprocess(
    blankToUndefined,
    z.string({ error: "error.required" }).trim().min(1, "error.required").max(200, "error.tooLong"),
  ),
  summary: z.preprocess(
    (v) => v ?? "",
    z.string({ error: "error.required" }).trim().max(1000, "error.tooLong"),
  ),
  body: z.preprocess(
    (v) => v ?? "",
    z.string({ error: "error.required" }).trim().max(20_000, "error.tooLong"),
  ),
  schoolYears,
  maxDurationMonths: optionalInt(1, 72),
  themes: several(transitionAreas),
  changeLevels: several(changeLevels),
  educationForms: several(educationForms),
  finalities: several(finalities),
  studyDomains: several(studyDomains),
  minLabourMarketPartners: intWithDefault(0, 20, 1),
  minEducationPartners: intWithDefault(0, 20, 1),
  totalBudget: money,
  maxPerProject: money,
  minCoFinancingPercent: optionalInt(0, 100),
  /** Whether the director of the lead school approves before submission (ADR 0033). */
  directorApproval: z.preprocess(
    blankToUndefined,
    z.enum(["required", "notRequired"], { error: "error.invalidChoice" }).default("notRequired"),
  ),
  envelopeDimension: z.preprocess(
    blankToUndefined,
    z
      .enum(envelopeDimensions, { error: "error.invalidChoice" })
      .optional()
      .transform((v) => v ?? null),
  ),
  /** Amount per code of the dimension, e.g. { ANT: "50.000" }; blank codes have no envelope. */
  envelopes,
  opensAt: instant,
  closesAt: instant,
  decisionAt: instant,
  form: formField,
};

type RawCallFields = z.output<z.ZodObject<typeof callFields>>;

/** Envelope codes must belong to the chosen dimension. */
function envelopeRules(value: Partial<RawCallFields>, ctx: z.RefinementCtx) {
  const given = Object.entries(value.envelopes ?? {}).filter(([, cents]) => cents !== null);
  if (given.length === 0) return;
  // The dimension may be anything here (this runs even when its own check failed): own keys only.
  const dimension = value.envelopeDimension;
  const allowed =
    typeof dimension === "string" && Object.hasOwn(envelopeCodes, dimension)
      ? envelopeCodes[dimension]
      : undefined;
  if (!allowed) {
    ctx.addIssue({
      code: "custom",
      path: ["envelopeDimension"],
      message: "error.call.envelopeDimensionRequired",
    });
    return;
  }
  for (const [code] of given)
    if (!allowed.includes(code))
      ctx.addIssue({ code: "custom", path: ["envelopes", code], message: "error.invalidChoice" });
}

/** The stored columns from the validated fields. */
export function callColumns(input: RawCallFields) {
  const {
    totalBudget,
    maxPerProject,
    envelopes: amounts,
    form: _form,
    directorApproval,
    ...rest
  } = input;
  const codes = input.envelopeDimension ? envelopeCodes[input.envelopeDimension] : [];
  return {
    ...rest,
    directorApprovalRequired: directorApproval === "required",
    totalBudgetCents: totalBudget,
    maxPerProjectCents: maxPerProject,
    envelopes: codes.flatMap((code) => {
      const cents = amounts[code];
      return cents === null || cents === undefined ? [] : [{ code, amountCents: cents }];
    }),
  };
}

export const createCallInput = z
  .object(callFields)
  .check(
    z.superRefine((v, ctx) => envelopeRules(v as Partial<RawCallFields>, ctx), evenWhenFieldsFail),
  );
export type CreateCallInput = z.output<typeof createCallInput>;

export const updateCallInput = z
  .object({
    ...callFields,
    id: z.uuid("error.call.unknown"),
    version: z.coerce.number({ error: "error.required" }).int().positive("error.required"),
  })
  .check(
    z.superRefine((v, ctx) => envelopeRules(v as Partial<RawCallFields>, ctx), evenWhenFieldsFail),
  );
export type UpdateCallInput = z.output<typeof updateCallInput>;

/** The single-valued and multi-valued fields of the call form, in the order the page shows them. */
export const callFormFields = [
  "title",
  "summary",
  "body",
  "schoolYears",
  "maxDurationMonths",
  "themes",
  "changeLevels",
  "educationForms",
  "finalities",
  "studyDomains",
  "minLabourMarketPartners",
  "minEducationPartners",
  "totalBudget",
  "maxPerProject",
  "minCoFinancingPercent",
  "directorApproval",
  "envelopeDimension",
  "opensAt",
  "closesAt",
  "decisionAt",
  "form",
] as const satisfies ReadonlyArray<keyof typeof callFields>;

export { multiValuedCallFields } from "./model";
