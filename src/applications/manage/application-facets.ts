import { type SQL, sql } from "drizzle-orm";
import {
  finalities,
  networkOfUmbrella,
  networks,
  partnerKinds,
  provinces,
  studyDomains,
  umbrellaOrganisations,
} from "../../directory/model";
import { applicationStatuses } from "../model";

// The filters of the programme manager's list of a call's applications, as data. A facet is a
// named filter whose values for each application come from one SQL query that yields
// (application_id, value) pairs for the call. From that one query the listing builds both the
// filter condition (the application has a pair with the chosen value) and the facet counts (how
// many applications, under the other active filters, have each value). A facet may give an
// application several values (a school's sites offer programmes of several study domains).
//
// Adding a filter is adding one entry to `applicationFacets`.

export interface ApplicationFacet {
  /** The query-string parameter (Dutch, shareable URLs) and the key in the filter object. */
  param: string;
  /** The values a URL may carry; anything else is ignored. */
  values: readonly string[];
  /** Catalogue key prefix for the value labels, e.g. "province." + "ANT". */
  labelPrefix: string;
  /** SELECT application_id, value … for the applications of one call. */
  pairs: (callId: string) => SQL;
}

/** The network (onderwijsnet) of a umbrella, as a CASE over organisation.umbrella. */
const networkOfUmbrellaSql = sql.join(
  [
    sql.raw("case o.umbrella::text"),
    ...umbrellaOrganisations.map((u) => sql.raw(`when '${u}' then '${networkOfUmbrella[u]}'`)),
    sql.raw("end"),
  ],
  sql.raw(" "),
);

/** Pairs of a property of the study programmes offered at the lead school's sites. */
function programmePairs(column: "domain" | "finality") {
  return (callId: string) => sql`
    select distinct a.id as application_id, sp.${sql.raw(column)} as value
    from application a
    join site s on s.organisation_id = a.lead_organisation_id
    join site_programme spp on spp.site_id = s.id
    join study_programme sp on sp.code = spp.programme_code and sp.stage = spp.programme_stage
    where a.call_id = ${callId} and sp.${sql.raw(column)} is not null`;
}

export const applicationFacets = [
  {
    param: "status",
    values: applicationStatuses,
    labelPrefix: "application.status.",
    pairs: (callId) =>
      sql`select a.id as application_id, a.status::text as value from application a where a.call_id = ${callId}`,
  },
  {
    param: "provincie",
    values: provinces,
    labelPrefix: "province.",
    pairs: (callId) => sql`
      select a.id as application_id, m.province_code as value
      from application a
      join organisation o on o.id = a.lead_organisation_id
      join municipality m on m.nis = o.municipality_nis
      where a.call_id = ${callId}`,
  },
  {
    param: "net",
    values: networks,
    labelPrefix: "network.",
    pairs: (callId) => sql`
      select a.id as application_id, ${networkOfUmbrellaSql} as value
      from application a
      join organisation o on o.id = a.lead_organisation_id
      where a.call_id = ${callId} and o.umbrella is not null`,
  },
  {
    param: "koepel",
    values: umbrellaOrganisations,
    labelPrefix: "umbrella.",
    pairs: (callId) => sql`
      select a.id as application_id, o.umbrella::text as value
      from application a
      join organisation o on o.id = a.lead_organisation_id
      where a.call_id = ${callId} and o.umbrella is not null`,
  },
  {
    param: "studiedomein",
    values: studyDomains,
    labelPrefix: "domain.",
    pairs: programmePairs("domain"),
  },
  {
    param: "finaliteit",
    values: finalities,
    labelPrefix: "finality.",
    pairs: programmePairs("finality"),
  },
  {
    // The kinds of the consortium's partners, directory organisations and proposed ones alike.
    param: "partnertype",
    values: partnerKinds,
    labelPrefix: "kind.",
    pairs: (callId) => sql`
      select distinct p.application_id, coalesce(o.kind::text, p.proposed_kind::text) as value
      from application_partner p
      join application a on a.id = p.application_id
      left join organisation o on o.id = p.organisation_id
      where a.call_id = ${callId}`,
  },
  {
    // The outcome of the eligibility check after the application's last change.
    param: "voorwaarden",
    values: ["met", "notMet"],
    labelPrefix: "manage.eligibility.",
    pairs: (callId) => sql`
      select a.id as application_id,
        case when a.open_problems = 0 then 'met' else 'notMet' end as value
      from application a
      where a.call_id = ${callId} and a.open_problems is not null`,
  },
] as const satisfies readonly ApplicationFacet[];

export type FacetParam = (typeof applicationFacets)[number]["param"];
export type FacetFilter = Partial<Record<FacetParam, string>>;

/** The facet filter of a query string: known parameters with known values only. */
export function facetFilterFrom(params: URLSearchParams): FacetFilter {
  const filter: FacetFilter = {};
  for (const facet of applicationFacets) {
    const value = params.get(facet.param);
    if (value && (facet.values as readonly string[]).includes(value)) filter[facet.param] = value;
  }
  return filter;
}
