import { formatDay as formatCalendarDay } from "../../platform/time";

// The plan of an application (issue 3, item 2): actions with milestones over the call's school
// years, the teachers involved with their professionalisation, and how the results are
// disseminated and replicated (materials, study programmes, open licence). Vocabulary as data and
// the call's period, in calendar days ("2027-09-01"), the way a school plans.

/** Five milestone rows at most per action; blank rows are left out by the page. */
export const maxMilestones = 5;

/** How a teacher learns (see ../shared/glossary.md: professionalisering). */
export const learningMethods = [
  "training",
  "coaching",
  "workplaceLearning",
  "peerLearning",
  "externalCourse",
  "other",
] as const;
export type LearningMethod = (typeof learningMethods)[number];

/** What kind of material a project shares. */
export const disseminationResourceTypes = [
  "lessonSeries",
  "module",
  "assessment",
  "video",
  "other",
] as const;
export type DisseminationResourceType = (typeof disseminationResourceTypes)[number];

/**
 * The open licences a project may share its materials under (the commons' SPDX identifiers, see
 * src/library/model.ts). Results paid for by InnoVET are shared openly: no "no derivatives".
 */
export const planLicences = [
  "CC-BY-4.0",
  "CC-BY-SA-4.0",
  "CC-BY-NC-4.0",
  "CC-BY-NC-SA-4.0",
  "CC0-1.0",
] as const;
export type PlanLicence = (typeof planLicences)[number];

export function isOpenLicence(value: string | null): value is PlanLicence {
  return value !== null && (planLicences as readonly string[]).includes(value);
}

/** A calendar day, "yyyy-mm-dd". */
export type IsoDay = string;

/** A real calendar day written as yyyy-mm-dd (not 2027-02-30). */
export function isIsoDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The rules of the call the plan must fit in. */
export interface PlanRules {
  /** e.g. ["2027-2028", "2028-2029"]. */
  schoolYears: string[];
  maxDurationMonths: number | null;
}

/** The days a project may run: both ends included. */
export interface PlanPeriod {
  startsOn: IsoDay;
  endsOn: IsoDay;
}

/**
 * The call's period: from 1 September of its first school year, for at most maxDurationMonths
 * (the last day is the day before the same date that many months later). Null while the call
 * does not say (a draft call); a published call always does.
 */
export function planPeriod(rules: PlanRules): PlanPeriod | null {
  const years = rules.schoolYears
    .map((y) => Number(/^(\d{4})-\d{4}$/.exec(y)?.[1]))
    .filter((y) => Number.isInteger(y));
  if (years.length === 0 || !rules.maxDurationMonths) return null;
  const first = Math.min(...years);
  const end = new Date(Date.UTC(first, 8 + rules.maxDurationMonths, 1) - 86_400_000);
  return { startsOn: `${first}-09-01`, endsOn: end.toISOString().slice(0, 10) };
}

export interface PlanMilestone {
  title: string;
  date: IsoDay;
}

export interface PlanAction {
  id: string;
  title: string;
  description: string;
  startsOn: IsoDay;
  endsOn: IsoDay;
  milestones: PlanMilestone[];
}

export interface PlanTeacher {
  id: string;
  name: string;
  email: string | null;
  role: string;
  /** The lead school, or null when not said. */
  organisationId: string | null;
  /** The professionalisation: what they learn, how, with whom, and for how many hours. */
  learningGoal: string;
  learningMethod: LearningMethod | null;
  learningWith: string;
  plannedHours: number | null;
}

export interface DisseminationItem {
  id: string;
  title: string;
  resourceType: DisseminationResourceType;
  programmeCodes: string[];
  licence: PlanLicence | null;
  releaseOn: IsoDay | null;
}

/** An application's plan: a plain, serialisable object (part of the dossier and its snapshot). */
export interface Plan {
  callRules: PlanRules;
  actions: PlanAction[];
  teachers: PlanTeacher[];
  dissemination: DisseminationItem[];
}

/** A teacher's professionalisation is planned once it says what, how and how long. */
export function hasProfessionalisation(teacher: PlanTeacher): boolean {
  return (
    teacher.learningGoal.trim() !== "" &&
    teacher.learningMethod !== null &&
    (teacher.plannedHours ?? 0) > 0
  );
}

/** The day in the platform's date format, "woensdag 1 september 2027" (or in English). */
export function formatDay(day: IsoDay, locale: "nl" | "en"): string {
  return isIsoDay(day) ? formatCalendarDay(day, locale) : day;
}
