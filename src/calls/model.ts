// The calls area's vocabulary: a call (oproep) for proposals, its status, its derived phase, its
// envelopes, and the time zone its timeline is shown in. See ../shared/glossary.md.

import { brusselsTimeZone } from "../platform/time";

/** A call is written as a draft and published once; a published call is public and fixed. */
export const callStatuses = ["draft", "published"] as const;
export type CallStatus = (typeof callStatuses)[number];

/** A call's text and form change, and it is published, only while it is a draft. */
export function isCallEditable(status: CallStatus): boolean {
  return status === "draft";
}

/**
 * Only a published call is public: its page and agenda, applications to it, a moved deadline.
 * A draft is seen by the programme team through its preview.
 */
export function isCallPublic(status: CallStatus): boolean {
  return status === "published";
}

/** The phase follows from the timeline and the server clock; it is never stored. */
export const callPhases = ["upcoming", "open", "closed"] as const;
export type CallPhase = (typeof callPhases)[number];

/**
 * Where a call is in its timeline at `now`: upcoming before it opens, open from the opening
 * instant up to (not including) the deadline, closed from the deadline on. An instant is an
 * instant: daylight saving time changes nothing here, only how the instant is shown.
 */
export function callPhase(timeline: { opensAt: Date; closesAt: Date }, now: Date): CallPhase {
  if (now.getTime() < timeline.opensAt.getTime()) return "upcoming";
  if (now.getTime() < timeline.closesAt.getTime()) return "open";
  return "closed";
}

/** The reference dimension a call's budget envelopes are cut by. */
export const envelopeDimensions = ["province", "rtcRegion"] as const;
export type EnvelopeDimension = (typeof envelopeDimensions)[number];

/** The codes of each dimension (provinces incl. Brussels; the 5 RTC regions). */
export const envelopeCodes: Record<EnvelopeDimension, readonly string[]> = {
  province: ["ANT", "LIM", "OVL", "VBR", "WVL", "BRU"],
  rtcRegion: ["ANT", "LIM", "OVL", "VBR", "WVL"],
};

/** A budget cap for one group, e.g. EUR 50,000 for the province of Limburg. */
export interface Envelope {
  code: string;
  amountCents: number;
}

/** The call's timeline is Belgian local time; instants are stored as timestamptz (UTC). */
export const callTimeZone = brusselsTimeZone;

/** A school year such as "2026-2027": the second year follows the first. */
export function isSchoolYear(value: string): boolean {
  const match = /^(\d{4})-(\d{4})$/.exec(value);
  return !!match && Number(match[2]) === Number(match[1]) + 1;
}

/**
 * The call form's fields that hold several values (checkbox groups). Here, in a module without a
 * schema, so that the call form's page can read it without shipping zod (ADR 0031).
 */
export const multiValuedCallFields = [
  "themes",
  "changeLevels",
  "educationForms",
  "finalities",
  "studyDomains",
] as const;
