import type { OrganisationKind } from "../../directory/model";
import { partnerKinds } from "../../directory/model";

// The consortium's vocabulary (issue 3, item 2): the schools that apply together and the partners
// who commit to the project. Code names are English; the Dutch terms live in the catalogues.

/** What a partner does in the project (rollen van een partner). */
export const partnerRoles = [
  "expertise", // expertise, inhoudelijke inbreng
  "infrastructure", // infrastructuur, machines, ruimtes
  "workplaceLearning", // werkplekleren, stageplaatsen
  "coaching", // coaching van leraren of leerlingen
  "coFinancing", // cofinanciering
  "dissemination", // verspreiding van de resultaten
] as const;
export type PartnerRole = (typeof partnerRoles)[number];

export type PartnerKind = (typeof partnerKinds)[number];

/** The two kinds of partner a call counts: the labour market and education or knowledge. */
export const partnerCategories = ["labourMarket", "education"] as const;
export type PartnerCategory = (typeof partnerCategories)[number];

/**
 * Which category each partner kind counts for in the call's minimum numbers of partners. Kept as
 * data so that a new kind of organisation must be placed here before it compiles.
 */
export const partnerCategoryOfKind: Readonly<Record<PartnerKind, PartnerCategory>> = {
  company: "labourMarket",
  sectorOrganisation: "labourMarket",
  employmentService: "labourMarket",
  rtc: "education",
  higherEducation: "education",
  adultEducation: "education",
  guidanceService: "education",
  knowledgeCentre: "education",
};

export function isPartnerKind(kind: OrganisationKind): kind is PartnerKind {
  return (partnerKinds as readonly string[]).includes(kind);
}

/**
 * Where a partner stands. `invited` with `needsReconfirmation` is a partner that had confirmed
 * before the coordinator changed what it commits to: it has to confirm again.
 */
export const partnerStatuses = ["notInvited", "invited", "confirmed", "declined"] as const;
export type PartnerStatus = (typeof partnerStatuses)[number];

/** A described commitment is at most this long (about a page). */
export const maxCommitmentLength = 4000;
/** A reason to decline is at most this long. */
export const maxDeclineReasonLength = 2000;
/** An invitation link works this long after it was sent (and never after the deadline). */
export const invitationValidityMs = 30 * 24 * 60 * 60 * 1000;

/** A study programme is keyed by its code and graad (the same code exists in two graden). */
export interface ProgrammeRef {
  code: string;
  stage: string;
}

/** The value of a programme's checkbox: "stage:code" (codes contain no colon). */
export function programmeValue(p: ProgrammeRef): string {
  return `${p.stage}:${p.code}`;
}

export function parseProgrammeValue(value: string): ProgrammeRef | null {
  const match = /^([a-z0-9]{1,8}):([A-Za-z0-9._-]{1,40})$/.exec(value);
  return match?.[1] && match[2] ? { stage: match[1], code: match[2] } : null;
}
