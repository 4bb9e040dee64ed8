import { z } from "zod";
import { blankToUndefined, evenWhenFieldsFail } from "../platform/form-input";
import { parseEnterpriseNumber } from "./enterprise-number";
import { organisationKinds, umbrellaOrganisations } from "./model";
import { postalCodesOf } from "./postal-codes";
import { findMunicipality, isValidOn } from "./reference-data";

// The organisation form, once: used by the create and update use cases and by their pages.
// Every message is a catalogue key. Blank optional fields become null; an enterprise number is
// accepted with or without dots and stored as 10 digits.

/** An optional text field: trimmed, blank -> null. */
function optionalText<T extends z.ZodType<string, string>>(schema: T) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: "error.invalidChoice" })
      .trim()
      .pipe(schema)
      .optional()
      .transform((v) => v ?? null),
  );
}

const required = (message = "error.required") =>
  z.preprocess(blankToUndefined, z.string({ error: message }).trim().min(1, message));

export const organisationFields = {
  name: required().pipe(z.string().max(200, "error.tooLong")),
  kind: z.preprocess(
    blankToUndefined,
    z.enum(organisationKinds, {
      error: (issue) => (issue.input === undefined ? "error.required" : "error.invalidChoice"),
    }),
  ),
  institutionNumber: optionalText(z.string().regex(/^\d{1,6}$/, "error.invalidInstitutionNumber")),
  enterpriseNumber: optionalText(
    z
      .string()
      .max(30, "error.invalidEnterpriseNumber")
      .transform((value, ctx) => {
        const parsed = parseEnterpriseNumber(value);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: "custom", message: "error.invalidEnterpriseNumber" });
        return z.NEVER;
      }),
  ),
  umbrella: z.preprocess(
    blankToUndefined,
    z
      .enum(umbrellaOrganisations, { error: "error.invalidChoice" })
      .optional()
      .transform((v) => v ?? null),
  ),
  street: optionalText(z.string().max(200, "error.tooLong")),
  postalCode: optionalText(z.string().regex(/^\d{4}$/, "error.invalidPostalCode")),
  municipalityNis: required()
    .refine((nis) => findMunicipality(nis) !== undefined, "error.unknownMunicipality")
    .refine((nis) => {
      const m = findMunicipality(nis);
      return !m || isValidOn(m, new Date());
    }, "error.municipalityNotCurrent"),
  website: optionalText(
    z
      .string()
      .max(500, "error.tooLong")
      .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: "error.invalidUrl" })),
  ),
  email: optionalText(z.string().max(254, "error.tooLong").pipe(z.email("error.invalidEmail"))),
  phone: optionalText(
    z
      .string()
      .max(30, "error.tooLong")
      .refine(
        (v) => /^\+?[\d\s()./-]+$/.test(v) && v.replace(/\D/g, "").length >= 6,
        "error.invalidPhone",
      ),
  ),
  description: optionalText(z.string().max(2000, "error.tooLong")),
};

type OrganisationFields = z.output<z.ZodObject<typeof organisationFields>>;

/** A postal code that belongs to the municipality (BeST Address: Gent is 9000 to 9052, never 2000). */
function addressRules(value: Partial<OrganisationFields>, ctx: z.RefinementCtx) {
  if (!value.postalCode || !value.municipalityNis) return;
  const codes = postalCodesOf(value.municipalityNis);
  if (codes.length && !codes.some((c) => c.postalCode === value.postalCode))
    ctx.addIssue({
      code: "custom",
      path: ["postalCode"],
      message: "error.postalCodeNotInMunicipality",
    });
}

/** Rules across fields: which identifier and umbrella each kind needs. */
function kindRules(value: Partial<OrganisationFields>, ctx: z.RefinementCtx) {
  if (value.kind === "school") {
    if (!value.institutionNumber)
      ctx.addIssue({
        code: "custom",
        path: ["institutionNumber"],
        message: "error.institutionNumberRequired",
      });
    if (!value.umbrella)
      ctx.addIssue({ code: "custom", path: ["umbrella"], message: "error.umbrellaRequired" });
  }
  if (value.kind === "company" && !value.enterpriseNumber)
    ctx.addIssue({
      code: "custom",
      path: ["enterpriseNumber"],
      message: "error.enterpriseNumberRequired",
    });
}

export const createOrganisationInput = z.object(organisationFields).check(
  z.superRefine((value, ctx) => {
    kindRules(value as Partial<OrganisationFields>, ctx);
    addressRules(value as Partial<OrganisationFields>, ctx);
  }, evenWhenFieldsFail),
);
export type CreateOrganisationInput = z.output<typeof createOrganisationInput>;

export const updateOrganisationInput = z
  .object({
    ...organisationFields,
    id: z.uuid("error.unknownOrganisation"),
    version: z.coerce.number({ error: "error.required" }).int().positive("error.required"),
  })
  .check(
    z.superRefine((value, ctx) => {
      kindRules(value as Partial<OrganisationFields>, ctx);
      addressRules(value as Partial<OrganisationFields>, ctx);
    }, evenWhenFieldsFail),
  );
export type UpdateOrganisationInput = z.output<typeof updateOrganisationInput>;

/** The fields the form edits, as strings, from a stored organisation (for the edit form). */
export const organisationFormFields = [
  "name",
  "kind",
  "institutionNumber",
  "enterpriseNumber",
  "umbrella",
  "street",
  "postalCode",
  "municipalityNis",
  "website",
  "email",
  "phone",
  "description",
] as const satisfies ReadonlyArray<keyof typeof organisationFields>;
