import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formConstraints } from "../app/components/form-constraints.server";
import { budgetLineInput } from "../src/applications/budget/budget-line-input";
import {
  addActionInput,
  addDisseminationInput,
  addTeacherInput,
} from "../src/applications/plan/plan-input";
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
  ];

  it.each(cases)("$form: $name", ({ schema, name, expected }) => {
    expect(formConstraints(schema)[name] ?? {}).toEqual(expected);
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
