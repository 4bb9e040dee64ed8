import { eq } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { fail, UseCaseFailure } from "../../platform/use-case";
import { applicationSchool } from "../consortium/schema";
import { lockEditableDraft } from "../editable-draft";
import { type PlanPeriod, planPeriod } from "./model";

// Shared by the plan's use cases: lock the draft (so a change serialises with submission and the
// deadline), know the call's period and the consortium's schools, and answer clearly when an item
// is gone.

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
