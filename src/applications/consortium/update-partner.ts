import { eq } from "drizzle-orm";
import { z } from "zod";
import { canonicalJson } from "../../calls/form-definition";
import { defineUseCase } from "../../platform/use-case";
import { lockEditableDraft, mayEditApplication, touchApplication } from "../editable-draft";
import { commitmentOf, partnerFields } from "./partner-input";
import { lockPartner, partnerAuditState } from "./partner-row";
import { applicationPartner } from "./schema";

export const updateConsortiumPartnerInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  partnerId: z.uuid("consortium.error.unknownPartner"),
  ...partnerFields,
});

/**
 * Changes what a partner commits to and who its contact is. A partner that confirmed agreed to
 * what it read: when its roles, commitment or values change, the confirmation lapses and the
 * partner is asked to confirm again on the same link (a new contact alone changes nothing).
 */
export const updateConsortiumPartner = defineUseCase({
  name: "application.consortium.updatePartner",
  input: updateConsortiumPartnerInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    await lockEditableDraft(tx, input.applicationId, now);
    const current = await lockPartner(tx, input.applicationId, input.partnerId);
    const changed = {
      roles: input.roles,
      commitment: input.commitment,
      inKindCents: input.inKind,
      cashCents: input.cash,
    };
    const commitmentChanged =
      canonicalJson(commitmentOf(current)) !== canonicalJson(commitmentOf(changed));
    const lapses = commitmentChanged && current.status === "confirmed";
    const [saved] = await tx
      .update(applicationPartner)
      .set({
        ...changed,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        ...(lapses
          ? { status: "invited" as const, needsReconfirmation: true, respondedAt: null }
          : {}),
        updatedAt: now,
      })
      .where(eq(applicationPartner.id, current.id))
      .returning();
    if (!saved) throw new Error("update returned no row");
    await touchApplication(tx, input.applicationId, now);
    return {
      value: { partnerId: saved.id, confirmationLapsed: lapses },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: partnerAuditState(current),
        after: partnerAuditState(saved),
      },
    };
  },
});
