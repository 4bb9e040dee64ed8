import { and, asc, eq, inArray } from "drizzle-orm";
import { call } from "../../calls/schema";
import type { DbExecutor } from "../../db/client";
import { organisation } from "../../directory/schema";
import type { Actor } from "../../identity/actor";
import type { ApplicationStatus } from "../model";
import { application } from "../schema";
import type { PartnerStatus } from "./model";
import { applicationPartner } from "./schema";

// The dashboard of a partner's contact person: the consortia their organisation is part of and
// the invitations still waiting for an answer. The answer itself is given through the mailed
// link (the token is only kept hashed), so the dashboard says where to look, not what to click.

export interface PartnerHomeConsortium {
  partnerId: string;
  partnerName: string;
  applicationTitle: string;
  applicationStatus: ApplicationStatus;
  leadSchoolName: string;
  callTitle: string;
  /** ISO 8601. */
  closesAt: string | null;
  status: PartnerStatus;
  needsReconfirmation: boolean;
  contactEmail: string;
  /** ISO 8601: until when the mailed link works. */
  invitationExpiresAt: string | null;
}

export interface PartnerHome {
  /** Invitations of a draft that still wait for the partner's answer (link not expired). */
  openInvitations: PartnerHomeConsortium[];
  /** Every consortium the organisation is part of (as a partner from the directory). */
  consortia: PartnerHomeConsortium[];
}

export async function readPartnerHome(
  db: DbExecutor,
  actor: Actor,
  now: Date,
): Promise<PartnerHome> {
  const partners = actor.memberships
    .filter((m) => m.role === "partnerContact")
    .map((m) => m.organisationId);
  if (partners.length === 0) return { openInvitations: [], consortia: [] };
  const rows = await db
    .select({
      partnerId: applicationPartner.id,
      partnerName: organisation.name,
      applicationTitle: application.title,
      applicationStatus: application.status,
      leadSchoolId: application.leadOrganisationId,
      callTitle: call.title,
      closesAt: call.closesAt,
      status: applicationPartner.status,
      needsReconfirmation: applicationPartner.needsReconfirmation,
      contactEmail: applicationPartner.contactEmail,
      invitationExpiresAt: applicationPartner.invitationExpiresAt,
    })
    .from(applicationPartner)
    .innerJoin(application, eq(application.id, applicationPartner.applicationId))
    .innerJoin(call, eq(call.id, application.callId))
    .innerJoin(organisation, eq(organisation.id, applicationPartner.organisationId))
    .where(and(inArray(applicationPartner.organisationId, partners)))
    .orderBy(asc(call.closesAt), asc(application.title))
    .limit(100);
  const schoolIds = [...new Set(rows.map((r) => r.leadSchoolId))];
  const schools =
    schoolIds.length === 0
      ? []
      : await db
          .select({ id: organisation.id, name: organisation.name })
          .from(organisation)
          .where(inArray(organisation.id, schoolIds));
  const schoolName = new Map(schools.map((s) => [s.id, s.name]));
  const consortia = rows.map(({ leadSchoolId, closesAt, invitationExpiresAt, ...r }) => ({
    ...r,
    leadSchoolName: schoolName.get(leadSchoolId) ?? "",
    closesAt: closesAt?.toISOString() ?? null,
    invitationExpiresAt: invitationExpiresAt?.toISOString() ?? null,
  }));
  return {
    consortia,
    openInvitations: consortia.filter(
      (c) =>
        c.status === "invited" &&
        c.applicationStatus === "draft" &&
        (!c.invitationExpiresAt || new Date(c.invitationExpiresAt) > now),
    ),
  };
}
