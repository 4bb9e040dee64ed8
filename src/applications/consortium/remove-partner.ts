import { eq } from "drizzle-orm";
import { z } from "zod";
import { cancelJob } from "../../platform/jobs/schedule-job";
import { defineUseCase } from "../../platform/use-case";
import { lockEditableDraft, mayEditApplication, touchApplication } from "../editable-draft";
import { invitationJobKey } from "./invitation-mail";
import { lockPartner, partnerAuditState } from "./partner-row";
import { applicationPartner } from "./schema";

export const removeConsortiumPartnerInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  partnerId: z.uuid("consortium.error.unknownPartner"),
});

/** Removes a partner from a draft's consortium; its invitation link stops working with it. */
export const removeConsortiumPartner = defineUseCase({
  name: "application.consortium.removePartner",
  input: removeConsortiumPartnerInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    await lockEditableDraft(tx, input.applicationId, now);
    const current = await lockPartner(tx, input.applicationId, input.partnerId);
    await tx.delete(applicationPartner).where(eq(applicationPartner.id, current.id));
    if (current.invitationSequence > 0)
      await cancelJob(tx, invitationJobKey(current.id, current.invitationSequence), now);
    await touchApplication(tx, input.applicationId, now);
    return {
      value: { partnerId: current.id },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: partnerAuditState(current),
        after: null,
      },
    };
  },
});
