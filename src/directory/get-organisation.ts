import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbExecutor } from "../db/client";
import type { Actor } from "../identity/actor";
import {
  type Finality,
  type Network,
  networkOfUmbrella,
  type Province,
  type Stage,
  type StudyDomain,
  stages,
} from "./model";
import { directoryPolicy } from "./policy";
import { findMunicipality, resolveMunicipality } from "./reference-data";
import { organisation, site, siteProgramme, studyProgramme } from "./schema";

// One organisation as the directory shows it: its details and its sites with their study
// programmes (grouped by stage). Its people are identity's (`identity/organisation-members.ts`).

export interface PlaceName {
  nis: string;
  /** The municipality's current name (after the 2025 mergers). */
  name: string;
  /** The old municipality's name when the address is still on a pre-2025 code with another name. */
  formerName: string | null;
  province: Province;
}

export interface OrganisationSite {
  id: string;
  siteNumber: number;
  name: string;
  street: string | null;
  postalCode: string | null;
  municipality: PlaceName | null;
  latitude: number | null;
  longitude: number | null;
  programmeCount: number;
  stages: Array<{
    stage: Stage;
    programmes: Array<{
      code: string;
      name: string;
      domain: StudyDomain | null;
      finality: Finality | null;
    }>;
  }>;
}

export async function getOrganisation(
  db: DbExecutor,
  organisationId: string,
  actor: Actor | null,
  options: { now?: Date } = {},
) {
  if (!directoryPolicy.viewOrganisation(actor)) return null;
  // A malformed id is simply not found (and never reaches PostgreSQL's uuid parser).
  if (!z.uuid().safeParse(organisationId).success) return null;
  const now = options.now ?? new Date();

  const [row] = await db.select().from(organisation).where(eq(organisation.id, organisationId));
  if (!row) return null;

  const siteRows = await db
    .select()
    .from(site)
    .where(eq(site.organisationId, organisationId))
    .orderBy(asc(site.siteNumber));
  const programmeRows = await db
    .select({
      siteId: siteProgramme.siteId,
      code: siteProgramme.programmeCode,
      stage: siteProgramme.programmeStage,
      name: studyProgramme.name,
      domain: studyProgramme.domain,
      finality: studyProgramme.finality,
    })
    .from(siteProgramme)
    .innerJoin(site, eq(site.id, siteProgramme.siteId))
    .leftJoin(
      studyProgramme,
      and(
        eq(studyProgramme.code, siteProgramme.programmeCode),
        eq(studyProgramme.stage, siteProgramme.programmeStage),
      ),
    )
    .where(eq(site.organisationId, organisationId))
    .orderBy(asc(studyProgramme.name), asc(siteProgramme.programmeCode));

  const sites: OrganisationSite[] = siteRows.map((s) => {
    const own = programmeRows.filter((p) => p.siteId === s.id);
    const byStage = stages
      .map((stage) => ({
        stage,
        programmes: own
          .filter((p) => p.stage === stage)
          .map((p) => ({
            code: p.code,
            name: p.name ?? p.code,
            domain: (p.domain ?? null) as StudyDomain | null,
            finality: (p.finality ?? null) as Finality | null,
          })),
      }))
      .filter((g) => g.programmes.length > 0);
    return {
      id: s.id,
      siteNumber: s.siteNumber,
      name: s.name,
      street: s.street,
      postalCode: s.postalCode,
      municipality: placeName(s.municipalityNis, now),
      latitude: s.latitude,
      longitude: s.longitude,
      programmeCount: own.length,
      stages: byStage,
    };
  });

  const { searchText: _searchText, ...details } = row;
  return {
    organisation: {
      ...details,
      network: (row.umbrella ? networkOfUmbrella[row.umbrella] : null) as Network | null,
      municipality: row.municipalityNis ? placeName(row.municipalityNis, now) : null,
    },
    sites,
  };
}

export type OrganisationView = NonNullable<Awaited<ReturnType<typeof getOrganisation>>>;

/** The current municipality of a NIS code, with the former name when the code is a pre-2025 one. */
export function placeName(nis: string, now: Date): PlaceName | null {
  const registered = findMunicipality(nis);
  if (!registered) return null;
  const current = resolveMunicipality(nis, now) ?? registered;
  return {
    nis: current.nis,
    name: current.nameNl,
    formerName:
      current.nis !== registered.nis && current.nameNl !== registered.nameNl
        ? registered.nameNl
        : null,
    province: current.provinceCode,
  };
}
