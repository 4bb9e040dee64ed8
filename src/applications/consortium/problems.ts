import type { ApplicationProblem } from "../problems";
import type { PartnerCategory } from "./model";
import type { Consortium } from "./read-consortium";

// The consortium's part of the eligibility check: pure, on the consortium as read. Only confirmed
// partners count towards the call's minimum numbers, and every partner on the list must have
// confirmed: an unconfirmed or declined partner is removed or asked again.

export interface ConsortiumRules {
  minLabourMarketPartners: number;
  minEducationPartners: number;
}

/** The anchor of a partner's entry on the consortium page. */
export function partnerAnchor(partnerId: string): string {
  return `partner-${partnerId}`;
}

export function schoolAnchor(organisationId: string): string {
  return `school-${organisationId}`;
}

const minimumOf: Record<PartnerCategory, { rule: keyof ConsortiumRules; key: string }> = {
  labourMarket: {
    rule: "minLabourMarketPartners",
    key: "application.problem.tooFewLabourMarketPartners",
  },
  education: { rule: "minEducationPartners", key: "application.problem.tooFewEducationPartners" },
};

const unconfirmedKey = {
  notInvited: "application.problem.partnerNotInvited",
  invited: "application.problem.partnerNotConfirmed",
  declined: "application.problem.partnerDeclined",
} as const;

export function consortiumProblems(
  consortium: Consortium,
  rules: ConsortiumRules,
): ApplicationProblem[] {
  const problems: ApplicationProblem[] = [];
  for (const school of consortium.schools)
    if (school.programmes.length === 0)
      problems.push({
        key: "application.problem.schoolWithoutProgrammes",
        params: { school: school.name },
        fixAt: `consortium#${schoolAnchor(school.organisationId)}`,
      });
  for (const [category, { rule, key }] of Object.entries(minimumOf)) {
    const min = rules[rule];
    const confirmed = consortium.partners.filter(
      (p) => p.category === category && p.status === "confirmed",
    ).length;
    if (confirmed < min)
      problems.push({ key, params: { min, count: confirmed }, fixAt: "consortium#partners" });
  }
  for (const partner of consortium.partners)
    if (partner.status !== "confirmed")
      problems.push({
        key: unconfirmedKey[partner.status],
        params: { partner: partner.name },
        fixAt: `consortium#${partnerAnchor(partner.id)}`,
      });
  return problems;
}

export type ConsortiumTaskStatus = "notStarted" | "inProgress" | "completed";

/** Whether anything was done in the consortium step: a partner, a co-applicant or a programme. */
export function consortiumStarted(consortium: Consortium): boolean {
  return (
    consortium.partners.length > 0 ||
    consortium.schools.some((s) => !s.isLead || s.programmes.length > 0)
  );
}

/** The consortium's row on the task list: nothing done yet, under way, or without problems. */
export function consortiumTaskStatus(
  consortium: Consortium,
  rules: ConsortiumRules,
): ConsortiumTaskStatus {
  if (!consortiumStarted(consortium)) return "notStarted";
  return consortiumProblems(consortium, rules).length === 0 ? "completed" : "inProgress";
}
