import { desc, inArray } from "drizzle-orm";
import { application } from "../applications/schema";
import { call } from "../calls/schema";
import type { DbExecutor } from "../db/client";
import { organisation, site } from "../directory/schema";
import { user } from "../identity/schema";
import { materialVersion } from "../library/schema";

// The names people know the audit log's subjects by (a person's name, an organisation's, a call's
// or an application's title, a material's latest title), read for one page of events at a time.
// The one place the audit log looks into the areas' tables, and only to read a name.

/** A subject (or a value that points at one) as the audit log holds it. */
export interface SubjectRef {
  subjectType: string;
  subjectId: string;
}

/** The kinds of subject whose names can be read, by the field that points at one in a state. */
export const subjectTypeOfField: Readonly<Record<string, string>> = {
  userId: "person",
  organisationId: "organisation",
  leadOrganisationId: "organisation",
  siteId: "site",
  callId: "call",
  applicationId: "application",
  materialId: "material",
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const subjectKey = (ref: SubjectRef) => `${ref.subjectType}:${ref.subjectId}`;

/** At most this many subjects are looked up per kind, whatever is asked. */
const maxPerKind = 500;

/** Names by `subjectKey`; subjects that are unknown or have no name are left out. */
export async function subjectNames(
  db: DbExecutor,
  refs: readonly SubjectRef[],
): Promise<Map<string, string>> {
  const idsOf = (type: string, onlyUuids = true) =>
    [
      ...new Set(
        refs
          .filter((r) => r.subjectType === type && (!onlyUuids || uuidPattern.test(r.subjectId)))
          .map((r) => r.subjectId),
      ),
    ].slice(0, maxPerKind);
  const names = new Map<string, string>();
  const put = (type: string, rows: { id: string; name: string }[]) => {
    for (const r of rows) names.set(subjectKey({ subjectType: type, subjectId: r.id }), r.name);
  };
  const people = idsOf("person", false);
  const organisations = idsOf("organisation");
  const sites = idsOf("site");
  const calls = idsOf("call");
  const applications = idsOf("application");
  const materials = idsOf("material");
  await Promise.all([
    people.length &&
      db
        .select({ id: user.id, name: user.name })
        .from(user)
        .where(inArray(user.id, people))
        .then((rows) => put("person", rows)),
    organisations.length &&
      db
        .select({ id: organisation.id, name: organisation.name })
        .from(organisation)
        .where(inArray(organisation.id, organisations))
        .then((rows) => put("organisation", rows)),
    sites.length &&
      db
        .select({ id: site.id, name: site.name })
        .from(site)
        .where(inArray(site.id, sites))
        .then((rows) => put("site", rows)),
    calls.length &&
      db
        .select({ id: call.id, name: call.title })
        .from(call)
        .where(inArray(call.id, calls))
        .then((rows) => put("call", rows)),
    applications.length &&
      db
        .select({ id: application.id, name: application.title })
        .from(application)
        .where(inArray(application.id, applications))
        .then((rows) => put("application", rows)),
    materials.length &&
      db
        .selectDistinctOn([materialVersion.materialId], {
          id: materialVersion.materialId,
          name: materialVersion.title,
        })
        .from(materialVersion)
        .where(inArray(materialVersion.materialId, materials))
        .orderBy(materialVersion.materialId, desc(materialVersion.number))
        .then((rows) => put("material", rows)),
  ]);
  return names;
}
