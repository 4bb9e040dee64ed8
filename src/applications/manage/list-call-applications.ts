import { type SQL, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client";
import { type Network, networkOfUmbrella, type UmbrellaOrganisation } from "../../directory/model";
import type { ApplicationStatus } from "../model";
import { applicationFacets, type FacetFilter, type FacetParam } from "./application-facets";

// The programme manager's list of one call's applications: filtered by the facets (see
// application-facets.ts), sorted, a page at a time, with the count of every facet value under the
// other active filters. A read query, not a use case; the route checks the policy first.

export const applicationSorts = ["gewijzigd", "titel", "school", "provincie", "status"] as const;
export type ApplicationSort = (typeof applicationSorts)[number];

export interface ApplicationListQuery {
  callId: string;
  filter: FacetFilter;
  sort?: ApplicationSort;
  page?: number;
  /** Rows per page; the export asks for all of them (null). */
  pageSize?: number | null;
}

export interface ManagedApplicationRow {
  id: string;
  title: string;
  status: ApplicationStatus;
  leadOrganisationId: string;
  leadOrganisationName: string;
  institutionNumber: string | null;
  province: string | null;
  umbrella: UmbrellaOrganisation | null;
  network: Network | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ApplicationListPage {
  rows: ManagedApplicationRow[];
  /** Applications matching every active filter. */
  total: number;
  /** Applications of the call, unfiltered. */
  callTotal: number;
  page: number;
  pages: number;
  /** Per facet, per value: applications matching the other filters that have this value. */
  counts: Record<FacetParam, Record<string, number>>;
}

/** "a.id in (…)" for every active facet except `skip`. */
function facetConditions(callId: string, filter: FacetFilter, skip?: FacetParam): SQL[] {
  return applicationFacets
    .filter((facet) => facet.param !== skip && filter[facet.param])
    .map(
      (facet) =>
        sql`a.id in (select p.application_id from (${facet.pairs(callId)}) p where p.value = ${filter[facet.param]})`,
    );
}

function whereOf(callId: string, conditions: SQL[]): SQL {
  return sql.join([sql`a.call_id = ${callId}`, ...conditions], sql` and `);
}

const orderBy: Record<ApplicationSort, SQL> = {
  gewijzigd: sql`a.updated_at desc, a.id`,
  titel: sql`lower(a.title), a.id`,
  school: sql`lower(o.name), lower(a.title), a.id`,
  provincie: sql`m.province_code nulls last, lower(o.name), a.id`,
  status: sql`a.status, a.updated_at desc, a.id`,
};

type RawRow = {
  id: string;
  title: string;
  status: ApplicationStatus;
  lead_organisation_id: string;
  lead_organisation_name: string;
  institution_number: string | null;
  province: string | null;
  umbrella: UmbrellaOrganisation | null;
  created_at: string | Date;
  updated_at: string | Date;
};

const asDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

export async function listCallApplications(
  db: DbExecutor,
  query: ApplicationListQuery,
): Promise<ApplicationListPage> {
  const { callId, filter } = query;
  const where = whereOf(callId, facetConditions(callId, filter));

  const [counted] = (
    await db.execute(sql`select count(*)::int as n from application a where ${where}`)
  ).rows as Array<{ n: number }>;
  const [all] = (
    await db.execute(sql`select count(*)::int as n from application a where a.call_id = ${callId}`)
  ).rows as Array<{ n: number }>;
  const total = counted?.n ?? 0;

  const pageSize = query.pageSize === undefined ? 50 : query.pageSize;
  const pages = pageSize ? Math.max(1, Math.ceil(total / pageSize)) : 1;
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pages);
  const limit = pageSize ? sql`limit ${pageSize} offset ${(page - 1) * pageSize}` : sql``;
  const rows = (
    await db.execute(sql`
      select a.id, a.title, a.status, a.lead_organisation_id, o.name as lead_organisation_name,
        o.institution_number, m.province_code as province, o.umbrella, a.created_at, a.updated_at
      from application a
      join organisation o on o.id = a.lead_organisation_id
      left join municipality m on m.nis = o.municipality_nis
      where ${where}
      order by ${orderBy[query.sort ?? "gewijzigd"]}
      ${limit}`)
  ).rows as RawRow[];

  const counts = {} as ApplicationListPage["counts"];
  for (const facet of applicationFacets) {
    const others = whereOf(callId, facetConditions(callId, filter, facet.param));
    const result = await db.execute(sql`
      select p.value, count(distinct p.application_id)::int as n
      from (${facet.pairs(callId)}) p
      where p.application_id in (select a.id from application a where ${others})
      group by p.value`);
    counts[facet.param] = Object.fromEntries(
      (result.rows as Array<{ value: string; n: number }>).map((r) => [r.value, r.n]),
    );
  }

  return {
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      leadOrganisationId: r.lead_organisation_id,
      leadOrganisationName: r.lead_organisation_name,
      institutionNumber: r.institution_number,
      province: r.province,
      umbrella: r.umbrella,
      network: r.umbrella ? networkOfUmbrella[r.umbrella] : null,
      createdAt: asDate(r.created_at),
      updatedAt: asDate(r.updated_at),
    })),
    total,
    callTotal: all?.n ?? 0,
    page,
    pages,
    counts,
  };
}

/** The number of applications per call, for the programme manager's list of calls. */
export async function applicationCountsByCall(db: DbExecutor): Promise<Map<string, number>> {
  const result = await db.execute(
    sql`select call_id, count(*)::int as n from application group by call_id`,
  );
  return new Map(
    (result.rows as Array<{ call_id: string; n: number }>).map((r) => [r.call_id, r.n]),
  );
}
