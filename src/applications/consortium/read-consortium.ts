import { and, asc, eq, inArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { call } from "../../calls/schema";
import type { DbExecutor } from "../../db/client";
import { organisation, site, siteProgramme, studyProgramme } from "../../directory/schema";
import { application } from "../schema";
import {
  isPartnerKind,
  type PartnerCategory,
  type PartnerKind,
  type PartnerRole,
  type PartnerStatus,
  partnerCategoryOfKind,
  programmeValue,
} from "./model";
import type { ConsortiumRules } from "./problems";
import { applicationPartner, applicationSchool } from "./schema";

// Reading a consortium as one plain, serialisable object (instants as ISO strings): the
// consortium page shows it, the eligibility check reads it, and the submission's dossier freezes
// it. No policy here: callers check who may see the application.

export interface ConsortiumSchool {
  organisationId: string;
  name: string;
  isLead: boolean;
  sites: Array<{ id: string; siteNumber: number; name: string }>;
  programmes: Array<{ code: string; stage: string; name: string }>;
}

export interface ConsortiumPartner {
  id: string;
  /** The directory organisation; null for a proposed one. */
  organisationId: string | null;
  name: string;
  kind: PartnerKind;
  category: PartnerCategory;
  /** KBO number of a proposed organisation (10 digits). */
  proposedEnterpriseNumber: string | null;
  roles: PartnerRole[];
  commitment: string;
  inKindCents: number;
  cashCents: number;
  contactName: string;
  contactEmail: string;
  status: PartnerStatus;
  needsReconfirmation: boolean;
  invitedAt: string | null;
  respondedBy: string | null;
  respondedAt: string | null;
  declineReason: string | null;
}

export interface Consortium {
  /** The lead school first, then the co-applicant schools by name. */
  schools: ConsortiumSchool[];
  partners: ConsortiumPartner[];
  totals: { cashCents: number; inKindCents: number; coFinancingCents: number };
}

const partnerOrganisation = alias(organisation, "partner_organisation");

/** The consortium of an application, or null when it does not exist. */
export async function readConsortium(
  db: DbExecutor,
  applicationId: string,
): Promise<Consortium | null> {
  const [app] = await db
    .select({ leadOrganisationId: application.leadOrganisationId, leadName: organisation.name })
    .from(application)
    .innerJoin(organisation, eq(organisation.id, application.leadOrganisationId))
    .where(eq(application.id, applicationId));
  if (!app) return null;
  const rows = await db
    .select({
      organisationId: applicationSchool.organisationId,
      name: organisation.name,
      siteIds: applicationSchool.siteIds,
      programmes: applicationSchool.programmes,
    })
    .from(applicationSchool)
    .innerJoin(organisation, eq(organisation.id, applicationSchool.organisationId))
    .where(eq(applicationSchool.applicationId, applicationId))
    .orderBy(asc(organisation.name));
  const isLead = (s: { organisationId: string }) => s.organisationId === app.leadOrganisationId;
  // The lead school is part of every consortium, also before its row is made by its first save.
  const ordered = [
    rows.find(isLead) ?? {
      organisationId: app.leadOrganisationId,
      name: app.leadName,
      siteIds: [],
      programmes: [],
    },
    ...rows.filter((s) => !isLead(s)),
  ];
  const siteIds = [...new Set(ordered.flatMap((s) => s.siteIds))];
  const sites =
    siteIds.length === 0
      ? []
      : await db
          .select({ id: site.id, siteNumber: site.siteNumber, name: site.name })
          .from(site)
          .where(inArray(site.id, siteIds));
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const refs = ordered.flatMap((s) => s.programmes);
  const names =
    refs.length === 0
      ? []
      : await db
          .select({
            code: studyProgramme.code,
            stage: studyProgramme.stage,
            name: studyProgramme.name,
          })
          .from(studyProgramme)
          .where(
            or(
              ...refs.map((p) =>
                and(eq(studyProgramme.code, p.code), eq(studyProgramme.stage, p.stage)),
              ),
            ),
          );
  const nameOf = new Map(names.map((p) => [programmeValue(p), p.name]));
  const schools: ConsortiumSchool[] = ordered.map((s) => ({
    organisationId: s.organisationId,
    name: s.name,
    isLead: isLead(s),
    sites: s.siteIds
      .map((id) => siteById.get(id))
      .filter((x) => x !== undefined)
      .sort((a, b) => a.siteNumber - b.siteNumber),
    programmes: s.programmes.map((p) => ({
      ...p,
      name: nameOf.get(programmeValue(p)) ?? p.code,
    })),
  }));

  const partnerRows = await db
    .select({
      row: applicationPartner,
      name: partnerOrganisation.name,
      kind: partnerOrganisation.kind,
    })
    .from(applicationPartner)
    .leftJoin(partnerOrganisation, eq(partnerOrganisation.id, applicationPartner.organisationId))
    .where(eq(applicationPartner.applicationId, applicationId))
    .orderBy(asc(applicationPartner.createdAt), asc(applicationPartner.id));
  const partners: ConsortiumPartner[] = [];
  for (const { row, name, kind: directoryKind } of partnerRows) {
    const kind = directoryKind ?? row.proposedKind;
    // Only partner kinds are ever added; a directory change to "school" leaves it out of counts.
    if (!kind || !isPartnerKind(kind)) continue;
    partners.push({
      id: row.id,
      organisationId: row.organisationId,
      name: name ?? row.proposedName ?? "",
      kind,
      category: partnerCategoryOfKind[kind],
      proposedEnterpriseNumber: row.proposedEnterpriseNumber,
      roles: row.roles,
      commitment: row.commitment,
      inKindCents: row.inKindCents,
      cashCents: row.cashCents,
      contactName: row.contactName,
      contactEmail: row.contactEmail,
      status: row.status,
      needsReconfirmation: row.needsReconfirmation,
      invitedAt: row.invitedAt?.toISOString() ?? null,
      respondedBy: row.respondedByName,
      respondedAt: row.respondedAt?.toISOString() ?? null,
      declineReason: row.declineReason,
    });
  }
  const cashCents = partners.reduce((sum, p) => sum + p.cashCents, 0);
  const inKindCents = partners.reduce((sum, p) => sum + p.inKindCents, 0);
  return {
    schools,
    partners,
    totals: { cashCents, inKindCents, coFinancingCents: cashCents + inKindCents },
  };
}

export interface SchoolChoices {
  organisationId: string;
  name: string;
  sites: Array<{
    id: string;
    siteNumber: number;
    name: string;
    programmes: Array<{ code: string; stage: string; name: string }>;
  }>;
}

/** A school's sites with the programmes each offers: what its involvement is chosen from. */
export async function readSchoolChoices(
  db: DbExecutor,
  organisationId: string,
): Promise<SchoolChoices | null> {
  const [org] = await db
    .select({ id: organisation.id, name: organisation.name, kind: organisation.kind })
    .from(organisation)
    .where(eq(organisation.id, organisationId));
  if (org?.kind !== "school") return null;
  const rows = await db
    .select({
      site,
      code: siteProgramme.programmeCode,
      stage: siteProgramme.programmeStage,
      programmeName: studyProgramme.name,
    })
    .from(site)
    .leftJoin(siteProgramme, eq(siteProgramme.siteId, site.id))
    .leftJoin(
      studyProgramme,
      and(
        eq(studyProgramme.code, siteProgramme.programmeCode),
        eq(studyProgramme.stage, siteProgramme.programmeStage),
      ),
    )
    .where(eq(site.organisationId, organisationId))
    .orderBy(asc(site.siteNumber), asc(studyProgramme.name), asc(siteProgramme.programmeCode));
  const sites = new Map<string, SchoolChoices["sites"][number]>();
  for (const r of rows) {
    let entry = sites.get(r.site.id);
    if (!entry) {
      entry = { id: r.site.id, siteNumber: r.site.siteNumber, name: r.site.name, programmes: [] };
      sites.set(r.site.id, entry);
    }
    if (r.code && r.stage)
      entry.programmes.push({ code: r.code, stage: r.stage, name: r.programmeName ?? r.code });
  }
  return { organisationId: org.id, name: org.name, sites: [...sites.values()] };
}

/** The call's rules for an application's consortium (its minimum numbers of partners). */
export async function readConsortiumRules(
  db: DbExecutor,
  applicationId: string,
): Promise<ConsortiumRules | null> {
  const [rules] = await db
    .select({
      minLabourMarketPartners: call.minLabourMarketPartners,
      minEducationPartners: call.minEducationPartners,
    })
    .from(application)
    .innerJoin(call, eq(call.id, application.callId))
    .where(eq(application.id, applicationId));
  return rules ?? null;
}
