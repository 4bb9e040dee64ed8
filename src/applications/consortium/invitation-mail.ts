import { and, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { call } from "../../calls/schema";
import { organisation } from "../../directory/schema";
import { translate } from "../../i18n/translate";
import { type JobHandler, PermanentJobError } from "../../platform/jobs/run-due-jobs";
import type { Mailer } from "../../platform/mailer";
import { formatBrussels } from "../../platform/time";
import { application } from "../schema";
import { invitationPath, invitationTokenHash, newInvitationToken } from "./invitation-token";
import { invitationValidityMs } from "./model";
import { applicationPartner } from "./schema";

// The invitation e-mail to a partner's contact, sent by a durable job that the invitation
// scheduled in its own transaction. The token is made here, at the moment of sending, so that it
// exists only in the mail: its hash is stored in the same transaction that hands the mail to the
// mailer, and a failed send rolls both back (a retry makes a new token). The contact has no
// account, so sent_notification (keyed by person) does not apply; the invitation's own
// `invitationMailedAt` makes the mail go out at most once per invitation.

export const partnerInvitationJob = "partnerInvitation";

export function invitationJobKey(partnerId: string, sequence: number): string {
  return `partner-invitation:${partnerId}:${sequence}`;
}

const payload = z.object({ partnerId: z.uuid(), sequence: z.number().int().positive() });

const partnerOrganisation = alias(organisation, "partner_organisation");

export function partnerInvitationHandler(deps: { mailer: Mailer; baseUrl: string }): JobHandler {
  return async (job, { db, now }) => {
    const parsed = payload.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError(`invalid payload: ${parsed.error.message}`);
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select({
          partner: applicationPartner,
          partnerName: partnerOrganisation.name,
          title: application.title,
          leadSchool: organisation.name,
          callTitle: call.title,
          closesAt: call.closesAt,
        })
        .from(applicationPartner)
        .innerJoin(application, eq(application.id, applicationPartner.applicationId))
        .innerJoin(call, eq(call.id, application.callId))
        .innerJoin(organisation, eq(organisation.id, application.leadOrganisationId))
        .leftJoin(
          partnerOrganisation,
          eq(partnerOrganisation.id, applicationPartner.organisationId),
        )
        .where(
          and(
            eq(applicationPartner.id, parsed.data.partnerId),
            eq(applicationPartner.invitationSequence, parsed.data.sequence),
            isNull(applicationPartner.invitationMailedAt),
          ),
        )
        .for("update", { of: applicationPartner });
      // Removed, invited again since, or already mailed: nothing to send.
      if (!row) return;
      const token = newInvitationToken();
      const validUntil = new Date(now.getTime() + invitationValidityMs);
      const expiresAt = row.closesAt && row.closesAt < validUntil ? row.closesAt : validUntil;
      await tx
        .update(applicationPartner)
        .set({
          invitationTokenHash: invitationTokenHash(token),
          invitationMailedAt: now,
          invitationExpiresAt: expiresAt,
        })
        .where(eq(applicationPartner.id, row.partner.id));
      const params = {
        name: row.partner.contactName,
        organisation: row.partnerName ?? row.partner.proposedName ?? "",
        title: row.title,
        school: row.leadSchool,
        callTitle: row.callTitle,
        expiresAt: formatBrussels(expiresAt, "nl"),
        url: new URL(invitationPath(token), deps.baseUrl).toString(),
      };
      await deps.mailer.send({
        to: row.partner.contactEmail,
        subject: translate("nl", "notifications.mail.partnerInvitation.subject", params),
        text: translate("nl", "notifications.mail.partnerInvitation.text", params),
      });
    });
  };
}
