import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { auditEvent } from "../../audit/schema";
import type { Database, Transaction } from "../../db/client";
import type { Actor } from "../../identity/actor";
import { defineUseCase, type UseCaseContext, type UseCaseResult } from "../../platform/use-case";
import { directoryPolicy } from "../policy";
import { organisation, site, siteProgramme } from "../schema";
import {
  countRejectedRows,
  type ParsedSchoolRegister,
  parseSchoolRegister,
  type RegisterProduct,
  type RejectedRow,
  sortRejected,
} from "./parse-school-register";

// The school-register import (issue #2 item 4): institutions, sites and offered programmes from a
// file in the shape of the Department's instellingsgegevens API (README.md), upserted by
// instellingsnummer and (instellingsnummer, vestigingsnummer). One transaction: either the whole
// import commits, with an audit event per created or changed school and site, or nothing does.
//
// By default a file with any rejected row imports nothing and only reports; with
// acceptValidRows the valid rows are imported and the rejected ones reported. A row that changes
// nothing is not written: no version bump, no updated_at, no audit event. An import that changes
// nothing at all leaves no trace either: it returns no audit entry, so defineUseCase records none.

export const importSchoolRegisterInput = z.object({
  /** The register file, already parsed from JSON. */
  register: z.unknown(),
  /** Import the valid rows even when some are rejected. */
  acceptValidRows: z.boolean().default(false),
});

export type ImportOutcome =
  /** Changes were written. */
  | "imported"
  /** Every valid row matched what is stored: nothing was written. */
  | "unchanged"
  /** Rows were rejected and acceptValidRows was off: nothing was written. */
  | "rejected";

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  outcome: ImportOutcome;
  acceptValidRows: boolean;
  rowsRead: Record<RegisterProduct, number>;
  institutions: ImportCounts;
  sites: ImportCounts;
  /** (site, programme) pairs of the imported sites: added, removed, kept. */
  programmes: { added: number; removed: number; unchanged: number };
  /** Distinct rejected rows (a row with two bad fields counts once). */
  rejectedRows: number;
  /** One entry per problem, in file order. */
  rejected: RejectedRow[];
}

/** The importer run by the system (the command-line script), not by a person. */
export interface SystemContext {
  db: Database;
  system: true;
  now?: () => Date;
}

const chunkSize = 1000;

function chunks<T>(rows: readonly T[], size = chunkSize): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < rows.length; i += size) parts.push(rows.slice(i, i + size));
  return parts;
}

async function inChunks<T, R>(rows: readonly T[], write: (part: T[]) => Promise<R[]>) {
  const out: R[] = [];
  for (const part of chunks(rows)) out.push(...(await write(part)));
  return out;
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

const excluded = (column: string) => sql.raw(`excluded."${column}"`);

type OrganisationRow = typeof organisation.$inferSelect;
type SiteRow = typeof site.$inferSelect;
type Programme = { code: string; stage: string };

/** The organisation fields the register owns; everything else (description, KBO number) is the platform's. */
const registerOrganisationFields = [
  "name",
  "umbrella",
  "street",
  "postalCode",
  "municipalityNis",
  "website",
  "email",
  "phone",
] as const;
const registerSiteFields = [
  "name",
  "street",
  "postalCode",
  "municipalityNis",
  "latitude",
  "longitude",
] as const;

const programmeKey = (p: Programme) => `${p.code}|${p.stage}`;
const sortProgrammes = (list: Programme[]) =>
  [...list].sort((a, b) =>
    a.stage === b.stage ? a.code.localeCompare(b.code) : a.stage.localeCompare(b.stage),
  );
const auditSnapshot = <T extends { searchText?: unknown }>(row: T) => {
  const { searchText: _searchText, ...rest } = row;
  return rest;
};

/** The import of one register file; runs inside the use case's transaction. */
async function runImport(
  tx: Transaction,
  input: z.output<typeof importSchoolRegisterInput>,
  actor: Actor | null,
  now: Date,
): Promise<ImportReport> {
  const parsed = parseSchoolRegister(input.register);
  const rejected = [...parsed.rejected];
  const report = (outcome: ImportOutcome, counts?: Partial<ImportReport>): ImportReport => {
    const sorted = sortRejected(rejected);
    return {
      outcome,
      acceptValidRows: input.acceptValidRows,
      rowsRead: parsed.rowsRead,
      institutions: { created: 0, updated: 0, unchanged: 0 },
      sites: { created: 0, updated: 0, unchanged: 0 },
      programmes: { added: 0, removed: 0, unchanged: 0 },
      ...counts,
      rejectedRows: countRejectedRows(sorted),
      rejected: sorted,
    };
  };
  if (rejected.length > 0 && !input.acceptValidRows) return report("rejected");

  // What is stored for the institutions in the file. Locked, so a concurrent edit waits.
  const stored = await inChunks(
    parsed.institutions.map((i) => i.institutionNumber),
    (part) =>
      tx
        .select()
        .from(organisation)
        .where(inArray(organisation.institutionNumber, part))
        .for("update"),
  );
  const storedByNumber = new Map(stored.map((o) => [o.institutionNumber as string, o]));
  const { institutions, sites, offerings } = withoutNonSchools(parsed, storedByNumber, rejected);
  if (rejected.length > 0 && !input.acceptValidRows) return report("rejected");

  const storedSites = await inChunks(
    stored.map((o) => o.id),
    (part) => tx.select().from(site).where(inArray(site.organisationId, part)).for("update"),
  );
  const storedSiteByKey = new Map(
    storedSites.map((s) => [`${s.organisationId}|${s.siteNumber}`, s]),
  );
  const storedProgrammes = groupBy(
    await inChunks(
      storedSites.map((s) => s.id),
      (part) =>
        tx
          .select({
            siteId: siteProgramme.siteId,
            code: siteProgramme.programmeCode,
            stage: siteProgramme.programmeStage,
          })
          .from(siteProgramme)
          .where(inArray(siteProgramme.siteId, part)),
    ),
    (p) => p.siteId,
  );

  const sitesByInstitution = groupBy(sites, (s) => s.institutionNumber);
  const programmesBySite = new Map<string, Programme[]>();
  for (const [key, list] of groupBy(offerings, (o) => `${o.institutionNumber}-${o.siteNumber}`))
    programmesBySite.set(
      key,
      list.map((o) => ({ code: o.programmeCode, stage: o.programmeStage })),
    );

  // Institutions: what the register says, over what is stored.
  const counts = {
    institutions: { created: 0, updated: 0, unchanged: 0 },
    sites: { created: 0, updated: 0, unchanged: 0 },
    programmes: { added: 0, removed: 0, unchanged: 0 },
  };
  const organisationIdOf = new Map<string, string>();
  const mainSiteOf = new Map<string, number>();
  const nameOf = new Map<string, string>();
  const toCreate: (typeof organisation.$inferInsert)[] = [];
  const toUpdate: (typeof organisation.$inferInsert)[] = [];
  for (const institution of institutions) {
    const current = storedByNumber.get(institution.institutionNumber);
    const ownSites = sitesByInstitution.get(institution.institutionNumber) ?? [];
    const mainSiteNumber = institution.mainSiteNumber ?? 1;
    mainSiteOf.set(institution.institutionNumber, mainSiteNumber);
    nameOf.set(institution.institutionNumber, institution.name);
    // The school's address is its main site's (else its lowest-numbered site's in the file).
    const address =
      ownSites.find((s) => s.siteNumber === mainSiteNumber) ??
      [...ownSites].sort((a, b) => a.siteNumber - b.siteNumber)[0];
    const wanted = {
      kind: "school" as const,
      institutionNumber: institution.institutionNumber,
      name: institution.name,
      umbrella: institution.umbrella,
      street: address?.street ?? current?.street ?? null,
      postalCode: address?.postalCode ?? current?.postalCode ?? null,
      municipalityNis: address?.municipalityNis ?? current?.municipalityNis ?? null,
      website: institution.website ?? current?.website ?? null,
      email: institution.email ?? current?.email ?? null,
      phone: institution.phone ?? current?.phone ?? null,
    };
    if (!current) {
      const id = randomUUID();
      organisationIdOf.set(institution.institutionNumber, id);
      toCreate.push({ ...wanted, id, version: 1, createdAt: now, updatedAt: now });
      counts.institutions.created++;
      continue;
    }
    organisationIdOf.set(institution.institutionNumber, current.id);
    if (registerOrganisationFields.some((f) => wanted[f] !== current[f])) {
      toUpdate.push(wanted);
      counts.institutions.updated++;
    } else counts.institutions.unchanged++;
  }

  // Sites and their programmes.
  const sitesToCreate: (typeof site.$inferInsert)[] = [];
  const sitesToUpdate: (typeof site.$inferInsert)[] = [];
  const siteAudit: Array<{
    id: string;
    before: SiteRow | null;
    programmesBefore: Programme[];
    programmesAfter: Programme[];
  }> = [];
  const programmesToWrite = new Map<string, Programme[]>();
  const programmesToClear: string[] = [];
  for (const registerSite of sites) {
    const organisationId = organisationIdOf.get(registerSite.institutionNumber) as string;
    const orgName = nameOf.get(registerSite.institutionNumber) as string;
    const current = storedSiteByKey.get(`${organisationId}|${registerSite.siteNumber}`);
    const wanted = {
      organisationId,
      siteNumber: registerSite.siteNumber,
      name:
        registerSite.siteNumber === mainSiteOf.get(registerSite.institutionNumber)
          ? orgName
          : `${orgName} – vestiging ${registerSite.siteNumber}`,
      street: registerSite.street,
      postalCode: registerSite.postalCode,
      municipalityNis: registerSite.municipalityNis,
      latitude: registerSite.latitude ?? current?.latitude ?? null,
      longitude: registerSite.longitude ?? current?.longitude ?? null,
    };
    const programmes = sortProgrammes(
      programmesBySite.get(`${registerSite.institutionNumber}-${registerSite.siteNumber}`) ?? [],
    );
    const before = current
      ? sortProgrammes(
          (storedProgrammes.get(current.id) ?? []).map((p) => ({ code: p.code, stage: p.stage })),
        )
      : [];
    const wantedKeys = new Set(programmes.map(programmeKey));
    const beforeKeys = new Set(before.map(programmeKey));
    const kept = programmes.filter((p) => beforeKeys.has(programmeKey(p))).length;
    counts.programmes.unchanged += kept;
    counts.programmes.added += programmes.length - kept;
    counts.programmes.removed += before.filter((p) => !wantedKeys.has(programmeKey(p))).length;
    const programmesChanged = kept !== programmes.length || kept !== before.length;

    if (!current) {
      const id = randomUUID();
      sitesToCreate.push({ ...wanted, id, createdAt: now, updatedAt: now });
      siteAudit.push({ id, before: null, programmesBefore: [], programmesAfter: programmes });
      if (programmes.length > 0) programmesToWrite.set(id, programmes);
      counts.sites.created++;
      continue;
    }
    const fieldsChanged = registerSiteFields.some((f) => wanted[f] !== current[f]);
    if (!fieldsChanged && !programmesChanged) {
      counts.sites.unchanged++;
      continue;
    }
    sitesToUpdate.push({ ...wanted, updatedAt: now });
    siteAudit.push({
      id: current.id,
      before: current,
      programmesBefore: before,
      programmesAfter: programmes,
    });
    if (programmesChanged) {
      programmesToClear.push(current.id);
      if (programmes.length > 0) programmesToWrite.set(current.id, programmes);
    }
    counts.sites.updated++;
  }

  if (toCreate.length + toUpdate.length + sitesToCreate.length + sitesToUpdate.length === 0)
    return report("unchanged", counts);

  // The writes, in batches.
  const created = await inChunks(toCreate, (part) =>
    tx.insert(organisation).values(part).returning(),
  );
  const updated = await inChunks(toUpdate, (part) =>
    tx
      .insert(organisation)
      .values(part)
      .onConflictDoUpdate({
        target: organisation.institutionNumber,
        set: {
          name: excluded("name"),
          umbrella: excluded("umbrella"),
          street: excluded("street"),
          postalCode: excluded("postal_code"),
          municipalityNis: excluded("municipality_nis"),
          website: excluded("website"),
          email: excluded("email"),
          phone: excluded("phone"),
          version: sql.raw(`"organisation"."version" + 1`),
          updatedAt: now,
        },
      })
      .returning(),
  );
  const sitesCreated = await inChunks(sitesToCreate, (part) =>
    tx.insert(site).values(part).returning(),
  );
  const sitesUpdated = await inChunks(sitesToUpdate, (part) =>
    tx
      .insert(site)
      .values(part)
      .onConflictDoUpdate({
        target: [site.organisationId, site.siteNumber],
        set: {
          name: excluded("name"),
          street: excluded("street"),
          postalCode: excluded("postal_code"),
          municipalityNis: excluded("municipality_nis"),
          latitude: excluded("latitude"),
          longitude: excluded("longitude"),
          updatedAt: now,
        },
      })
      .returning(),
  );
  for (const part of chunks(programmesToClear))
    await tx.delete(siteProgramme).where(inArray(siteProgramme.siteId, part));
  const programmeRows = [...programmesToWrite].flatMap(([siteId, list]) =>
    list.map((p) => ({ siteId, programmeCode: p.code, programmeStage: p.stage })),
  );
  // Three array parameters instead of three per row: about twice as fast for ~40,000 rows.
  for (const part of chunks(programmeRows, 20_000))
    await tx.execute(sql`
      insert into ${siteProgramme} (site_id, programme_code, programme_stage)
      select * from unnest(
        ${sql.param(part.map((r) => r.siteId))}::uuid[],
        ${sql.param(part.map((r) => r.programmeCode))}::text[],
        ${sql.param(part.map((r) => r.programmeStage))}::text[]
      )`);

  // One audit event per created or changed school and site, before and after.
  const storedById = new Map(stored.map((o) => [o.id, o]));
  const siteAfter = new Map([...sitesCreated, ...sitesUpdated].map((s) => [s.id, s]));
  const actorId = actor?.userId ?? null;
  const events: (typeof auditEvent.$inferInsert)[] = [
    ...created.map((o) => ({
      actorId,
      action: "import.organisation.create",
      subjectType: "organisation",
      subjectId: o.id,
      before: null,
      after: auditSnapshot(o),
    })),
    ...updated.map((o) => ({
      actorId,
      action: "import.organisation.update",
      subjectType: "organisation",
      subjectId: o.id,
      before: auditSnapshot(storedById.get(o.id) as OrganisationRow),
      after: auditSnapshot(o),
    })),
    ...siteAudit.map(({ id, before, programmesBefore, programmesAfter }) => ({
      actorId,
      action: before ? "import.site.update" : "import.site.create",
      subjectType: "site",
      subjectId: id,
      before: before ? { ...before, programmes: programmesBefore } : null,
      after: { ...siteAfter.get(id), programmes: programmesAfter },
    })),
  ];
  for (const part of chunks(events, 500)) await tx.insert(auditEvent).values(part);

  return report("imported", counts);
}

/**
 * An instellingsnummer that belongs to an organisation that is not a school (entered by hand) is
 * refused rather than turned into a school; its sites and offerings go with it.
 */
function withoutNonSchools(
  parsed: ParsedSchoolRegister,
  storedByNumber: Map<string, OrganisationRow>,
  rejected: RejectedRow[],
): Pick<ParsedSchoolRegister, "institutions" | "sites" | "offerings"> {
  const refused = new Map<string, number>();
  for (const institution of parsed.institutions) {
    const current = storedByNumber.get(institution.institutionNumber);
    if (!current || current.kind === "school") continue;
    refused.set(institution.institutionNumber, institution.rowNumber);
    rejected.push({
      product: "instellingen",
      rowNumber: institution.rowNumber,
      key: institution.institutionNumber,
      field: "instelling_nummer",
      messageNl: `Instellingsnummer ${institution.institutionNumber} hoort al bij ‘${current.name}’, een organisatie die geen school is. Pas die organisatie eerst aan.`,
    });
  }
  if (refused.size === 0) return parsed;
  const because = (institutionNumber: string) =>
    `Niet ingelezen omdat de instelling ${institutionNumber} (rij ${refused.get(institutionNumber)}) geweigerd werd.`;
  for (const s of parsed.sites)
    if (refused.has(s.institutionNumber))
      rejected.push({
        product: "instellingslocaties",
        rowNumber: s.rowNumber,
        key: `${s.institutionNumber}-${s.siteNumber}`,
        field: null,
        messageNl: because(s.institutionNumber),
      });
  for (const o of parsed.offerings)
    if (refused.has(o.institutionNumber))
      rejected.push({
        product: "ingerichteadministratievegroepen",
        rowNumber: o.rowNumber,
        key: `${o.institutionNumber}-${o.siteNumber} ${o.programmeCode}`,
        field: null,
        messageNl: because(o.institutionNumber),
      });
  return {
    institutions: parsed.institutions.filter((i) => !refused.has(i.institutionNumber)),
    sites: parsed.sites.filter((s) => !refused.has(s.institutionNumber)),
    offerings: parsed.offerings.filter((o) => !refused.has(o.institutionNumber)),
  };
}

const spec = {
  name: "directory.importSchoolRegister",
  input: importSchoolRegisterInput,
  run: async (
    tx: Transaction,
    input: z.output<typeof importSchoolRegisterInput>,
    { actor, now }: { actor: Actor | null; now: Date },
  ) => {
    const value = await runImport(tx, input, actor, now);
    const { rejected: _rejected, ...summary } = value;
    // A refused or unchanged import wrote nothing, so there is nothing to record.
    return {
      value,
      audit:
        value.outcome === "imported"
          ? { subjectType: "schoolRegister", subjectId: "instellingsgegevens", after: summary }
          : null,
    };
  },
};

/** People: platform administrators only (directoryPolicy.importSchoolRegister). */
const importByPerson = defineUseCase({
  ...spec,
  authorize: (actor) => directoryPolicy.importSchoolRegister(actor),
});

/**
 * The system: no person is acting, so no policy applies; the audit events carry no actor. Only
 * reachable through an explicit SystemContext, which server-side jobs (scripts/import-schools.ts)
 * construct; a request handler passes the signed-in actor and goes through the policy.
 */
const importBySystem = defineUseCase({
  ...spec,
  anonymous: true,
  authorize: (actor) => actor === null,
});

/**
 * Imports a school-register file. With a UseCaseContext the actor must be a platform
 * administrator; with a SystemContext ({ db, system: true }) the import runs as the system.
 */
export async function importSchoolRegister(
  ctx: UseCaseContext | SystemContext,
  input: unknown,
): Promise<UseCaseResult<ImportReport>> {
  if ("system" in ctx && ctx.system === true)
    return importBySystem({ db: ctx.db, actor: null, now: ctx.now }, input);
  return importByPerson(ctx as UseCaseContext, input);
}
