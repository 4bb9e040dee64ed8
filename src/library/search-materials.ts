import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbExecutor } from "../db/client";
import { finalities, studyDomains, transitionAreas } from "../directory/model";
import { studyProgrammes } from "../directory/reference-data";
import {
  grades,
  type Licence,
  licences,
  type Maturity,
  materialLanguages,
  maturities,
  resourceTypes,
} from "./model";

// The commons' search (a read-only query, not a use case; ADR 0018). Dutch full text over the
// public current versions (title and keywords A, description B, file text C), with what the
// `dutch` stemmer alone misses made up for: the last word also as a prefix (people stop
// typing), a query word split into two known-looking parts (`lasrobot` finds `las robot`), and
// trigram word similarity on title and keywords (typos). Facets are counted with the other
// facets' filters applied, so every count says what ticking that box would give. Everything
// comes from URL parameters, validated one by one: an unknown value is ignored and reported.

export const libraryPageSize = 20;
/** Longer search terms are cut here: no title is this long. */
export const maxLibraryQueryLength = 200;
/** At most this many words of a query take part; the rest is pasted text, not a search. */
const maxQueryWords = 10;

const programmeCodes = studyProgrammes.map((p) => p.code);

/** The facets, keyed by their English names, with their URL parameter and their values. */
export const libraryFacets = {
  domain: { param: "domein", values: studyDomains, column: "study_domains", array: true },
  finality: { param: "finaliteit", values: finalities, column: "finalities", array: true },
  grade: { param: "graad", values: grades, column: "grades", array: true },
  programme: { param: "opleiding", values: programmeCodes, column: "programme_codes", array: true },
  transitionArea: {
    param: "transitie",
    values: transitionAreas,
    column: "transition_areas",
    array: true,
  },
  resourceType: { param: "type", values: resourceTypes, column: "resource_types", array: true },
  licence: { param: "licentie", values: licences, column: "licence", array: false },
  maturity: { param: "maturiteit", values: maturities, column: "maturity", array: false },
  language: { param: "taal", values: materialLanguages, column: "language", array: false },
} as const satisfies Record<
  string,
  { param: string; values: readonly string[]; column: string; array: boolean }
>;
export type LibraryFacet = keyof typeof libraryFacets;
export const libraryFacetNames = Object.keys(libraryFacets) as LibraryFacet[];

export const librarySorts = ["relevance", "newest"] as const;
export type LibrarySort = (typeof librarySorts)[number];

export interface LibrarySearch {
  query?: string;
  /** Chosen values per facet: any of a facet's values, and every facet. */
  filters: Partial<Record<LibraryFacet, string[]>>;
  sort: LibrarySort;
  page: number;
}

export interface ParsedLibrarySearch {
  search: LibrarySearch;
  /** URL parameters whose value was not understood and therefore left out. */
  ignored: string[];
  /** The search term was longer than maxLibraryQueryLength and was cut. */
  queryTruncated: boolean;
}

const sortParam = z.enum(["relevantie", "nieuwste"]);

/** Reads the search from URL parameters (Dutch names); never throws. */
export function parseLibrarySearch(params: URLSearchParams): ParsedLibrarySearch {
  const ignored: string[] = [];
  let query = params.get("q") ?? undefined;
  let queryTruncated = false;
  if (query !== undefined && query.length > maxLibraryQueryLength) {
    query = query.slice(0, maxLibraryQueryLength);
    queryTruncated = true;
  }
  query = query?.replace(/\p{Cc}/gu, " ").trim() || undefined;
  const filters: LibrarySearch["filters"] = {};
  for (const name of libraryFacetNames) {
    const { param, values } = libraryFacets[name];
    const known = new Set<string>(values);
    // A repeated parameter is several boxes ticked; at most every value once.
    const given = [...new Set(params.getAll(param).filter((v) => v !== ""))];
    const chosen = given.filter((v) => known.has(v));
    if (chosen.length < given.length) ignored.push(param);
    if (chosen.length) filters[name] = chosen;
  }
  const sortRaw = params.get("sorteer");
  const sortParsed = sortParam.safeParse(sortRaw ?? undefined);
  if (sortRaw && !sortParsed.success) ignored.push("sorteer");
  // Without a search term there is nothing to be relevant to: newest first.
  const sort: LibrarySort =
    query && !(sortParsed.success && sortParsed.data === "nieuwste") ? "relevance" : "newest";
  const pageRaw = params.get("pagina");
  const pageParam = Number(pageRaw ?? "1");
  const pageOk = Number.isSafeInteger(pageParam) && pageParam >= 1;
  if (pageRaw && !pageOk) ignored.push("pagina");
  return {
    search: { query, filters, sort, page: pageOk ? Math.min(pageParam, 100_000) : 1 },
    ignored,
    queryTruncated,
  };
}

/** The URL parameters of a search (the inverse of parseLibrarySearch), for links and forms. */
export function librarySearchParams(search: LibrarySearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.query) params.set("q", search.query);
  for (const name of libraryFacetNames) {
    for (const value of search.filters[name] ?? []) params.append(libraryFacets[name].param, value);
  }
  if (search.query && search.sort === "newest") params.set("sorteer", "nieuwste");
  if (search.page > 1) params.set("pagina", String(search.page));
  return params;
}

/** The compensations for the `dutch` stemmer's gaps; the relevance bench switches them off. */
export interface LibraryRanking {
  prefix: boolean;
  decompound: boolean;
  trigram: boolean;
}
export const defaultRanking: LibraryRanking = { prefix: true, decompound: true, trigram: true };

/** Lower case without accents, as library_fold does in the database. */
export function foldText(value: string): string {
  return value.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
}

/** Dutch stop words of three letters or more: never a part of a split compound. */
const stopParts = new Set(
  "aan als ben bij dan dat die dit door een eens geen had heb hem het hier hij hoe hun iets zijn kan men met mij nog ook over reeds tot uit van veel voor was wat wel wie wij zal zich zij zou zonder naar maar".split(
    " ",
  ),
);

/**
 * A `to_tsquery` text built from letters and digits only (nothing of the query's own syntax
 * reaches the parser): every word must match, by its Dutch stem, or for the last word also as
 * a prefix, or as two parts of a compound found next to each other in any order.
 */
export function materialTsQuery(query: string, ranking: LibraryRanking): string | null {
  const words = [...new Set(foldText(query).match(/[\p{L}\p{N}]+/gu) ?? [])].slice(
    0,
    maxQueryWords,
  );
  if (words.length === 0) return null;
  const terms = words.map((word, i) => {
    const options = [word];
    if (ranking.prefix && i === words.length - 1 && word.length >= 3) options.push(`${word}:*`);
    if (ranking.decompound && word.length >= 7 && word.length <= 30) {
      for (let cut = 3; cut <= word.length - 3; cut++) {
        const head = word.slice(0, cut);
        const tail = word.slice(cut);
        if (stopParts.has(head) || stopParts.has(tail)) continue;
        options.push(`(${head} & ${tail})`);
      }
    }
    return options.length === 1 ? word : `(${options.join(" | ")})`;
  });
  return terms.join(" & ");
}

/** A stretch of a snippet; `mark` when it matched the search. Text only, never HTML. */
export interface SnippetSegment {
  text: string;
  mark: boolean;
}

// ts_headline marks with these two control characters, which the search text never contains
// (they are taken out of the description first); the page turns them into <mark> elements.
const markStart = "\u0002";
const markEnd = "\u0003";
const headlineOptions = `StartSel=${markStart}, StopSel=${markEnd}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
/** Without a search term the snippet is the description's start, this long. */
const snippetLength = 240;

function splitOnce(value: string, separator: string): [string, string] {
  const at = value.indexOf(separator);
  return at < 0 ? [value, ""] : [value.slice(0, at), value.slice(at + separator.length)];
}

/** Splits a headline into plain and marked stretches. */
export function snippetSegments(headline: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  for (const [i, opened] of headline.split(markStart).entries()) {
    // Every piece after the first began with a start mark; its end mark closes it.
    const [inside, after] = i === 0 ? [null, opened] : splitOnce(opened, markEnd);
    if (inside) segments.push({ text: inside, mark: true });
    if (after) segments.push({ text: after, mark: false });
  }
  return segments;
}

export interface LibraryHit {
  id: string;
  title: string;
  snippet: SnippetSegment[];
  licence: Licence;
  maturity: Maturity;
  organisationName: string | null;
  publishedAt: Date | null;
}

export interface LibraryResult {
  hits: LibraryHit[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  /** Per facet, every value with the number of results ticking it would give (zeros left out). */
  facets: Record<LibraryFacet, Array<{ value: string; count: number }>>;
}

function facetCondition(name: LibraryFacet, values: string[]): SQL {
  const { column, array } = libraryFacets[name];
  const col = sql.raw(`v.${column}`);
  return array
    ? sql`${col} && ${sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`}`
    : sql`${col}::text in (${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`;
}

function all(conditions: SQL[]): SQL {
  return conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
}

/**
 * Searches the published materials: one statement for the page (with snippets), its total and
 * every facet's counts. `ranking` exists for the relevance bench; pages use the default.
 */
export async function searchMaterials(
  db: DbExecutor,
  search: LibrarySearch,
  options: { ranking?: LibraryRanking; pageSize?: number } = {},
): Promise<LibraryResult> {
  const ranking = options.ranking ?? defaultRanking;
  const pageSize = options.pageSize ?? libraryPageSize;
  const query = search.query
    ?.slice(0, maxLibraryQueryLength)
    .replace(/\p{Cc}/gu, " ")
    .trim();
  const tsText = query ? materialTsQuery(query, ranking) : null;
  const folded = query
    ? foldText(query)
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim()
    : "";
  const fuzzy = ranking.trigram && folded.length >= 3 && folded.length <= 60;

  const tsq = sql`to_tsquery('dutch', ${tsText ?? ""})`;
  // The matching versions with their rank. A word match (stem, prefix, compound) and a near
  // match (pg_trgm word similarity of at least 0.6 on title and keywords: a typo) are separate
  // branches, each able to use its own index; an OR of both in one condition made the planner
  // test the similarity on every row of the table. The near matches are read first (few, with
  // whether they are also a word match); the word branch adds their similarity to its
  // ts_rank_cd (length-normalised), the near branch keeps the rows that are no word match. A
  // near match weighs 0.05 × similarity, so a real word match outranks it. Without words every
  // published version takes part.
  const columns = sql.raw(
    "v.id, v.material_id, v.licence, v.maturity, v.language, v.published_at, v.study_domains, v.finalities, v.grades, v.programme_codes, v.transition_areas, v.resource_types",
  );
  const nearColumns = sql.raw(
    "n.id, n.material_id, n.licence, n.maturity, n.language, n.published_at, n.study_domains, n.finalities, n.grades, n.programme_codes, n.transition_areas, n.resource_types",
  );
  const near = fuzzy
    ? sql`near as materialized (
        select ${columns}, word_similarity(${folded}, v.search_words) as similarity,
          ${tsText ? sql`v.search_vector @@ ${tsq}` : sql`false`} as word_match
        from material_version v
        where v.state = 'published' and ${folded} <% v.search_words
      ),`
    : sql``;
  const branches: SQL[] = [];
  if (!query) {
    branches.push(
      sql`select ${columns}, 0::real as rank from material_version v where v.state = 'published'`,
    );
  }
  if (query && tsText) {
    branches.push(
      fuzzy
        ? sql`select ${columns}, ts_rank_cd(v.search_vector, ${tsq}, 1) + 0.05 * coalesce(n.similarity, 0) as rank
            from material_version v left join near n on n.id = v.id
            where v.state = 'published' and v.search_vector @@ ${tsq}`
        : sql`select ${columns}, ts_rank_cd(v.search_vector, ${tsq}, 1) as rank
            from material_version v where v.state = 'published' and v.search_vector @@ ${tsq}`,
    );
  }
  if (query && fuzzy) {
    branches.push(
      sql`select ${nearColumns}, 0.05 * n.similarity as rank from near n where not n.word_match`,
    );
  }
  const matched = branches.length
    ? sql.join(branches, sql` union all `)
    : sql`select ${columns}, 0::real as rank from material_version v where false`;

  const filtersExcept = (skip?: LibraryFacet) =>
    all(
      libraryFacetNames
        .filter((name) => name !== skip && search.filters[name]?.length)
        .map((name) => facetCondition(name, search.filters[name] ?? [])),
    );

  const facetCounts = libraryFacetNames.map((name) => {
    const { column, array } = libraryFacets[name];
    const value = array ? sql.raw(`unnest(v.${column})`) : sql.raw(`v.${column}::text`);
    return sql`select ${name}::text as facet, value, count(*)::int as n from (select ${value} as value from base v where ${filtersExcept(name)}) f group by value`;
  });

  const order =
    search.sort === "relevance" && query
      ? sql`rank desc, v.published_at desc, v.material_id`
      : sql`v.published_at desc, v.material_id`;
  const page = Math.min(Math.max(1, Math.floor(search.page)), 100_000);
  const offset = (page - 1) * pageSize;

  // The public current version of each material (material.current_version_id, published, the
  // material not withdrawn) that matches the words; facets and the page both read from it.
  const statement = sql`
    with ${near} matched as (${matched}),
    base as materialized (
      select r.*, m.organisation_id from matched r
      join material m on m.current_version_id = r.id
      where m.withdrawn_at is null
    ),
    -- Narrow rows in base (no text): the title and description are read for the page only.
    hits as (
      select p.*, t.title, t.description from (
        select v.* from base v
        where ${filtersExcept()}
        order by ${order}
        limit ${pageSize} offset ${offset}
      ) p join material_version t on t.id = p.id
    ),
    facets as (${sql.join(facetCounts, sql` union all `)})
    select
      (select coalesce(json_agg(json_build_object(
        'id', v.material_id, 'title', v.title, 'licence', v.licence, 'maturity', v.maturity,
        'publishedAt', v.published_at,
        'organisationName', (select o.name from organisation o where o.id = v.organisation_id),
        'snippet', ${
          tsText
            ? sql`ts_headline('dutch', translate(v.description, ${markStart + markEnd}, ''), ${tsq}, ${headlineOptions})`
            : sql`left(v.description, ${snippetLength + 1})`
        }
      ) order by ${order}), '[]') from hits v) as hits,
      (select coalesce(json_agg(json_build_object('facet', facet, 'value', value, 'n', n)), '[]')
        from facets) as facets,
      (select count(*) from base v where ${filtersExcept()})::int as total`;

  const { rows } = await db.execute<Record<string, unknown>>(statement);
  const row = rows[0] ?? {};
  const rawHits = (row.hits ?? []) as Array<Record<string, unknown>>;
  const rawFacets = (row.facets ?? []) as Array<{ facet: LibraryFacet; value: string; n: number }>;
  const total = Number(row.total ?? 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // Past the last page (an old link, an edited URL): the last page instead.
  if (rawHits.length === 0 && page > pages) {
    return searchMaterials(db, { ...search, page: pages }, options);
  }

  const facets = Object.fromEntries(
    libraryFacetNames.map((name) => [name, [] as Array<{ value: string; count: number }>]),
  ) as LibraryResult["facets"];
  for (const f of rawFacets) {
    if (f.value !== null && facets[f.facet]) facets[f.facet].push({ value: f.value, count: f.n });
  }
  for (const name of libraryFacetNames) {
    const orderOf = new Map<string, number>(libraryFacets[name].values.map((v, i) => [v, i]));
    facets[name].sort((a, b) => (orderOf.get(a.value) ?? 999) - (orderOf.get(b.value) ?? 999));
  }

  const hits: LibraryHit[] = rawHits.map((h) => {
    const description = String(h.snippet ?? "");
    return {
      id: String(h.id),
      title: String(h.title),
      snippet: tsText
        ? snippetSegments(description)
        : [
            {
              text:
                description.length > snippetLength
                  ? `${description.slice(0, snippetLength)}…`
                  : description,
              mark: false,
            },
          ],
      licence: h.licence as Licence,
      maturity: h.maturity as Maturity,
      organisationName: (h.organisationName as string | null) ?? null,
      publishedAt: h.publishedAt ? new Date(String(h.publishedAt)) : null,
    };
  });
  return {
    hits,
    total,
    page,
    pages,
    pageSize,
    facets,
  };
}
