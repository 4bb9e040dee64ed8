import { describe, expect, it } from "vitest";
import type { FormSection } from "../calls/form-definition";
import { checkSectionAnswers, countWords, sectionLimitProblems, sectionStatus } from "./model";

const section: FormSection = {
  id: "s",
  title: "Sectie",
  questions: [
    { id: "tekst", type: "text", label: "Tekst", required: true, limit: { unit: "words", max: 3 } },
    { id: "getal", type: "number", label: "Getal", required: false, min: 0, max: 10 },
    {
      id: "keuze",
      type: "choice",
      label: "Keuze",
      required: true,
      multiple: false,
      options: [
        { value: "a", label: "A" },
        { value: "b", label: "B" },
      ],
    },
    { id: "partners", type: "partners", label: "Partners", required: true },
    { id: "bedrag", type: "money", label: "Bedrag", required: false, maxCents: 50_000_00 },
    { id: "richtingen", type: "studyProgrammes", label: "Richtingen", required: false },
  ],
};

describe("countWords", () => {
  it.each([
    ["", 0],
    ["   \n ", 0],
    ["een", 1],
    ["  een  twee\ndrie\tvier ", 4],
    ["co-financiering, 50.000 euro", 3],
  ])("%j has %i words", (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe("checkSectionAnswers", () => {
  // Only what cannot be stored is refused; the call's limits wait for the submission.
  it.each([
    [{ tekst: "een twee drie" }, true, undefined],
    [{ tekst: "een twee drie vier" }, true, undefined],
    [{ tekst: "x".repeat(200_001) }, false, "application.error.tooLong"],
    [{ getal: "12" }, true, undefined],
    [{ getal: "-1" }, true, undefined],
    [{ getal: "twaalf" }, false, "application.error.notANumber"],
    [{ getal: "7,5" }, true, undefined],
    [{ keuze: "c" }, false, "application.error.unknownOption"],
    [{ keuze: ["a", "b"] }, false, "application.error.oneOption"],
    [{ partners: "wordt genegeerd" }, true, undefined],
    [{ bedrag: "12.500,50" }, true, undefined],
    [{ bedrag: "50.000" }, true, undefined],
    [{ bedrag: "50.000,01" }, true, undefined],
    [{ bedrag: "veel" }, false, "application.error.notMoney"],
    [{ bedrag: "-5" }, false, "application.error.notMoney"],
    [{ richtingen: ["3-1432"] }, true, undefined],
    [{ richtingen: ["3-1432", "9-9999"] }, false, "application.error.unknownProgramme"],
    [{ richtingen: "<script>" }, false, "application.error.unknownProgramme"],
  ] as Array<[Record<string, string | string[]>, boolean, string | undefined]>)(
    "%j → ok %s",
    (submitted, ok, message) => {
      const result = checkSectionAnswers(section, submitted);
      expect(result.ok).toBe(ok);
      if (!result.ok) expect(Object.values(result.fieldErrors).flat()).toEqual([message]);
    },
  );

  it("stores numbers as numbers and clears empty answers", () => {
    expect(
      checkSectionAnswers(section, {
        getal: " 7,5 ",
        tekst: "",
        bedrag: "€ 1.250,5",
        richtingen: ["3-1432", "3-1432"],
      }),
    ).toEqual({
      ok: true,
      answers: { getal: 7.5, bedrag: 1_250_50, richtingen: ["3-1432"] },
      cleared: ["tekst", "keuze"],
    });
  });
});

describe("sectionLimitProblems", () => {
  it.each([
    [{ tekst: "een twee drie" }, {}],
    [{ tekst: "een twee drie vier" }, { "answers.tekst": ["application.problem.tooManyWords"] }],
    [{ getal: 10 }, {}],
    [{ getal: 12 }, { "answers.getal": ["application.problem.numberTooLarge"] }],
    [{ getal: -1 }, { "answers.getal": ["application.problem.numberTooSmall"] }],
    [{ bedrag: 50_000_00 }, {}],
    [{ bedrag: 50_000_01 }, { "answers.bedrag": ["application.problem.moneyTooLarge"] }],
    [
      { tekst: "een twee drie vier", getal: 11 },
      {
        "answers.tekst": ["application.problem.tooManyWords"],
        "answers.getal": ["application.problem.numberTooLarge"],
      },
    ],
  ] as const)("%j → %j", (answers, problems) => {
    expect(sectionLimitProblems(section, answers)).toEqual(problems);
  });

  it("finds the problem in what checkSectionAnswers kept, as typed", () => {
    const checked = checkSectionAnswers(section, { tekst: "een twee\r\ndrie vier" });
    expect(checked).toMatchObject({ ok: true, answers: { tekst: "een twee\ndrie vier" } });
    if (checked.ok)
      expect(sectionLimitProblems(section, checked.answers)).toEqual({
        "answers.tekst": ["application.problem.tooManyWords"],
      });
  });
});

describe("sectionStatus", () => {
  it.each([
    [{}, "notStarted"],
    [{ getal: 3 }, "inProgress"],
    [{ tekst: "iets" }, "inProgress"],
    [{ tekst: "iets", keuze: "a" }, "completed"],
    [{ tekst: "een twee drie vier", keuze: "a" }, "inProgress"],
    [{ tekst: "iets", keuze: "a", getal: 11 }, "inProgress"],
  ] as const)("%j is %s", (answers, status) => {
    expect(sectionStatus(section, answers)).toBe(status);
  });
});
