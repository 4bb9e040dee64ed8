import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisation, organisationKindEnum } from "../../directory/schema";
import { user } from "../../identity/schema";
import { application } from "../schema";
import { type PartnerRole, type ProgrammeRef, partnerStatuses } from "./model";

export const partnerStatusEnum = pgEnum("partner_status", partnerStatuses);

/**
 * A school of the consortium: the lead school (isLead, one per application, its row made on its
 * first save) or a co-applicant school, with the sites (vestigingsplaatsen) and study programmes
 * the project involves. The programmes are those offered at the chosen sites.
 */
export const applicationSchool = pgTable(
  "application_school",
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => application.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    isLead: boolean().notNull().default(false),
    siteIds: jsonb().$type<string[]>().notNull().default([]),
    programmes: jsonb().$type<ProgrammeRef[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.applicationId, t.organisationId),
    uniqueIndex("application_school_one_lead").on(t.applicationId).where(sql`${t.isLead}`),
  ],
);

/**
 * A partner of the consortium: an organisation of the directory, or one the coordinator proposes
 * (name, kind, KBO number) that is not in the directory yet. Its commitment, in-kind and cash
 * values (euro cents) and contact. The invitation: only the SHA-256 of the link's token is kept,
 * set when the mail goes out; `invitationSequence` counts invitations, so that a re-invitation
 * makes the earlier link and any earlier unsent mail useless.
 */
export const applicationPartner = pgTable(
  "application_partner",
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => application.id, { onDelete: "cascade" }),
    /** A directory organisation; null for a proposed one. */
    organisationId: uuid().references(() => organisation.id),
    proposedName: text(),
    proposedKind: organisationKindEnum(),
    /** KBO ondernemingsnummer of a proposed organisation, 10 digits. */
    proposedEnterpriseNumber: text(),
    roles: jsonb().$type<PartnerRole[]>().notNull(),
    commitment: text().notNull(),
    inKindCents: bigint({ mode: "number" }).notNull().default(0),
    cashCents: bigint({ mode: "number" }).notNull().default(0),
    contactName: text().notNull(),
    contactEmail: text().notNull(),
    status: partnerStatusEnum().notNull().default("notInvited"),
    /** Confirmed before, then changed by the coordinator: the partner has to confirm again. */
    needsReconfirmation: boolean().notNull().default(false),
    invitationSequence: integer().notNull().default(0),
    invitedAt: timestamp({ withTimezone: true }),
    invitedBy: text().references(() => user.id),
    invitationTokenHash: text(),
    invitationMailedAt: timestamp({ withTimezone: true }),
    invitationExpiresAt: timestamp({ withTimezone: true }),
    respondedByName: text(),
    respondedAt: timestamp({ withTimezone: true }),
    declineReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.applicationId),
    uniqueIndex().on(t.invitationTokenHash),
    uniqueIndex("application_partner_organisation_once")
      .on(t.applicationId, t.organisationId)
      .where(sql`${t.organisationId} is not null`),
    uniqueIndex("application_partner_proposed_once")
      .on(t.applicationId, t.proposedEnterpriseNumber)
      .where(sql`${t.proposedEnterpriseNumber} is not null`),
    check(
      "application_partner_known_or_proposed",
      sql`(${t.organisationId} is not null) <> (${t.proposedName} is not null)`,
    ),
  ],
);
