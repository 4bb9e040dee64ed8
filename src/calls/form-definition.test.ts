import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMessageKey } from "../i18n/translate";
import { createCallInput } from "./call-input";
import {
  canonicalJson,
  cycleOneForm,
  formContentHash,
  formDefinitionSchema,
  parseFormJson,
  questionTypes,
  wordLimit,
} from "./form-definition";

const valid = {
  sections: [
    {
      id: "deel-1",
      title: "Deel 1",
      questions: [
        { id: "tekst", type: "text", label: "Tekst", limit: { unit: "pages", max: 2 } },
        { id: "getal", type: "number", label: "Getal", min: 0, max: 10 },
        { id: "bedrag", type: "money", label: "Bedrag", maxCents: 100 },
        {
          id: "keuze",
          type: "choice",
          label: "Keuze",
          options: [
            { value: "a", label: "A" },
            { value: "b", label: "B" },
          ],
        },
        { id: "richtingen", type: "studyProgrammes", label: "Richtingen" },
        { id: "partners", type: "partners", label: "Partners" },
        { id: "begroting", type: "budgetTable", label: "Begroting" },
        { id: "bijlagen", type: "attachments", label: "Bijlagen", required: false },
      ],
    },
  ],
};

describe("the form definition schema", () => {
  it("accepts every question type, with defaults", () => {
    const parsed = formDefinitionSchema.parse(valid);
    const questions = parsed.sections[0]?.questions ?? [];
    expect(questions.map((q) => q.type)).toEqual([...questionTypes]);
    expect(questions[0]?.required).toBe(true);
    expect(questions.at(-1)).toMatchObject({ required: false, maxFiles: 5, maxSizeMb: 10 });
  });

  it("counts a page as 500 words", () => {
    const first = cycleOneForm.sections[0]?.questions[0];
    if (first?.type !== "text") throw new Error("expected a text question");
    expect(wordLimit(first)).toBe(1500);
  });

  const section = (questions: unknown[]) => ({
    sections: [{ id: "s", title: "S", questions }],
  });
  const hostile: Array<[string, unknown, string, string]> = [
    ["not an object", "hallo", "", "error.form.notAnObject"],
    ["null", null, "", "error.form.notAnObject"],
    ["an unknown property", { sections: [], evil: 1 }, "", "error.form.notAnObject"],
    ["sections not a list", { sections: {} }, "sections", "error.form.sectionsRequired"],
    [
      "an unknown question type",
      section([{ id: "q", type: "video", label: "Q" }]),
      "sections.0.questions.0.type",
      "error.form.invalidType",
    ],
    [
      "a text question without limit",
      section([{ id: "q", type: "text", label: "Q" }]),
      "sections.0.questions.0.limit",
      "error.form.limitRequired",
    ],
    [
      "a limit in lines",
      section([{ id: "q", type: "text", label: "Q", limit: { unit: "lines", max: 3 } }]),
      "sections.0.questions.0.limit.unit",
      "error.form.invalidLimitUnit",
    ],
    [
      "a negative page limit",
      section([{ id: "q", type: "text", label: "Q", limit: { unit: "pages", max: -1 } }]),
      "sections.0.questions.0.limit.max",
      "error.form.tooSmall",
    ],
    [
      "a script in the id",
      section([{ id: "<script>", type: "partners", label: "Q" }]),
      "sections.0.questions.0.id",
      "error.form.invalidId",
    ],
    [
      "a prototype-polluting key",
      JSON.parse('{"sections": [], "__proto__": {"admin": true}}'),
      "",
      "error.form.notAnObject",
    ],
    [
      "a duplicate id",
      section([
        { id: "q", type: "partners", label: "Q" },
        { id: "q", type: "budgetTable", label: "Q2" },
      ]),
      "sections.0.questions.1.id",
      "error.form.duplicateId",
    ],
    [
      "a choice with one option",
      section([{ id: "q", type: "choice", label: "Q", options: [{ value: "a", label: "A" }] }]),
      "sections.0.questions.0.options",
      "error.form.tooFewOptions",
    ],
    [
      "an empty label",
      section([{ id: "q", type: "partners", label: "   " }]),
      "sections.0.questions.0.label",
      "error.required",
    ],
    [
      "a label of a megabyte",
      section([{ id: "q", type: "partners", label: "x".repeat(1_000_000) }]),
      "sections.0.questions.0.label",
      "error.tooLong",
    ],
    [
      "min above max",
      section([{ id: "q", type: "number", label: "Q", min: 5, max: 1 }]),
      "sections.0.questions.0.max",
      "error.form.maxBelowMin",
    ],
    [
      "a money maximum that is not whole cents",
      section([{ id: "q", type: "money", label: "Q", maxCents: 1.5 }]),
      "sections.0.questions.0.maxCents",
      "error.form.notAWholeNumber",
    ],
    [
      "Infinity as a number",
      section([{ id: "q", type: "number", label: "Q", min: Number.POSITIVE_INFINITY }]),
      "sections.0.questions.0.min",
      "error.form.notANumber",
    ],
  ];

  it.each(hostile)(
    "refuses %s with a catalogue message at the right place",
    (_label, input, path, message) => {
      const result = formDefinitionSchema.safeParse(input);
      expect(result.success).toBe(false);
      if (result.success) return;
      const found = result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
      expect(found).toContain(`${path} ${message}`);
    },
  );

  it("answers random JSON with success or catalogue messages, never a crash", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = formDefinitionSchema.safeParse(value);
        if (!result.success)
          for (const issue of result.error.issues) expect(isMessageKey(issue.message)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("answers random form-shaped input with catalogue messages only", () => {
    const question = fc.record(
      {
        id: fc.oneof(fc.string(), fc.constantFrom("a", "b", "vraag-1")),
        type: fc.oneof(
          fc.string(),
          fc.constantFrom("text", "number", "money", "choice", "partners", "attachments"),
        ),
        label: fc.oneof(fc.string(), fc.integer()),
        help: fc.anything(),
        required: fc.anything(),
        limit: fc.anything(),
        options: fc.array(
          fc.record({ value: fc.string(), label: fc.string() }, { requiredKeys: [] }),
        ),
        min: fc.oneof(fc.double(), fc.integer()),
        max: fc.oneof(fc.double(), fc.integer()),
        maxCents: fc.oneof(fc.double(), fc.integer(), fc.string()),
      },
      { requiredKeys: [] },
    );
    const form = fc.record({
      sections: fc.array(
        fc.record(
          { id: fc.string(), title: fc.string(), questions: fc.array(question, { maxLength: 4 }) },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(form, (value) => {
        const result = formDefinitionSchema.safeParse(value);
        if (!result.success)
          for (const issue of result.error.issues) expect(isMessageKey(issue.message)).toBe(true);
        const text = parseFormJson(JSON.stringify(value));
        if (!text.ok) for (const p of text.problems) expect(isMessageKey(p.message)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("reports a JSON syntax error as one clear problem", () => {
    expect(parseFormJson('{"sections": [')).toEqual({
      ok: false,
      problems: [{ path: [], message: "error.form.invalidJson" }],
    });
  });

  it("hashes the same form the same way whatever the key order", () => {
    const reordered = JSON.parse(JSON.stringify(valid), (_k, v) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).reverse())
        : v,
    );
    const a = formDefinitionSchema.parse(valid);
    const b = formDefinitionSchema.parse(reordered);
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(formContentHash(a)).toBe(formContentHash(b));
    expect(formContentHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(formContentHash(cycleOneForm)).not.toBe(formContentHash(a));
  });
});

describe("the call input", () => {
  it.each([
    [{ envelopeDimension: "valueOf", envelopes: [""] }],
    [{ envelopeDimension: 5e-324, envelopes: { "": "!" } }],
    [{ envelopeDimension: "__proto__", envelopes: { __proto__: "5" } }],
    [{ schoolYears: [null] }],
  ])("refuses the hostile input %j found earlier with catalogue messages", (value) => {
    const result = createCallInput.safeParse(value);
    expect(result.success).toBe(false);
    if (!result.success)
      for (const issue of result.error.issues) expect(isMessageKey(issue.message)).toBe(true);
  });

  it("answers random field values with success or catalogue messages, never a crash", () => {
    const anyField = fc.oneof(
      fc.string(),
      fc.array(fc.string()),
      fc.integer(),
      fc.constant(undefined),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            title: anyField,
            schoolYears: anyField,
            themes: anyField,
            totalBudget: anyField,
            envelopeDimension: anyField,
            envelopes: fc.oneof(fc.dictionary(fc.string(), fc.string()), anyField),
            opensAt: anyField,
            form: anyField,
          },
          { requiredKeys: [] },
        ),
        (value) => {
          const result = createCallInput.safeParse(value);
          if (!result.success)
            for (const issue of result.error.issues)
              expect(isMessageKey(issue.message), issue.message).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
