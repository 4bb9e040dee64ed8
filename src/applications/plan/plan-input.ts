import { z } from "zod";
import { studyProgrammes } from "../../directory/reference-data";
import { blankToUndefined, evenWhenFieldsFail } from "../../platform/form-input";
import {
  disseminationResourceTypes,
  isIsoDay,
  learningMethods,
  maxMilestones,
  type PlanPeriod,
  planLicences,
} from "./model";

// The plan's forms, once: an action with its milestones, a teacher with their
// professionalisation, a dissemination item. What a form leaves blank is "not given"; what is
// given must be well-formed. The call's period is checked by the use cases, which read the call.
// Every message is a catalogue key.

const programmeCodes = new Set(studyProgrammes.map((p) => p.code));

/** Text that must be given, trimmed, at most `max` characters. */
const requiredText = (max: number, message = "error.required") =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: message })
      .max(max, "error.tooLong")
      .transform((v) => v.replace(/\r\n/g, "\n").trim()),
  );

/** Text that may be left blank (stored as ""). */
const optionalText = (max: number) =>
  z.preprocess(
    (v) => blankToUndefined(v) ?? "",
    z
      .string({ error: "error.invalidValue" })
      .max(max, "error.tooLong")
      .transform((v) => v.replace(/\r\n/g, "\n").trim()),
  );

/** A calendar day as an `<input type="date">` posts it: yyyy-mm-dd. */
const day = (message = "plan.error.dateRequired") =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: message })
      .max(10, "plan.error.invalidDate")
      .refine(isIsoDay, "plan.error.invalidDate"),
  );

const optionalDay = z.preprocess(
  blankToUndefined,
  z
    .string({ error: "plan.error.invalidDate" })
    .max(10, "plan.error.invalidDate")
    .refine(isIsoDay, "plan.error.invalidDate")
    .optional()
    .transform((v) => v ?? null),
);

const applicationId = z.uuid("application.error.unknown");
/** The id of an item on the page; a stale or forged one is "gone" rather than "invalid". */
const itemId = z.uuid("plan.error.itemGone");

const milestone = z.object({
  title: requiredText(200, "plan.error.milestoneTitleRequired"),
  date: day("plan.error.milestoneDateRequired"),
});

const actionFields = z.object({
  applicationId,
  title: requiredText(200),
  description: requiredText(5000),
  startsOn: day(),
  endsOn: day(),
  milestones: z.preprocess(
    (v) => v ?? [],
    z
      .array(milestone, { error: "error.invalidValue" })
      .max(maxMilestones, "plan.error.tooManyMilestones"),
  ),
});

/** End not before start; every milestone within the action (field errors on the right field). */
function actionDates(
  value: {
    startsOn?: unknown;
    endsOn?: unknown;
    milestones?: unknown;
  },
  ctx: z.RefinementCtx,
) {
  const { startsOn, endsOn } = value;
  if (typeof startsOn !== "string" || typeof endsOn !== "string") return;
  if (!isIsoDay(startsOn) || !isIsoDay(endsOn)) return;
  if (endsOn < startsOn)
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: "plan.error.endBeforeStart" });
  if (!Array.isArray(value.milestones)) return;
  value.milestones.forEach((m: unknown, i) => {
    const date = (m as { date?: unknown } | null)?.date;
    if (typeof date === "string" && isIsoDay(date) && (date < startsOn || date > endsOn))
      ctx.addIssue({
        code: "custom",
        path: ["milestones", i, "date"],
        message: "plan.error.milestoneOutsideAction",
      });
  });
}

export const addActionInput = actionFields.check(z.superRefine(actionDates, evenWhenFieldsFail));
export const updateActionInput = actionFields
  .extend({ actionId: itemId })
  .check(z.superRefine(actionDates, evenWhenFieldsFail));
export type ActionInput = z.output<typeof addActionInput>;

const teacherFields = z.object({
  applicationId,
  name: requiredText(200),
  email: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "error.invalidEmail" })
      .max(254, "error.tooLong")
      .pipe(z.email("error.invalidEmail"))
      .optional()
      .transform((v) => v ?? null),
  ),
  role: requiredText(200),
  /** A school of the consortium or none; the use case checks it is one of the consortium's. */
  organisationId: z.preprocess(
    blankToUndefined,
    z
      .uuid("error.invalidChoice")
      .optional()
      .transform((v) => v ?? null),
  ),
  learningGoal: optionalText(5000),
  learningMethod: z.preprocess(
    blankToUndefined,
    z
      .enum(learningMethods, { error: "error.invalidChoice" })
      .optional()
      .transform((v) => v ?? null),
  ),
  learningWith: optionalText(500),
  plannedHours: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "plan.error.invalidHours" })
      .int("plan.error.invalidHours")
      .min(1, "plan.error.invalidHours")
      .max(2000, "plan.error.invalidHours")
      .optional()
      .transform((v) => v ?? null),
  ),
});

export const addTeacherInput = teacherFields;
export const updateTeacherInput = teacherFields.extend({ teacherId: itemId });
export type TeacherInput = z.output<typeof addTeacherInput>;

const disseminationFields = z.object({
  applicationId,
  title: requiredText(200),
  resourceType: z.preprocess(
    blankToUndefined,
    z.enum(disseminationResourceTypes, {
      error: (issue) => (issue.input === undefined ? "error.required" : "error.invalidChoice"),
    }),
  ),
  /** One code, several, or none (the page's checkboxes or a code list). */
  programmeCodes: z.preprocess(
    (value) =>
      value === undefined || value === null || value === ""
        ? []
        : Array.isArray(value)
          ? value.filter((v) => v !== "")
          : [value],
    z
      .array(z.string().max(20, "error.invalidChoice"), { error: "error.invalidChoice" })
      .max(60, "plan.error.tooManyProgrammes")
      .refine((codes) => codes.every((c) => programmeCodes.has(c)), "error.invalidChoice")
      .transform((codes) => [...new Set(codes)].sort()),
  ),
  licence: z.preprocess(
    blankToUndefined,
    z
      .enum(planLicences, { error: "error.invalidChoice" })
      .optional()
      .transform((v) => v ?? null),
  ),
  releaseOn: optionalDay,
});

export const addDisseminationInput = disseminationFields;
export const updateDisseminationInput = disseminationFields.extend({ itemId });
export type DisseminationInput = z.output<typeof addDisseminationInput>;

/** The field errors of an action outside the call's period (null when it fits). */
export function periodErrors(
  period: PlanPeriod | null,
  input: { startsOn: string; endsOn: string },
): Record<string, string[]> | null {
  if (!period) return null;
  const errors: Record<string, string[]> = {};
  if (input.startsOn < period.startsOn) errors.startsOn = ["plan.error.startBeforePeriod"];
  if (input.startsOn > period.endsOn) errors.startsOn = ["plan.error.startAfterPeriod"];
  if (input.endsOn > period.endsOn) errors.endsOn = ["plan.error.endAfterPeriod"];
  return Object.keys(errors).length > 0 ? errors : null;
}
