import type { Transaction } from "../../db/client";
import { fail, UseCaseFailure } from "../../platform/use-case";
import { lockEditableDraft } from "../editable-draft";
import { type PlanPeriod, planPeriod } from "./model";

// Shared by the plan's use cases: lock the draft (so a change serialises with submission and the
// deadline), know the call's period, and answer clearly when an item is gone.

export async function lockPlanDraft(
  tx: Transaction,
  applicationId: string,
  now: Date,
): Promise<{ period: PlanPeriod | null; leadOrganisationId: string }> {
  const draft = await lockEditableDraft(tx, applicationId, now);
  return {
    period: planPeriod({
      schoolYears: draft.call.schoolYears,
      maxDurationMonths: draft.call.maxDurationMonths,
    }),
    leadOrganisationId: draft.application.leadOrganisationId,
  };
}

/** Someone removed the item meanwhile (another coordinator, another tab): a clear conflict. */
export const itemGone = () => fail.conflict("plan.error.itemGone");

/** Field errors found only with the call or the database at hand, as a use-case failure. */
export function invalid(fieldErrors: Record<string, string[]>) {
  return new UseCaseFailure({ ok: false, reason: "invalid", fieldErrors, formErrors: [] });
}
