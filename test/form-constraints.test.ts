import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formConstraints } from "../app/components/form-constraints.server";
import { uploadAttachmentInput } from "../src/applications/attachments/upload-attachment";
import { budgetLineInput } from "../src/applications/budget/budget-line-input";
import { addConsortiumPartnerInput } from "../src/applications/consortium/add-partner";
import {
  addActionInput,
  addDisseminationInput,
  addTeacherInput,
} from "../src/applications/plan/plan-input";
import { createCallInput } from "../src/calls/call-input";
import { grantMembershipInput } from "../src/identity/grant-membership";
import { reportReplicationInput } from "../src/library/report-replication";

// The HTML constraints are read from the schemas the use cases validate with (ADR 0031): they
// must say exactly what the server refuses. Each row is checked both ways: the constraint is
// derived, and the schema really refuses what the constraint forbids (and accepts the rest).

describe("formConstraints", () => {
  const cases: Array<{ form: string; schema: z.ZodType; name: string; expected: object }> = [
    {
      form: "action",
      schema: addActionInput,
      name: "title",
      expected: { required: true, maxLength: 200 },
    },
    {
      form: "action",
      schema: addActionInput,
      name: "description",
      expected: { required: true, maxLength: 5000 },
    },
    {
      form: "action",
      schema: addActionInput,
      name: "startsOn",
      expected: { required: true, maxLength: 10 },
    },
    // A milestone row left blank is left out, not refused: no `required` inside a list.
    {
      form: "action",
      schema: addActionInput,
      name: "milestones[].title",
      expected: { maxLength: 200 },
    },
    {
      form: "teacher",
      schema: addTeacherInput,
      name: "name",
      expected: { required: true, maxLength: 200 },
    },
    {
      form: "teacher",
      schema: addTeacherInput,
      name: "email",
      expected: { maxLength: 254, type: "email", inputMode: "email" },
    },
    // Optional text is "" when blank: not required, but still bounded.
    {
      form: "teacher",
      schema: addTeacherInput,
      name: "learningGoal",
      expected: { maxLength: 5000 },
    },
    {
      form: "teacher",
      schema: addTeacherInput,
      name: "plannedHours",
      expected: { inputMode: "numeric", min: 1, max: 2000 },
    },
    {
      form: "dissemination",
      schema: addDisseminationInput,
      name: "resourceType",
      expected: { required: true },
    },
    { form: "dissemination", schema: addDisseminationInput, name: "licence", expected: {} },
    {
      form: "budget line",
      schema: budgetLineInput,
      name: "description",
      expected: { required: true, maxLength: 500 },
    },
    // A count a blank field would have made 0 is refused blank, so the form says it is required.
    {
      form: "replication report",
      schema: reportReplicationInput,
      name: "pupils",
      expected: { required: true, inputMode: "numeric", min: 0, max: 100000 },
    },
    {
      form: "replication report",
      schema: reportReplicationInput,
      name: "evidenceUrl",
      expected: { maxLength: 2000, type: "url", inputMode: "url" },
    },
    // Hours and amounts count only for some categories (a check of the whole line): not required.
    { form: "budget line", schema: budgetLineInput, name: "amount", expected: { maxLength: 40 } },
    // A form in variants (a partner from the directory or a new one): each variant's fields.
    {
      form: "partner",
      schema: addConsortiumPartnerInput,
      name: "proposedName",
      expected: { required: true, maxLength: 200 },
    },
    {
      form: "partner",
      schema: addConsortiumPartnerInput,
      name: "commitment",
      expected: { required: true, maxLength: 4000 },
    },
    {
      form: "partner",
      schema: addConsortiumPartnerInput,
      name: "roles",
      expected: { required: true },
    },
    { form: "partner", schema: addConsortiumPartnerInput, name: "inKind", expected: {} },
    // A file is refused when none was sent.
    {
      form: "attachment",
      schema: uploadAttachmentInput,
      name: "file",
      expected: { required: true },
    },
    {
      form: "attachment",
      schema: uploadAttachmentInput,
      name: "kind",
      expected: { required: true },
    },
    // Left blank, the minimum number of partners is 1: the hand-typed `required` said otherwise.
    {
      form: "call",
      schema: createCallInput,
      name: "minLabourMarketPartners",
      expected: { inputMode: "numeric", min: 0, max: 20 },
    },
    {
      form: "call",
      schema: createCallInput,
      name: "title",
      expected: { required: true, maxLength: 200 },
    },
    { form: "role", schema: grantMembershipInput, name: "role", expected: { required: true } },
  ];

  it.each(cases)("$form: $name", ({ schema, name, expected }) => {
    expect(formConstraints(schema)[name] ?? {}).toEqual(expected);
  });

  it("gives a field several variants share `required` only when every variant refuses it blank", () => {
    const schema = z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("a"), name: z.string().min(1).max(50), note: z.string().max(9) }),
      z.object({ kind: z.literal("b"), name: z.string().max(20), extra: z.string().min(1) }),
    ]);
    const constraints = formConstraints(schema);
    expect(constraints.name).toEqual({ maxLength: 20 });
    expect(constraints.note).toEqual({ maxLength: 9 });
    expect(constraints.extra).toEqual({ required: true });
  });

  it("marks required exactly the fields the schema refuses blank", () => {
    const schema = z.object({
      a: z.string().min(1),
      b: z.string().optional(),
      c: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(3).optional()),
      d: z.enum(["x", "y"]),
    });
    const constraints = formConstraints(schema);
    for (const key of ["a", "b", "c", "d"] as const) {
      const refused = !schema.shape[key].safeParse("").success;
      expect(constraints[key]?.required ?? false, key).toBe(refused);
    }
    expect(constraints.c?.maxLength).toBe(3);
    expect(schema.shape.c.safeParse("abcd").success).toBe(false);
  });
});
