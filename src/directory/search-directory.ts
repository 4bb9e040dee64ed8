import { and, count, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbExecutor } from "../db/client";
import { blankToUndefined } from "../platform/form-input";
import {
  finalities,
  type OrganisationKind,
  organisationKinds,
  type Province,
  partnerKinds,
  provinces,
  studyDomains,
  type UmbrellaOrganisation,
  umbrellaOrganisations,
} from "./model";
import {
  findMunicipality,
  type Municipality,
  municipalities,
  resolveMunicipality,
} from "./reference-data";
import { organisation, site, siteProgramme, studyProgramme } from "./schema";

// The public directory search (a read-only query, not a use case). Filters come from the URL
// (Dutch parameter names) and are validated one by one: an unknown value is ignored and reported,
// never a crash. Schools are located by their sites' municipalities, partners by their own; an
// address on a pre-2025 NIS code counts for the municipality it merged into.

export const directoryPageSize = 25;
/** Longer search terms are cut here: no name or number is this long. */
export const maxQueryLength = 200;
/** Up to this length a search term is also matched by trigram similarity (typos). */
const fuzzyQueryLength = 60;

/** The value of `soort` that means "any partner" (every kind except school and department). */
export const anyPartner = "partner";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(blankToUndefined, schema.optional());

/** The filters, keyed by their English names; `directoryParams` gives the URL parameter of each. */
export const directoryFilterSchema = z.object({
  query: optional(z.string().trim()),
  kind: optional(z.enum([...organisationKinds, anyPartner])),
  province: optional(z.enum(provinces)),
  municipality: optional(
    z
      .string()
      .regex(/^\d{5}$/)
      .refine((nis) => findMunicipality(nis) !== undefined),
  ),
  umbrella: optional(z.enum(umbrellaOrganisations)),
  domain: optional(z.enum(studyDomains)),
  finality: optional(z.enum(finalities)),
});
export type DirectoryFilters = z.output<typeof directoryFilterSchema>;
export type DirectoryFilter = keyof DirectoryFilters;

export const directoryParams: Record<DirectoryFilter, string> = {
  query: "q",
  kind: "soort",
  province: "provincie",
  municipality: "gemeente",
  umbrella: "net",
  domain: "domein",
  finality: "finaliteit",
};

export interface ParsedDirectoryQuery {
  filters: DirectoryFilters;
  page: number;
  /** Filters whose value was not understood and therefore left out. */
  ignored: DirectoryFilter[];
  /** The search term was longer than maxQueryLength and was cut. */
  queryTruncated: boolean;
}

/** Reads the filters and the page from URL parameters; never throws. */
export function parseDirectoryQuery(params: URLSearchParams): ParsedDirectoryQuery {
  const filters: Record<string, unknown> = {};
  const ignored: DirectoryFilter[] = [];
  let queryTruncated = false;
  const shape = directoryFilterSchema.shape;
  for (const key of Object.keys(shape) as DirectoryFilter[]) {
    let raw = params.get(directoryParams[key]) ?? undefined;
    if (key === "query" && raw !== undefined && raw.length > maxQueryLength) {
      raw = raw.slice(0, maxQueryLength);
      queryTruncated = true;
    }
    const parsed = shape[key].safeParse(raw);
    if (parsed.success) {
      if (parsed.data !== undefined) filters[key] = parsed.data;
    } else ignored.push(key);
  }
  const pageParam = Number(params.get("pagina") ?? "1");
  const page = Number.isSafeInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  return { filters: filters as DirectoryFilters, page, ignored, queryTruncated };
}

export interface DirectoryRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  umbrella: UmbrellaOrganisation | null;
  /** The current name of the main municipality (a school's first site, a partner's own). */
  municipalityName: string | null;
  province: Province | null;
  siteCount: number;
}

export interface DirectoryResult {
  rows: DirectoryRow[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  /** Set when the municipality filter named a municipality that has merged into another. */
  resolvedMunicipality: { from: string; to: string; toNis: string } | null;
}

/** The municipality as it is today (following 2025 mergers); the code itself when unresolvable. */
function currentMunicipality(nis: string, now: Date): Municipality | undefined {
  return resolveMunicipality(nis, now) ?? findMunicipality(nis);
}

/** Every NIS code (old and new) whose current municipality passes the test. */
function nisCodesWhere(now: Date, test: (current: Municipality) => boolean): string[] {
  return municipalities
    .filter((m) => {
      const current = currentMunicipality(m.nis, now);
      return current !== undefined && test(current);
    })
    .map((m) => m.nis);
}

/** Letters and digits only, each word a prefix: safe to hand to to_tsquery. */
function prefixTsQuery(query: string): string | null {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const unique = [...new Set(words)].slice(0, 12);
  return unique.length ? unique.map((w) => `${w}:*`).join(" & ") : null;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An instellingsnummer or ondernemingsnummer typed with or without dots, spaces or BE. */
function numberQuery(query: string): { institution?: string; enterprise?: string } {
  const compact = query.replace(/^BE/i, "").replace(/[\s.\-/]/g, "");
  if (!/^\d+$/.test(compact)) return {};
  if (compact.length <= 6) return { institution: compact };
  if (compact.length === 9) return { enterprise: `0${compact}` };
  if (compact.length === 10) return { enterprise: compact };
  return {};
}

/** Searches organisations: one query for a page and its total, whatever the filters. */
export async function searchDirectory(
  db: DbExecutor,
  filters: DirectoryFilters,
  page = 1,
  options: { now?: Date } = {},
): Promise<DirectoryResult> {
  const now = options.now ?? new Date();
  const where: SQL[] = [];
  let relevance: SQL | null = null;

  if (filters.kind === anyPartner) where.push(inArray(organisation.kind, partnerKinds));
  else if (filters.kind) where.push(eq(organisation.kind, filters.kind));
  if (filters.umbrella) where.push(eq(organisation.umbrella, filters.umbrella));

  // Location: the set of NIS codes (old ones included) that lie in the chosen place today.
  let resolvedMunicipality: DirectoryResult["resolvedMunicipality"] = null;
  let place: Set<string> | null = null;
  if (filters.municipality) {
    const chosen = findMunicipality(filters.municipality);
    const target = currentMunicipality(filters.municipality, now);
    if (chosen && target && target.nis !== chosen.nis) {
      resolvedMunicipality = { from: chosen.nameNl, to: target.nameNl, toNis: target.nis };
    }
    place = new Set(target ? nisCodesWhere(now, (m) => m.nis === target.nis) : []);
  }
  if (filters.province) {
    const inProvince = nisCodesWhere(now, (m) => m.provinceCode === filters.province);
    place = new Set(place ? inProvince.filter((nis) => place?.has(nis)) : inProvince);
  }
  if (place) {
    const codes = [...place];
    where.push(
      codes.length === 0
        ? sql`false`
        : sql`((${organisation.kind} = 'school' and ${organisation.id} in (select ${site.organisationId} from ${site} where ${inArray(site.municipalityNis, codes)})) or (${organisation.kind} <> 'school' and ${inArray(organisation.municipalityNis, codes)}))`,
    );
  }

  // Study domain and finality: schools with a site offering such a programme (both on one programme).
  if (filters.domain || filters.finality) {
    const programme: SQL[] = [];
    if (filters.domain) programme.push(eq(studyProgramme.domain, filters.domain));
    if (filters.finality) programme.push(eq(studyProgramme.finality, filters.finality));
    where.push(
      sql`${organisation.id} in (select ${site.organisationId} from ${site} join ${siteProgramme} on ${siteProgramme.siteId} = ${site.id} join ${studyProgramme} on ${studyProgramme.code} = ${siteProgramme.programmeCode} and ${studyProgramme.stage} = ${siteProgramme.programmeStage} where ${and(...programme)})`,
    );
  }

  // Control characters (a NUL byte is not even valid text for PostgreSQL) count as spaces.
  const query = filters.query
    ?.slice(0, maxQueryLength)
    .replace(/\p{Cc}/gu, " ")
    .trim();
  if (query) {
    const numbers = numberQuery(query);
    const tsQuery = prefixTsQuery(query);
    const contains = `%${escapeLike(query)}%`;
    // Trigram word similarity forgives a typo in a word of the name; its cost grows with the
    // length of the term, and a long term is pasted rather than typed, so it is left out there.
    const fuzzy = query.length <= fuzzyQueryLength;
    const matches: SQL[] = [ilike(organisation.name, contains)];
    if (fuzzy) matches.push(sql`${query} <% ${organisation.name}`);
    if (tsQuery) matches.push(sql`${organisation.searchText} @@ to_tsquery('simple', ${tsQuery})`);
    if (numbers.institution) matches.push(eq(organisation.institutionNumber, numbers.institution));
    if (numbers.enterprise) matches.push(eq(organisation.enterpriseNumber, numbers.enterprise));
    where.push(or(...matches) as SQL);
    relevance = sql`(case when ${organisation.institutionNumber} = ${numbers.institution ?? null} or ${organisation.enterpriseNumber} = ${numbers.enterprise ?? null} then 10 else 0 end)
      + (case when ${organisation.name} ilike ${`${escapeLike(query)}%`} then 2 when ${organisation.name} ilike ${contains} then 1 else 0 end)
      + ${fuzzy ? sql`word_similarity(${query}, ${organisation.name})` : sql`0`}
      + ${tsQuery ? sql`ts_rank(${organisation.searchText}, to_tsquery('simple', ${tsQuery}))` : sql`0`}`;
  }

  const condition = where.length ? and(...where) : undefined;
  // One query per page: the rows and, by a window count, the total.
  const pageQuery = (n: number) =>
    db
      .select({
        id: organisation.id,
        name: organisation.name,
        kind: organisation.kind,
        umbrella: organisation.umbrella,
        ownNis: organisation.municipalityNis,
        // Written out: drizzle leaves columns unqualified in the select list of a one-table
        // query, which inside a subquery would bind to the subquery's own table.
        firstSiteNis: sql<
          string | null
        >`(select s.municipality_nis from site s where s.organisation_id = "organisation"."id" order by s.site_number limit 1)`,
        siteCount: sql<number>`(select count(*) from site s where s.organisation_id = "organisation"."id")::int`,
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(organisation)
      .where(condition)
      .orderBy(
        ...(relevance ? [sql`${relevance} desc`] : []),
        sql`lower(${organisation.name})`,
        organisation.id,
      )
      .limit(directoryPageSize)
      .offset((n - 1) * directoryPageSize);

  let current = Math.min(Math.max(1, Math.floor(page)), 1_000_000);
  let found = await pageQuery(current);
  let total = Number(found[0]?.total ?? 0);
  if (found.length === 0 && current > 1) {
    // Past the last page (an old link, an edited URL): count, then show the last page.
    const [counted] = await db.select({ n: count() }).from(organisation).where(condition);
    total = counted?.n ?? 0;
    current = Math.max(1, Math.ceil(total / directoryPageSize));
    found = total > 0 ? await pageQuery(current) : [];
  }
  const pages = Math.max(1, Math.ceil(total / directoryPageSize));

  const rows: DirectoryRow[] = found.map((r) => {
    const nis = r.ownNis ?? r.firstSiteNis;
    const municipality = nis ? currentMunicipality(nis, now) : undefined;
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      umbrella: r.umbrella,
      municipalityName: municipality?.nameNl ?? null,
      province: municipality?.provinceCode ?? null,
      siteCount: Number(r.siteCount),
    };
  });
  return {
    rows,
    total,
    page: current,
    pages,
    pageSize: directoryPageSize,
    resolvedMunicipality,
  };
}
