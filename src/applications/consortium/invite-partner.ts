import { eq } from "drizzle-orm";
import { z } from "zod";
import { cancelJob, scheduleJob } from "../../platform/jobs/schedule-job";
import { defineUseCase, fail } from "../../platform/use-case";
import { lockEditableDraft, mayEditApplication, touchApplication } from "../editable-draft";
import { invitationJobKey, partnerInvitationJob } from "./invitation-mail";
import { lockPartner } from "./partner-row";
import { applicationPartner } from "./schema";

export const invitePartnerInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  partnerId: z.uuid("consortium.error.unknownPartner"),
});

/**
 * Invites a partner (again) to confirm its commitment: a job mails its contact a link with a new
 * token. Inviting again makes the earlier link useless at once (its hash is cleared here; the new
 * one is set when the new mail goes out) and asks for a new answer, also after a refusal. A
 * partner whose confirmation stands is not asked again (that would undo its "yes").
 */
export const invitePartner = defineUseCase({
  name: "application.consortium.invitePartner",
  input: invitePartnerInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { actor, now }) => {
    await lockEditableDraft(tx, input.applicationId, now);
    const current = await lockPartner(tx, input.applicationId, input.partnerId);
    if (current.status === "confirmed") throw fail.conflict("consortium.error.alreadyConfirmed");
    const sequence = current.invitationSequence + 1;
    if (current.invitationSequence > 0)
      await cancelJob(tx, invitationJobKey(current.id, current.invitationSequence), now);
    await tx
      .update(applicationPartner)
      .set({
        status: "invited",
        needsReconfirmation: false,
        invitationSequence: sequence,
        invitedAt: now,
        invitedBy: actor.userId,
        invitationTokenHash: null,
        invitationMailedAt: null,
        invitationExpiresAt: null,
        respondedByName: null,
        respondedAt: null,
        declineReason: null,
        updatedAt: now,
      })
      .where(eq(applicationPartner.id, current.id));
    await scheduleJob(tx, {
      kind: partnerInvitationJob,
      key: invitationJobKey(current.id, sequence),
      runAt: now,
      payload: { partnerId: current.id, sequence },
    });
    await touchApplication(tx, input.applicationId, now);
    return {
      value: { partnerId: current.id, sequence },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: { partner: current.organisationId ?? current.proposedName, status: current.status },
        after: {
          partner: current.organisationId ?? current.proposedName,
          status: "invited",
          contactEmail: current.contactEmail,
          invitation: sequence,
        },
      },
    };
  },
});
