import { eq } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { fail, UseCaseFailure } from "../../platform/use-case";
import { applicationSchool } from "../consortium/schema";
import { draftItemCollection } from "../draft-items";
import { lockEditableDraft } from "../editable-draft";
import { type PlanPeriod, planPeriod } from "./model";
import { actionOf, disseminationItemOf, teacherOf } from "./read-plan";
import { planAction, planDisseminationItem, planTeacher } from "./schema";

// Shared by the plan's use cases: lock the draft (so a change serialises with submission and the
// deadline), know the call's period and the consortium's schools, and answer clearly when an item
// is gone; the plan's three lists of items as draft item collections, from which each use case
// file makes its own change.

export async function lockPlanDraft(
  tx: Transaction,
  applicationId: string,
  now: Date,
): Promise<{ period: PlanPeriod | null; leadOrganisationId: string; schoolIds: string[] }> {
  const draft = await lockEditableDraft(tx, applicationId, now);
  const coApplicants = await tx
    .select({ organisationId: applicationSchool.organisationId })
    .from(applicationSchool)
    .where(eq(applicationSchool.applicationId, applicationId));
  const lead = draft.application.leadOrganisationId;
  return {
    period: planPeriod({
      schoolYears: draft.call.schoolYears,
      maxDurationMonths: draft.call.maxDurationMonths,
    }),
    leadOrganisationId: lead,
    /** The schools of the consortium, the lead school first: those a plan teacher may come from. */
    schoolIds: [lead, ...coApplicants.map((s) => s.organisationId).filter((id) => id !== lead)],
  };
}

/** Someone removed the item meanwhile (another coordinator, another tab): a clear conflict. */
export const itemGone = () => fail.conflict("plan.error.itemGone");

/** Field errors found only with the call or the database at hand, as a use-case failure. */
export function invalid(fieldErrors: Record<string, string[]>) {
  return new UseCaseFailure({ ok: false, reason: "invalid", fieldErrors, formErrors: [] });
}

/** The plan's actions, each audited as `{ planAction }`. */
export const planActions = draftItemCollection({
  table: planAction,
  lock: lockPlanDraft,
  audited: (row) => ({ planAction: actionOf(row) }),
  gone: itemGone,
});

/** The plan's teachers, each audited as `{ planTeacher }`. */
export const planTeachers = draftItemCollection({
  table: planTeacher,
  lock: lockPlanDraft,
  audited: (row) => ({ planTeacher: teacherOf(row) }),
  gone: itemGone,
});

/** The dissemination plan's items, each audited as `{ disseminationItem }`. */
export const disseminationItems = draftItemCollection({
  table: planDisseminationItem,
  lock: lockPlanDraft,
  audited: (row) => ({ disseminationItem: disseminationItemOf(row) }),
  gone: itemGone,
});
