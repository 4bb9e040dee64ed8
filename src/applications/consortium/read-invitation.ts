import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { callPhase } from "../../calls/model";
import { call } from "../../calls/schema";
import type { DbExecutor } from "../../db/client";
import { organisation } from "../../directory/schema";
import { application } from "../schema";
import { invitationTokenHash } from "./invitation-token";
import { isPartnerKind, type PartnerKind, type PartnerRole, type PartnerStatus } from "./model";
import { applicationPartner } from "./schema";

// The public invitation page reads what the partner is asked to confirm, by the link's token
// alone. An unknown or replaced token and an expired one are answers, not errors, so the page can
// say in Dutch what happened; nothing else about the application is shown.

export interface InvitationDetails {
  partnerName: string;
  partnerKind: PartnerKind | null;
  applicationTitle: string;
  leadSchool: string;
  callTitle: string;
  roles: PartnerRole[];
  commitment: string;
  inKindCents: number;
  cashCents: number;
  status: PartnerStatus;
  needsReconfirmation: boolean;
  respondedBy: string | null;
  respondedAt: string | null;
  declineReason: string | null;
  expiresAt: string;
  /** Whether an answer can still be recorded: a draft of an open call, awaiting this answer. */
  canRespond: boolean;
  /** The application can no longer change (submitted, or the call closed). */
  closed: boolean;
}

export type InvitationLookup =
  | { state: "invalid" }
  | { state: "expired" }
  | { state: "valid"; invitation: InvitationDetails };

const partnerOrganisation = alias(organisation, "partner_organisation");

export async function readInvitation(
  db: DbExecutor,
  token: string,
  now: Date,
): Promise<InvitationLookup> {
  const hash = invitationTokenHash(token);
  if (!hash) return { state: "invalid" };
  const [row] = await db
    .select({
      partner: applicationPartner,
      partnerName: partnerOrganisation.name,
      partnerKind: partnerOrganisation.kind,
      title: application.title,
      status: application.status,
      leadSchool: organisation.name,
      call,
    })
    .from(applicationPartner)
    .innerJoin(application, eq(application.id, applicationPartner.applicationId))
    .innerJoin(call, eq(call.id, application.callId))
    .innerJoin(organisation, eq(organisation.id, application.leadOrganisationId))
    .leftJoin(partnerOrganisation, eq(partnerOrganisation.id, applicationPartner.organisationId))
    .where(eq(applicationPartner.invitationTokenHash, hash));
  if (!row?.partner.invitationExpiresAt) return { state: "invalid" };
  const p = row.partner;
  const answered = p.status === "confirmed" || p.status === "declined";
  const expiresAt = p.invitationExpiresAt as Date;
  if (expiresAt <= now && !answered) return { state: "expired" };
  const open =
    row.call.opensAt && row.call.closesAt
      ? callPhase({ opensAt: row.call.opensAt, closesAt: row.call.closesAt }, now) === "open"
      : false;
  const closed = row.status !== "draft" || !open;
  const kind = row.partnerKind ?? p.proposedKind;
  return {
    state: "valid",
    invitation: {
      partnerName: row.partnerName ?? p.proposedName ?? "",
      partnerKind: kind && isPartnerKind(kind) ? kind : null,
      applicationTitle: row.title,
      leadSchool: row.leadSchool,
      callTitle: row.call.title,
      roles: p.roles,
      commitment: p.commitment,
      inKindCents: p.inKindCents,
      cashCents: p.cashCents,
      status: p.status,
      needsReconfirmation: p.needsReconfirmation,
      respondedBy: p.respondedByName,
      respondedAt: p.respondedAt?.toISOString() ?? null,
      declineReason: p.declineReason,
      expiresAt: expiresAt.toISOString(),
      canRespond: !closed && p.status === "invited" && expiresAt > now,
      closed,
    },
  };
}
