import { eq } from "drizzle-orm";
import { z } from "zod";
import { blankToUndefined } from "../../platform/form-input";
import { defineUseCase, fail } from "../../platform/use-case";
import { lockEditableDraft, touchApplication } from "../editable-draft";
import { invitationTokenHash } from "./invitation-token";
import { maxDeclineReasonLength } from "./model";
import { applicationPartner } from "./schema";

export const respondToInvitationInput = z.object({
  token: z.string().max(100, "consortium.invitation.unknown"),
  response: z.enum(["confirm", "decline"], { error: "consortium.error.chooseResponse" }),
  respondentName: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "consortium.error.respondentNameRequired" })
      .trim()
      .min(1, "consortium.error.respondentNameRequired")
      .max(200, "error.tooLong"),
  ),
  reason: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "error.invalidValue" })
      .trim()
      .max(maxDeclineReasonLength, "error.tooLong")
      .optional()
      .transform((v) => v ?? null),
  ),
});

/**
 * A partner's answer to an invitation: confirm the commitment as shown, or decline it with an
 * optional reason; who answered and when are recorded. There is no signed-in actor: the link's
 * token is the credential, so an unknown, replaced or expired token is refused inside `run`.
 * Like every change to a draft it waits for the application's lock and ends at the deadline.
 */
export const respondToInvitation = defineUseCase({
  name: "application.consortium.respondToInvitation",
  input: respondToInvitationInput,
  anonymous: true,
  // The token authorises (checked in run): whoever holds the link may answer for the partner.
  authorize: () => true,
  run: async (tx, input, { now }) => {
    const hash = invitationTokenHash(input.token);
    if (!hash) throw fail.notFound();
    const byToken = eq(applicationPartner.invitationTokenHash, hash);
    const [found] = await tx
      .select({ applicationId: applicationPartner.applicationId })
      .from(applicationPartner)
      .where(byToken);
    if (!found) throw fail.notFound();
    await lockEditableDraft(tx, found.applicationId, now);
    const [current] = await tx.select().from(applicationPartner).where(byToken).for("update");
    if (!current) throw fail.notFound();
    if (!current.invitationExpiresAt || current.invitationExpiresAt <= now)
      throw fail.conflict("consortium.invitation.expired");
    if (current.status !== "invited") throw fail.conflict("consortium.invitation.alreadyAnswered");
    const status = input.response === "confirm" ? ("confirmed" as const) : ("declined" as const);
    await tx
      .update(applicationPartner)
      .set({
        status,
        needsReconfirmation: false,
        respondedByName: input.respondentName,
        respondedAt: now,
        declineReason: status === "declined" ? input.reason : null,
        updatedAt: now,
      })
      .where(eq(applicationPartner.id, current.id));
    await touchApplication(tx, found.applicationId, now);
    const partner = current.organisationId ?? current.proposedName;
    return {
      value: { partnerId: current.id, status },
      audit: {
        subjectType: "application",
        subjectId: found.applicationId,
        before: { partner, status: current.status },
        after: {
          partner,
          status,
          respondedBy: input.respondentName,
          ...(status === "declined" ? { declineReason: input.reason } : {}),
        },
      },
    };
  },
});
