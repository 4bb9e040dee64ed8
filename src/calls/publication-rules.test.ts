import { describe, expect, it } from "vitest";
import { callFormFields } from "./call-input";
import { cycleOneForm } from "./form-definition";
import { type CallForPublication, publicationProblems } from "./publication-rules";

const complete: CallForPublication = {
  title: "InnoVET projectoproep",
  summary: "Samenvatting",
  body: "Volledige tekst",
  schoolYears: ["2027-2028"],
  maxDurationMonths: 12,
  themes: ["1"],
  changeLevels: ["didactic"],
  educationForms: ["bso"],
  finalities: ["A"],
  studyDomains: ["2"],
  minLabourMarketPartners: 1,
  minEducationPartners: 1,
  totalBudgetCents: 250_000_00,
  maxPerProjectCents: 50_000_00,
  minCoFinancingPercent: 0,
  envelopeDimension: "province",
  envelopes: ["ANT", "LIM", "OVL", "VBR", "WVL"].map((code) => ({ code, amountCents: 50_000_00 })),
  opensAt: new Date("2027-03-01T08:00:00Z"),
  closesAt: new Date("2027-04-29T15:00:00Z"),
  decisionAt: new Date("2027-06-15T10:00:00Z"),
  formDraft: cycleOneForm,
};

describe("publicationProblems", () => {
  it("finds nothing wrong with a complete call", () => {
    expect(publicationProblems(complete)).toEqual({});
  });

  const cases: Array<[string, Partial<CallForPublication>, Record<string, string[]>]> = [
    ["no summary", { summary: "  " }, { summary: ["error.required"] }],
    ["no full text", { body: "" }, { body: ["error.required"] }],
    ["no school year", { schoolYears: [] }, { schoolYears: ["error.required"] }],
    ["no duration", { maxDurationMonths: null }, { maxDurationMonths: ["error.required"] }],
    ["no theme", { themes: [] }, { themes: ["error.call.chooseAtLeastOne"] }],
    ["no level of change", { changeLevels: [] }, { changeLevels: ["error.call.chooseAtLeastOne"] }],
    [
      "no education form",
      { educationForms: [] },
      { educationForms: ["error.call.chooseAtLeastOne"] },
    ],
    ["no finality", { finalities: [] }, { finalities: ["error.call.chooseAtLeastOne"] }],
    ["no study domain", { studyDomains: [] }, { studyDomains: ["error.call.chooseAtLeastOne"] }],
    [
      "a consortium of nobody",
      { minLabourMarketPartners: 0, minEducationPartners: 0 },
      { minLabourMarketPartners: ["error.call.consortiumRequired"] },
    ],
    [
      "no total budget",
      { totalBudgetCents: null, envelopes: [], envelopeDimension: null },
      { totalBudget: ["error.required"] },
    ],
    [
      "a zero budget",
      { totalBudgetCents: 0, envelopes: [], envelopeDimension: null, maxPerProjectCents: 1 },
      {
        totalBudget: ["error.call.amountPositive"],
        maxPerProject: ["error.call.maxPerProjectAboveBudget"],
      },
    ],
    ["no maximum per project", { maxPerProjectCents: null }, { maxPerProject: ["error.required"] }],
    [
      "a project maximum above the budget",
      { maxPerProjectCents: 300_000_00, envelopes: [], envelopeDimension: null },
      { maxPerProject: ["error.call.maxPerProjectAboveBudget"] },
    ],
    [
      "a project maximum above an envelope",
      { maxPerProjectCents: 60_000_00 },
      { maxPerProject: ["error.call.maxPerProjectAboveEnvelope"] },
    ],
    [
      "no co-financing rule",
      { minCoFinancingPercent: null },
      { minCoFinancingPercent: ["error.required"] },
    ],
    [
      "envelopes one cent above the budget",
      { totalBudgetCents: 250_000_00 - 1 },
      { envelopes: ["error.call.envelopesAboveBudget"] },
    ],
    ["envelopes exactly the budget", { totalBudgetCents: 250_000_00 }, {}],
    [
      "a dimension without envelopes",
      { envelopes: [] },
      { envelopeDimension: ["error.call.envelopesMissing"] },
    ],
    ["no envelopes at all", { envelopes: [], envelopeDimension: null }, {}],
    ["no opening", { opensAt: null }, { opensAt: ["error.required"] }],
    ["no deadline", { closesAt: null }, { closesAt: ["error.required"] }],
    ["no decision date", { decisionAt: null }, { decisionAt: ["error.required"] }],
    [
      "a deadline at the opening instant",
      { closesAt: new Date("2027-03-01T08:00:00Z") },
      { closesAt: ["error.call.closesBeforeOpens"] },
    ],
    ["a deadline one second after opening", { closesAt: new Date("2027-03-01T08:00:01Z") }, {}],
    [
      "a deadline before the opening",
      { closesAt: new Date("2027-02-01T08:00:00Z") },
      { closesAt: ["error.call.closesBeforeOpens"] },
    ],
    [
      "a decision at the deadline",
      { decisionAt: new Date("2027-04-29T15:00:00Z") },
      { decisionAt: ["error.call.decisionBeforeCloses"] },
    ],
    [
      "a form without sections",
      { formDraft: { sections: [] } },
      { form: ["error.call.formHasNoQuestions"] },
    ],
    [
      "a form with an empty section",
      { formDraft: { sections: [{ id: "leeg", title: "Leeg", questions: [] }] } },
      { form: ["error.call.formHasNoQuestions"] },
    ],
  ];

  it.each(cases)("%s", (_label, change, expected) => {
    expect(publicationProblems({ ...complete, ...change })).toEqual(expected);
  });

  it("lists every problem of an empty draft at once", () => {
    const problems = publicationProblems({
      ...complete,
      summary: "",
      body: "",
      schoolYears: [],
      maxDurationMonths: null,
      themes: [],
      changeLevels: [],
      educationForms: [],
      finalities: [],
      studyDomains: [],
      totalBudgetCents: null,
      maxPerProjectCents: null,
      minCoFinancingPercent: null,
      envelopeDimension: null,
      envelopes: [],
      opensAt: null,
      closesAt: null,
      decisionAt: null,
      formDraft: { sections: [] },
    });
    // Every field of the call form, except those this draft keeps filled in (the title, the
    // partner minimums), the envelope dimension, which a call may leave unchosen, and the
    // director's approval, which is asked or not.
    const stillValid: string[] = [
      "title",
      "minLabourMarketPartners",
      "minEducationPartners",
      "envelopeDimension",
      "directorApproval",
    ];
    expect(Object.keys(problems).sort()).toEqual(
      callFormFields.filter((field) => !stillValid.includes(field)).sort(),
    );
  });
});
