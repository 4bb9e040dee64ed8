import { describe, expect, it } from "vitest";
import { partnerKinds } from "../../directory/model";
import { isMessageKey } from "../../i18n/translate";
import { type PartnerKind, type PartnerStatus, partnerCategoryOfKind } from "./model";
import { consortiumProblems, consortiumTaskStatus } from "./problems";
import type { Consortium, ConsortiumPartner, ConsortiumSchool } from "./read-consortium";

// The consortium's eligibility rules, table-driven on plain consortia: confirmed partners per
// category against the call's minimums, every partner confirmed, every school with a programme.

const school = (name: string, programmes: number, isLead = false): ConsortiumSchool => ({
  organisationId: `org-${name}`,
  name,
  isLead,
  sites: [],
  programmes: Array.from({ length: programmes }, (_, i) => ({
    code: `${i}`,
    stage: "2",
    name: `P${i}`,
  })),
});

const partner = (name: string, kind: PartnerKind, status: PartnerStatus): ConsortiumPartner => ({
  id: `id-${name}`,
  organisationId: null,
  name,
  kind,
  category: partnerCategoryOfKind[kind],
  proposedEnterpriseNumber: null,
  roles: ["expertise"],
  commitment: "",
  inKindCents: 0,
  cashCents: 0,
  contactName: "",
  contactEmail: "",
  status,
  needsReconfirmation: false,
  invitedAt: null,
  respondedBy: null,
  respondedAt: null,
  declineReason: null,
});

const consortium = (schools: ConsortiumSchool[], partners: ConsortiumPartner[]): Consortium => ({
  schools,
  partners,
  totals: { cashCents: 0, inKindCents: 0, coFinancingCents: 0 },
});

const rules = { minLabourMarketPartners: 1, minEducationPartners: 1 };
const lead = school("Lead", 1, true);
const company = (status: PartnerStatus, name = "Bedrijf") => partner(name, "company", status);
const rtc = (status: PartnerStatus, name = "RTC") => partner(name, "rtc", status);

describe("consortiumProblems", () => {
  it.each<[string, Consortium, typeof rules, Array<[string, string]>]>([
    [
      "a complete consortium",
      consortium([lead], [company("confirmed"), rtc("confirmed")]),
      rules,
      [],
    ],
    [
      "no partners at all",
      consortium([lead], []),
      rules,
      [
        ["application.problem.tooFewLabourMarketPartners", "consortium#partners"],
        ["application.problem.tooFewEducationPartners", "consortium#partners"],
      ],
    ],
    [
      "the lead school without programmes",
      consortium([school("Lead", 0, true)], [company("confirmed"), rtc("confirmed")]),
      rules,
      [["application.problem.schoolWithoutProgrammes", "consortium#school-org-Lead"]],
    ],
    [
      "a co-applicant school without programmes",
      consortium([lead, school("Mede", 0)], [company("confirmed"), rtc("confirmed")]),
      rules,
      [["application.problem.schoolWithoutProgrammes", "consortium#school-org-Mede"]],
    ],
    [
      "an invited partner that has not confirmed counts for nothing",
      consortium([lead], [company("invited"), rtc("confirmed")]),
      rules,
      [
        ["application.problem.tooFewLabourMarketPartners", "consortium#partners"],
        ["application.problem.partnerNotConfirmed", "consortium#partner-id-Bedrijf"],
      ],
    ],
    [
      "a declined partner is a problem even when the minimum is met",
      consortium([lead], [company("confirmed"), rtc("confirmed"), rtc("declined", "Hogeschool")]),
      rules,
      [["application.problem.partnerDeclined", "consortium#partner-id-Hogeschool"]],
    ],
    [
      "a partner not yet invited",
      consortium([lead], [company("confirmed"), rtc("confirmed"), company("notInvited", "Nieuw")]),
      rules,
      [["application.problem.partnerNotInvited", "consortium#partner-id-Nieuw"]],
    ],
    [
      "two of each asked, one of each confirmed",
      consortium([lead], [company("confirmed"), rtc("confirmed")]),
      { minLabourMarketPartners: 2, minEducationPartners: 2 },
      [
        ["application.problem.tooFewLabourMarketPartners", "consortium#partners"],
        ["application.problem.tooFewEducationPartners", "consortium#partners"],
      ],
    ],
    [
      "education partners do not count as labour-market partners",
      consortium([lead], [rtc("confirmed"), rtc("confirmed", "Kenniscentrum")]),
      rules,
      [["application.problem.tooFewLabourMarketPartners", "consortium#partners"]],
    ],
    [
      "a call asking for no partners",
      consortium([lead], []),
      { minLabourMarketPartners: 0, minEducationPartners: 0 },
      [],
    ],
  ])("%s", (_label, c, r, expected) => {
    const problems = consortiumProblems(c, r);
    expect(problems.map((p) => [p.key, p.fixAt])).toEqual(expected);
    for (const p of problems) expect(isMessageKey(p.key), p.key).toBe(true);
  });

  it("says how many were confirmed and how many are asked", () => {
    const [problem] = consortiumProblems(consortium([lead], [company("confirmed")]), {
      minLabourMarketPartners: 3,
      minEducationPartners: 0,
    });
    expect(problem?.params).toEqual({ min: 3, count: 1 });
  });

  it.each<[PartnerKind, string]>([
    ["company", "labourMarket"],
    ["sectorOrganisation", "labourMarket"],
    ["employmentService", "labourMarket"],
    ["rtc", "education"],
    ["higherEducation", "education"],
    ["adultEducation", "education"],
    ["guidanceService", "education"],
    ["knowledgeCentre", "education"],
  ])("a %s is a %s partner", (kind, category) => {
    expect(partnerCategoryOfKind[kind]).toBe(category);
  });

  it("every partner kind of the directory has a category", () => {
    expect(Object.keys(partnerCategoryOfKind).sort()).toEqual([...partnerKinds].sort());
  });
});

describe("consortiumTaskStatus", () => {
  it.each<[string, Consortium, string]>([
    ["nothing yet", consortium([school("Lead", 0, true)], []), "notStarted"],
    ["the lead school's programmes chosen", consortium([lead], []), "inProgress"],
    [
      "a partner added",
      consortium([school("Lead", 0, true)], [company("notInvited")]),
      "inProgress",
    ],
    ["complete", consortium([lead], [company("confirmed"), rtc("confirmed")]), "completed"],
  ])("%s: %s", (_label, c, expected) => {
    expect(consortiumTaskStatus(c, rules)).toBe(expected);
  });
});
