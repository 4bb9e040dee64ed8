// The pages whose forms are parked when their session has expired, each with its form's own
// limits. Anything else is not parked: an anonymous visitor must not be able to write into the
// database for pages that do not exist, or more than the real form could ever hold.

export interface ParkingPage {
  /** The page's path; only the shape can be checked here, not that the object exists. */
  path: RegExp;
  /** Named fields, the version included. */
  maxFields: number;
  /** Characters of one text value. */
  maxValueLength: number;
  /** Items of one multiple choice, and characters of each item. */
  maxChoices: number;
  maxChoiceLength: number;
  /** Characters of all values together. */
  maxTotalLength: number;
}

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

export const parkingPages: ParkingPage[] = [
  {
    // A section of an application (app/routes/applications/application-section.tsx): at most 50
    // questions (src/calls/form-definition.ts), a text of at most 20,000 words, choices of at
    // most 50 options with identifiers of at most 40 characters.
    path: new RegExp(`^/aanvragen/${uuid}/sectie/[a-z][a-z0-9-]{0,39}$`),
    maxFields: 51,
    maxValueLength: 200_000,
    maxChoices: 50,
    maxChoiceLength: 40,
    maxTotalLength: 500_000,
  },
];

export function parkingPageFor(path: string): ParkingPage | undefined {
  return parkingPages.find((page) => page.path.test(path));
}

/** The per-visitor quota, counted in the database so that it holds across processes. */
export const parkingQuota = {
  /** Pages one browser (its token) may have parked at once. */
  perBrowser: 5,
  /** Pages one client address may have parked at once, all browsers together. */
  perAddress: 20,
};
