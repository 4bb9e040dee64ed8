import { z } from "zod";
import {
  changeLevels,
  educationForms,
  finalities,
  studyDomains,
  transitionAreas,
} from "../directory/model";
import { studyProgrammes } from "../directory/reference-data";
import { blankToUndefined, several } from "../platform/form-input";
import {
  accessibilityFeatures,
  audiences,
  grades,
  licences,
  type MaterialAuthor,
  type MaterialLink,
  materialLanguages,
  maturities,
  resourceTypes,
} from "./model";

// The material form, once: the metadata of a version as posted by its page (or given by the
// seed and tests). A draft may be incomplete; submission checks completeness (versionProblems).
// Every message is a catalogue key.

const programmeCodes = new Set(studyProgrammes.map((p) => p.code));

const text = (max: number) =>
  z
    .string({ error: "error.invalidValue" })
    .max(max, "error.tooLong")
    .transform((v) => v.replace(/\r\n/g, "\n").trim());

const optionalText = (max: number) => z.preprocess((v) => v ?? "", text(max));

/** "Naam (Organisatie)" per line; the organisation is optional. */
export function parseAuthors(value: string): MaterialAuthor[] | null {
  const authors: MaterialAuthor[] = [];
  for (const line of value
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    const match = /^(.+?)\s*(?:\((.+)\))?$/.exec(line);
    const name = match?.[1]?.trim();
    if (!name || name.length > 200) return null;
    const organisation = match?.[2]?.trim();
    authors.push(organisation ? { name, organisation } : { name });
  }
  return authors.length <= 50 ? authors : null;
}

/** "https://… Omschrijving" per line; the description is optional. */
export function parseLinks(value: string): MaterialLink[] | null {
  const links: MaterialLink[] = [];
  for (const line of value
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [url = "", ...rest] = line.split(/\s+/);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return null;
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    links.push({ url: parsed.toString(), label: rest.join(" ").slice(0, 200) || parsed.host });
  }
  return links.length <= 30 ? links : null;
}

const authorsField = z.preprocess(
  (v) => v ?? "",
  z
    .union([z.string().max(20_000, "error.tooLong"), z.array(z.string())], {
      error: "error.invalidValue",
    })
    .transform((value, ctx) => {
      const authors = parseAuthors(Array.isArray(value) ? value.join("\n") : value);
      if (authors) return authors;
      ctx.addIssue({ code: "custom", message: "library.error.invalidAuthors" });
      return z.NEVER;
    }),
);

const linksField = z.preprocess(
  (v) => v ?? "",
  z
    .string({ error: "error.invalidValue" })
    .max(20_000, "error.tooLong")
    .transform((value, ctx) => {
      const links = parseLinks(value);
      if (links) return links;
      ctx.addIssue({ code: "custom", message: "library.error.invalidLinks" });
      return z.NEVER;
    }),
);

/** Keywords separated by commas or new lines, each at most 60 characters, at most 30. */
const keywordsField = z.preprocess(
  (v) => v ?? "",
  z
    .string({ error: "error.invalidValue" })
    .max(3000, "error.tooLong")
    .transform((value, ctx) => {
      const words = [
        ...new Set(
          value
            .split(/[,\n]/)
            .map((w) => w.trim())
            .filter(Boolean),
        ),
      ];
      if (words.length > 30 || words.some((w) => w.length > 60)) {
        ctx.addIssue({ code: "custom", message: "library.error.invalidKeywords" });
        return z.NEVER;
      }
      return words;
    }),
);

const programmeCodesField = z.preprocess(
  (value) =>
    value === undefined || value === null || value === ""
      ? []
      : Array.isArray(value)
        ? value
        : [value],
  z
    .array(z.string().max(20), { error: "error.invalidChoice" })
    .max(60, "library.error.tooManyProgrammes")
    .refine((codes) => codes.every((c) => programmeCodes.has(c)), "error.invalidChoice")
    .transform((codes) => [...new Set(codes)].sort()),
);

const levelsField = z.preprocess(
  (value) =>
    value === undefined || value === null || value === ""
      ? []
      : Array.isArray(value)
        ? value
        : [value],
  z
    .array(z.coerce.number().int().min(1).max(8), { error: "error.invalidChoice" })
    .max(8, "error.invalidChoice")
    .transform((levels) => [...new Set(levels)].sort((a, b) => a - b)),
);

const minutesField = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "library.error.invalidMinutes" })
    .int("library.error.invalidMinutes")
    .min(1, "library.error.invalidMinutes")
    .max(100_000, "library.error.invalidMinutes")
    .optional()
    .transform((v) => v ?? null),
);

/** The fields of a version, as a page posts them. */
export const versionFields = {
  title: z
    .string({ error: "error.required" })
    .trim()
    .min(1, "error.required")
    .max(200, "error.tooLong"),
  description: optionalText(20_000),
  keywords: keywordsField,
  language: z.enum(materialLanguages, { error: "error.invalidChoice" }).default("nl"),
  licence: z.enum(licences, { error: "library.error.licenceRequired" }),
  authors: authorsField,
  links: linksField,
  studyDomains: several(studyDomains),
  finalities: several(finalities),
  educationForms: several(educationForms),
  grades: several(grades),
  programmeCodes: programmeCodesField,
  qualificationLevels: levelsField,
  transitionAreas: several(transitionAreas),
  changeLevels: several(changeLevels),
  resourceTypes: several(resourceTypes),
  audiences: several(audiences),
  accessibilityFeatures: several(accessibilityFeatures),
  timeRequiredMinutes: minutesField,
  maturity: z.enum(maturities, { error: "error.invalidChoice" }).default("prototype"),
  maturityEvidence: optionalText(10_000),
  changeNote: optionalText(2000),
};

export const versionInput = z.object(versionFields);
export type VersionInput = z.output<typeof versionInput>;
