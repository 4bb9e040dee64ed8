import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { budgetLineInput } from "../src/applications/budget/budget-line-input";
import { addActionInput } from "../src/applications/plan/plan-input";
import { formDefinitionSchema } from "../src/calls/form-definition";
import { createOrganisationInput } from "../src/directory/organisation-input";
import { moderateReplicationInput } from "../src/library/moderate-replication";
import { moveMaterialVersionInput } from "../src/library/move-material-version";
import { zodFieldErrors } from "../src/platform/use-case";

// Every error of a form in one round: zod runs a refinement of an object (the rules across its
// fields) only when every field passed, unless the refinement says `when`. A form then shows its
// field errors first and the cross-field ones only after those are fixed: the budget line asked
// for its amount only once the description was filled in. Each row posts a form that is wrong in
// a field and across fields at once, and expects both errors from the one parse.

const applicationId = "5b0c6d1e-9a43-4c57-8a55-1a2b3c4d5e6f";

const rows: Array<[string, z.ZodType, Record<string, unknown>, Record<string, string[]>]> = [
  [
    "a budget line: no description and an amount that is none",
    budgetLineInput,
    { category: "materials", description: " ", amount: "veel" },
    {
      description: ["budget.error.descriptionRequired"],
      amount: ["budget.error.invalidAmount"],
    },
  ],
  [
    "a teacher-release line: no description, hours and hourly cost wrong",
    budgetLineInput,
    { category: "teacherRelease", description: "", hours: "0", hourlyCost: "" },
    {
      description: ["budget.error.descriptionRequired"],
      hours: ["budget.error.invalidHours"],
      hourlyCost: ["budget.error.invalidHourlyCost"],
    },
  ],
  [
    "a budget line: a description too long and no amount",
    budgetLineInput,
    { category: "other", description: "x".repeat(501), amount: "" },
    { description: ["error.tooLong"], amount: ["budget.error.invalidAmount"] },
  ],
  [
    "a plan action: no title and an end before its start",
    addActionInput,
    { applicationId, title: "", description: "Iets", startsOn: "2028-01-02", endsOn: "2028-01-01" },
    { title: ["error.required"], endsOn: ["plan.error.endBeforeStart"] },
  ],
  [
    "an organisation: no name and a school without institution number or umbrella",
    createOrganisationInput,
    { name: "", kind: "school", municipalityNis: "44021" },
    {
      name: ["error.required"],
      institutionNumber: ["error.institutionNumberRequired"],
      umbrella: ["error.umbrellaRequired"],
    },
  ],
  [
    "a call's form: a question without label and a section id used twice",
    formDefinitionSchema,
    {
      sections: [
        { id: "s", title: "Eerste", questions: [] },
        {
          id: "s",
          title: "Tweede",
          questions: [{ id: "q", type: "text", label: "", limit: { unit: "words", max: 10 } }],
        },
      ],
    },
    {
      "sections.1.id": ["error.form.duplicateId"],
      "sections.1.questions.0.label": ["error.required"],
    },
  ],
  [
    "a moderation move: an unknown version and sending back without a note",
    moveMaterialVersionInput,
    { versionId: "x", move: "requestChanges", note: "" },
    { versionId: ["library.error.unknownVersion"], note: ["library.error.noteRequired"] },
  ],
  [
    "a replication report's moderation: an unknown report and a rejection without a note",
    moderateReplicationInput,
    { reportId: "x", decision: "reject", note: "" },
    { reportId: ["library.error.unknownReport"], note: ["library.error.noteRequired"] },
  ],
];

describe("validation reports every error in one round", () => {
  it.each(rows)("%s", (_name, schema, input, expected) => {
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const { fieldErrors } = zodFieldErrors(parsed.error);
    for (const [field, messages] of Object.entries(expected))
      expect(fieldErrors[field], field).toEqual(messages);
  });

  it("a budget line that is right still becomes a line in cents", () => {
    expect(
      budgetLineInput.parse({
        category: "teacherRelease",
        description: "Vrijstelling",
        hours: "12,5",
        hourlyCost: "50,00",
      }),
    ).toEqual({
      line: {
        category: "teacherRelease",
        description: "Vrijstelling",
        hours: 12.5,
        hourlyCostCents: 5000,
        amountCents: 62500,
      },
    });
  });
});
