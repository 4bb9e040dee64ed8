import { describe, expect, it } from "vitest";
import { isMessageKey } from "../i18n/translate";
import { parseEuroCents } from "../platform/money";
import { type FormDefinition, formDefinitionSchema } from "./form-definition";
import {
  applyFormEdit,
  editorMessage,
  type FormEdit,
  fieldOfProblem,
  optionsFromLines,
  parseDecimal,
  type QuestionContent,
  questionFromFields,
  slugify,
  uniqueId,
} from "./form-editing";

const text = (label: string, max = 3): QuestionContent => ({
  type: "text",
  label,
  required: true,
  limit: { unit: "pages", max },
});

const form: FormDefinition = {
  sections: [
    {
      id: "voorstel",
      title: "Voorstel",
      questions: [
        {
          id: "beschrijving",
          ...text("Beschrijving"),
        } as FormDefinition["sections"][0]["questions"][0],
        { id: "aanpak", ...text("Aanpak") } as FormDefinition["sections"][0]["questions"][0],
        { id: "kosten", ...text("Kosten") } as FormDefinition["sections"][0]["questions"][0],
      ],
    },
    { id: "bijlagen", title: "Bijlagen", intro: "Wat je meestuurt.", questions: [] },
  ],
};

/** The form as a compact outline: "section: question question". */
const outline = (f: FormDefinition) =>
  f.sections.map((s) => `${s.id}: ${s.questions.map((q) => q.id).join(" ")}`.trim());

describe("slugify", () => {
  it.each([
    ["Beschrijving van het voorstel", "beschrijving-van-het-voorstel"],
    ["Samenwerking & één plan", "samenwerking-een-plan"],
    ["  Kostprijs —  cofinanciering!  ", "kostprijs-cofinanciering"],
    ["3 doelen", "vraag-3-doelen"],
    ["€ ?!", "vraag"],
    ["", "vraag"],
    ["Ça déborde: Ærø", "ca-deborde-r"],
    [
      "Een heel lange vraag die veel meer dan veertig tekens telt",
      "een-heel-lange-vraag-die-veel-meer-dan-v",
    ],
    // Cut at 40 characters right after a hyphen: the hyphen goes too.
    ["abcdefghij abcdefghij abcdefghij abcdef meer", "abcdefghij-abcdefghij-abcdefghij-abcdef"],
  ])("%j -> %j", (label, slug) => {
    expect(slugify(label, "vraag")).toBe(slug);
    expect(slug).toMatch(/^[a-z][a-z0-9-]{0,39}$/);
  });
});

describe("uniqueId", () => {
  it.each([
    ["Aanpak", [], "aanpak"],
    ["Aanpak", ["aanpak"], "aanpak-2"],
    ["Aanpak", ["aanpak", "aanpak-2"], "aanpak-3"],
    ["a".repeat(50), ["a".repeat(40)], `${"a".repeat(38)}-2`],
    ["a".repeat(50), ["a".repeat(40), `${"a".repeat(38)}-2`], `${"a".repeat(38)}-3`],
  ])("%j with %j taken -> %j", (label, taken, id) => {
    expect(uniqueId(label, "vraag", new Set(taken))).toBe(id);
  });
});

describe("applyFormEdit", () => {
  const cases: Array<[string, FormEdit, string[] | "section" | "question"]> = [
    [
      "adds a section at the end with an id from its title",
      { kind: "addSection", title: "Plan van aanpak" },
      ["voorstel: beschrijving aanpak kosten", "bijlagen:", "plan-van-aanpak:"],
    ],
    [
      "adds a section whose title is taken by a question with a suffix",
      { kind: "addSection", title: "Aanpak" },
      ["voorstel: beschrijving aanpak kosten", "bijlagen:", "aanpak-2:"],
    ],
    [
      "moves a section up",
      { kind: "moveSection", sectionId: "bijlagen", direction: "up" },
      ["bijlagen:", "voorstel: beschrijving aanpak kosten"],
    ],
    [
      "leaves the first section where it is when moved up",
      { kind: "moveSection", sectionId: "voorstel", direction: "up" },
      ["voorstel: beschrijving aanpak kosten", "bijlagen:"],
    ],
    [
      "leaves the last section where it is when moved down",
      { kind: "moveSection", sectionId: "bijlagen", direction: "down" },
      ["voorstel: beschrijving aanpak kosten", "bijlagen:"],
    ],
    [
      "removes a section with its questions",
      { kind: "removeSection", sectionId: "voorstel" },
      ["bijlagen:"],
    ],
    [
      "adds a question at the end of its section",
      { kind: "addQuestion", sectionId: "bijlagen", question: text("Het CV") },
      ["voorstel: beschrijving aanpak kosten", "bijlagen: het-cv"],
    ],
    [
      "adds a question whose label is taken by a section with a suffix",
      { kind: "addQuestion", sectionId: "bijlagen", question: text("Bijlagen") },
      ["voorstel: beschrijving aanpak kosten", "bijlagen: bijlagen-2"],
    ],
    [
      "keeps a question's id when its label changes",
      { kind: "updateQuestion", questionId: "aanpak", question: text("Iets heel anders") },
      ["voorstel: beschrijving aanpak kosten", "bijlagen:"],
    ],
    [
      "moves a question to the end of another section",
      {
        kind: "updateQuestion",
        questionId: "beschrijving",
        question: text("Beschrijving"),
        toSectionId: "bijlagen",
      },
      ["voorstel: aanpak kosten", "bijlagen: beschrijving"],
    ],
    [
      "moves a question up",
      { kind: "moveQuestion", questionId: "kosten", direction: "up" },
      ["voorstel: beschrijving kosten aanpak", "bijlagen:"],
    ],
    [
      "moves a question down",
      { kind: "moveQuestion", questionId: "beschrijving", direction: "down" },
      ["voorstel: aanpak beschrijving kosten", "bijlagen:"],
    ],
    [
      "leaves the last question where it is when moved down",
      { kind: "moveQuestion", questionId: "kosten", direction: "down" },
      ["voorstel: beschrijving aanpak kosten", "bijlagen:"],
    ],
    [
      "removes a question",
      { kind: "removeQuestion", questionId: "aanpak" },
      ["voorstel: beschrijving kosten", "bijlagen:"],
    ],
    ["refuses an unknown section", { kind: "removeSection", sectionId: "weg" }, "section"],
    [
      "refuses a question for an unknown section",
      { kind: "addQuestion", sectionId: "weg", question: text("X") },
      "section",
    ],
    [
      "refuses an unknown question",
      { kind: "moveQuestion", questionId: "weg", direction: "up" },
      "question",
    ],
    [
      "refuses a move to an unknown section",
      { kind: "updateQuestion", questionId: "aanpak", question: text("A"), toSectionId: "weg" },
      "section",
    ],
  ];
  it.each(cases)("%s", (_name, edit, expected) => {
    const before = structuredClone(form);
    const result = applyFormEdit(form, edit);
    expect(form, "the input is never changed").toEqual(before);
    if (typeof expected === "string") {
      expect(result).toEqual({ ok: false, missing: expected });
      return;
    }
    if (!result.ok) throw new Error(`refused: ${result.missing}`);
    expect(outline(result.form)).toEqual(expected);
    expect(formDefinitionSchema.safeParse(result.form).success).toBe(true);
  });

  it("changes a section's title and intro, and drops a blank intro, keeping its id", () => {
    const result = applyFormEdit(form, {
      kind: "updateSection",
      sectionId: "bijlagen",
      title: "Bijlagen en bewijzen",
    });
    if (!result.ok) throw new Error("refused");
    expect(result.form.sections[1]).toEqual({
      id: "bijlagen",
      title: "Bijlagen en bewijzen",
      questions: [],
    });
  });

  it("changes a question's label without moving it", () => {
    const result = applyFormEdit(form, {
      kind: "updateQuestion",
      questionId: "aanpak",
      question: text("Plan van aanpak", 5),
    });
    if (!result.ok) throw new Error("refused");
    expect(result.form.sections[0]?.questions[1]).toMatchObject({
      id: "aanpak",
      label: "Plan van aanpak",
      limit: { unit: "pages", max: 5 },
    });
  });
});

describe("optionsFromLines", () => {
  it.each([
    ["Ja\nNee", [], ["ja", "nee"]],
    ["  Ja \n\n Nee\r\n  ", [], ["ja", "nee"]],
    ["1 tot 5\n6 of meer", [], ["keuze-1-tot-5", "keuze-6-of-meer"]],
    ["Één\nEen", [], ["een", "een-2"]],
    // A label the question already had keeps its value, even when the text around it changes.
    ["Nieuw\nJa", [{ value: "ja-zeker", label: "Ja" }], ["nieuw", "ja-zeker"]],
    // A new label never takes the value another kept option holds.
    ["Ja zeker\nJa", [{ value: "ja-zeker", label: "Ja" }], ["ja-zeker-2", "ja-zeker"]],
  ])("%j -> %j", (lines, previous, values) => {
    expect(optionsFromLines(lines, previous).map((o) => o.value)).toEqual(values);
  });
});

describe("parseDecimal", () => {
  it.each([
    ["3", 3],
    ["2,5", 2.5],
    ["2.5", 2.5],
    ["-4", -4],
    [" 1 000 ", 1000],
    ["", null],
    ["drie", null],
    ["1e3", null],
    ["1,2,3", null],
    ["Infinity", null],
  ])("%j -> %j", (input, value) => {
    expect(parseDecimal(input)).toBe(value);
  });
});

describe("questionFromFields", () => {
  const cases: Array<
    [string, Parameters<typeof questionFromFields>[0], Record<string, string>, unknown]
  > = [
    [
      "text with a page limit",
      "text",
      { label: " Beschrijving ", help: "", required: "yes", limitUnit: "pages", limitMax: "3" },
      { ok: true, question: text("Beschrijving") },
    ],
    [
      "text with a word limit, optional, with help",
      "text",
      { label: "Kort", help: "Hoe?", limitUnit: "words", limitMax: "300" },
      {
        ok: true,
        question: {
          type: "text",
          label: "Kort",
          help: "Hoe?",
          required: false,
          limit: { unit: "words", max: 300 },
        },
      },
    ],
    [
      "text without a limit",
      "text",
      { label: "Kort", limitUnit: "pages", limitMax: " " },
      { ok: false, fieldErrors: { limitMax: ["error.formEditor.numberRequired"] } },
    ],
    [
      "text with half a page and an unknown unit",
      "text",
      { label: "Kort", limitUnit: "regels", limitMax: "2,5" },
      {
        ok: false,
        fieldErrors: {
          limitUnit: ["error.formEditor.limitUnit"],
          limitMax: ["error.call.invalidNumber"],
        },
      },
    ],
    [
      "number with Flemish decimals and a unit",
      "number",
      { label: "Uren", required: "yes", min: "0,5", max: "40", unit: "uur" },
      {
        ok: true,
        question: { type: "number", label: "Uren", required: true, min: 0.5, max: 40, unit: "uur" },
      },
    ],
    [
      "number without bounds",
      "number",
      { label: "Leerlingen", min: "", max: "", unit: "" },
      { ok: true, question: { type: "number", label: "Leerlingen", required: false } },
    ],
    [
      "number with text for a bound",
      "number",
      { label: "Leerlingen", min: "tien" },
      { ok: false, fieldErrors: { min: ["error.formEditor.notANumber"] } },
    ],
    [
      "money in the Flemish way",
      "money",
      { label: "Gevraagd", maxAmount: "€ 50.000,00" },
      {
        ok: true,
        question: { type: "money", label: "Gevraagd", required: false, maxCents: 5_000_000 },
      },
    ],
    [
      "money that is not an amount",
      "money",
      { label: "Gevraagd", maxAmount: "veel" },
      { ok: false, fieldErrors: { maxAmount: ["error.call.invalidMoney"] } },
    ],
    [
      "choice with options one per line",
      "choice",
      { label: "Niveau", options: "Laag\nHoog", multiple: "yes", required: "yes" },
      {
        ok: true,
        question: {
          type: "choice",
          label: "Niveau",
          required: true,
          multiple: true,
          options: [
            { value: "laag", label: "Laag" },
            { value: "hoog", label: "Hoog" },
          ],
        },
      },
    ],
    [
      "choice with the same option twice",
      "choice",
      { label: "Niveau", options: "Laag\nlaag\nHoog" },
      { ok: false, fieldErrors: { options: ["error.formEditor.duplicateOption"] } },
    ],
    [
      "attachments",
      "attachments",
      { label: "Bijlagen", maxFiles: "3", maxSizeMb: "10" },
      {
        ok: true,
        question: {
          type: "attachments",
          label: "Bijlagen",
          required: false,
          maxFiles: 3,
          maxSizeMb: 10,
        },
      },
    ],
    [
      "partners ignore the fields of other types",
      "partners",
      { label: "Partners", required: "yes", limitMax: "x", options: "a" },
      { ok: true, question: { type: "partners", label: "Partners", required: true } },
    ],
  ];
  it.each(cases)("%s", (_name, type, fields, expected) => {
    const result = questionFromFields(type, fields, parseEuroCents);
    expect(result).toEqual(expected);
    if (!result.ok)
      for (const key of Object.values(result.fieldErrors).flat())
        expect(isMessageKey(key)).toBe(true);
  });
});

describe("fieldOfProblem", () => {
  const edited: FormDefinition = {
    sections: [
      { id: "a", title: "A", questions: [{ id: "q", ...text("Q") } as never] },
      {
        id: "b",
        title: "",
        questions: [{ id: "n", type: "number", label: "N", required: true, min: 5, max: 1 }],
      },
    ],
  };
  it.each([
    [["sections", 1, "title"], "b", "title"],
    [["sections", 1, "title"], "a", null],
    [["sections", 0, "questions", 0, "limit", "max"], "q", "limitMax"],
    [["sections", 0, "questions", 0, "limit", "unit"], "q", "limitUnit"],
    [["sections", 0, "questions", 0, "label"], "q", "label"],
    [["sections", 1, "questions", 0, "max"], "n", "max"],
    [["sections", 1, "questions", 0, "max"], "q", null],
    [["sections", 0, "questions", 0, "maxCents"], "q", "maxAmount"],
    [["sections", 0, "questions", 0, "options", 2, "label"], "q", "options"],
    [["sections"], "q", null],
    [["sections", 0, "questions"], "q", null],
  ])("%j for %j -> %j", (path, id, field) => {
    expect(fieldOfProblem(edited, path, id)).toBe(field);
  });

  it("has catalogue keys for every message the editor rewords", () => {
    for (const [from, to] of Object.entries(editorMessage)) {
      expect(isMessageKey(from)).toBe(true);
      expect(isMessageKey(to)).toBe(true);
    }
  });
});
