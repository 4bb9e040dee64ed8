import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbExecutor } from "../db/client";
import { finalities, studyDomains, transitionAreas } from "../directory/model";
import { studyProgrammes } from "../directory/reference-data";
import { baseForm, isWholeWord, splitCompound } from "./compound-words";
import {
  grades,
  type Licence,
  licences,
  type Maturity,
  materialLanguages,
  maturities,
  resourceTypes,
} from "./model";
import { synonymGroups } from "./search-synonyms";

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

/** The ways the search goes beyond plain stemming; the relevance bench switches them off. */
export interface LibraryRanking {
  /** The last word also as a prefix (people stop typing). */
  prefix: boolean;
  /** Compounds split on the query side (the material side is always indexed). */
  decompound: boolean;
  /** Trigram similarity for a word nothing matches (a typo). */
  trigram: boolean;
  /** Synonyms, Flemish and Netherlands variants, English terms (search-synonyms.ts). */
  synonyms: boolean;
  /** Rank by how much of the query a material covers instead of requiring every word. */
  anyWord: boolean;
}
export const defaultRanking: LibraryRanking = {
  prefix: true,
  decompound: true,
  trigram: true,
  synonyms: true,
  anyWord: true,
};

/** Lower case without accents, as library_fold does in the database. */
export function foldText(value: string): string {
  return value.toLowerCase().replace(/ĳ/g, "ij").normalize("NFD").replace(/\p{M}/gu, "");
}

/** The words of a text as the search sees them: folded letters and digits. */
function wordsOf(value: string): string[] {
  return foldText(value).match(/[\p{L}\p{N}]+/gu) ?? [];
}

// The `dutch` configuration's stop words (PostgreSQL's dutch.stop): they match nothing, so a
// query concept made of them only is left out instead of counting as a word no material covers.
const stopWords = new Set(
  "aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou".split(
    " ",
  ),
);

/** One thing the teacher asked for: a word or a phrase, with the ways a material may say it. */
export interface QueryConcept {
  /** The query's own words of this concept. */
  words: string[];
  /** A `to_tsquery` text, letters and digits only: the alternatives OR-ed. */
  tsquery: string;
  /** The word for a trigram match when nothing matches it (one word of four letters or more). */
  fuzzy: string | null;
  /**
   * For a compound nothing matches whole or by all its parts together: each part on its own (a
   * `to_tsquery` text per part: the part, as a prefix, and its synonyms), so `bandenwissel` finds
   * "banden wisselen" and `gezichtsverzorging` finds `gelaatsverzorging` (ADR 0026, round 2).
   */
  partQueries: string[];
}

const phrase = (words: readonly string[]) =>
  words.length === 1 ? (words[0] as string) : `(${words.join(" & ")})`;

/** Synonym terms by their first word: each term as words, with the other terms of its group. */
const synonymIndex = new Map<string, Array<{ words: string[]; group: string[][] }>>();
for (const group of synonymGroups) {
  const terms = group.terms.map(wordsOf).filter((t) => t.length > 0);
  for (const term of terms) {
    const first = term[0] as string;
    synonymIndex.set(first, [...(synonymIndex.get(first) ?? []), { words: term, group: terms }]);
  }
}

/**
 * The query as concepts (ADR 0026). Each word, or a phrase of the synonym list, is one concept;
 * its alternatives are the word (by its Dutch stem), for the last word also the prefix, the parts
 * of a compound found together (`kraanmachinist`: `kraan & machinist`), and the other terms of
 * its synonym group (`gsm | smartphone`). Nothing of `to_tsquery`'s syntax reaches the parser.
 */
export function queryConcepts(query: string, ranking: LibraryRanking): QueryConcept[] {
  const words = [...new Set(wordsOf(query))].slice(0, maxQueryWords);
  const concepts: QueryConcept[] = [];
  for (let i = 0; i < words.length; ) {
    let taken = 1;
    let group: string[][] = [];
    if (ranking.synonyms) {
      // The longest synonym term that starts here.
      for (const entry of synonymIndex.get(words[i] as string) ?? []) {
        const n = entry.words.length;
        if (n >= taken && entry.words.every((w, k) => words[i + k] === w)) {
          taken = n;
          group = entry.group;
        }
      }
    }
    const own = words.slice(i, i + taken);
    i += taken;
    const meaningful = own.filter((w) => !stopWords.has(w));
    if (meaningful.length === 0) continue;
    const options = new Set<string>([phrase(meaningful)]);
    for (const term of group) options.add(phrase(term.filter((w) => !stopWords.has(w))));
    if (own.length === 1) {
      const word = own[0] as string;
      // An unfinished last word (`warmtep`) as a prefix; a whole word is not, because a prefix
      // makes the index read every word it begins (`lassen:*`), for matches the stem and the
      // compound parts already find.
      if (ranking.prefix && i === words.length && word.length >= 3 && !isWholeWord(word))
        options.add(`${word}:*`);
      if (ranking.decompound) {
        const parts = splitCompound(word);
        if (parts) options.add(phrase(parts));
        // The dictionary form when the Dutch stemmer leaves the inflection (diminutives:
        // `werkblaadjes` is `werkblad`).
        const base = baseForm(word);
        if (base && base !== word) options.add(base);
      }
    }
    options.delete("");
    const fuzzy = own.length === 1 && (own[0] as string).length >= 4 ? (own[0] as string) : null;
    const parts = ranking.decompound && own.length === 1 ? splitCompound(own[0] as string) : null;
    const partQueries = (parts ?? []).map((part) => partQuery(part, ranking));
    concepts.push({ words: own, tsquery: [...options].join(" | "), fuzzy, partQueries });
  }
  return concepts;
}

/**
 * One compound part as a `to_tsquery` text: the part by its stem, as a prefix when it is long
 * enough to be selective (`wissel` finds `wisselen`, `opwarming` finds `opwarmings`), and the
 * other terms of a synonym group of one word it belongs to (`gezicht | gelaat`).
 */
function partQuery(part: string, ranking: LibraryRanking): string {
  const options = new Set<string>([part]);
  if (ranking.prefix && part.length >= 4) options.add(`${part}:*`);
  if (ranking.synonyms) {
    for (const entry of synonymIndex.get(part) ?? []) {
      if (entry.words.length !== 1) continue;
      for (const term of entry.group) {
        const meaningful = term.filter((w) => !stopWords.has(w));
        if (meaningful.length) options.add(phrase(meaningful));
      }
    }
  }
  return [...options].join(" | ");
}

/** Every concept's alternatives in one `to_tsquery` text: what a material must match one of. */
export function materialTsQuery(query: string, ranking: LibraryRanking): string | null {
  const concepts = queryConcepts(query, ranking);
  if (concepts.length === 0) return null;
  const grouped = concepts.map((c) => (c.tsquery.includes(" | ") ? `(${c.tsquery})` : c.tsquery));
  return grouped.join(ranking.anyWord ? " | " : " & ");
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
  /** Nothing matched the query; the hits are the materials whose titles come nearest to it. */
  nearest: boolean;
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

function any(conditions: SQL[]): SQL {
  return conditions.length ? sql`(${sql.join(conditions, sql` or `)})` : sql`false`;
}

/** A fuzzy word counts as half a match at most: a real word match outranks a typo forgiven. */
const fuzzyWeight = 0.5;
/** A compound found by some of its parts only counts for that share of its parts, at most this. */
const partWeight = 0.75;
/**
 * The trigram word similarity a typo needs when its concept matches nothing by its words, parts
 * or synonyms: lower than pg_trgm's 0.6 (`phising` is 0.545 of `phishing`), because the run
 * happens only when the word found nothing at all, and its matches rank by their similarity.
 */
const typoThreshold = 0.45;
/** The last resort's floor: below it a title shares no more with the query than chance. */
const nearestThreshold = 0.3;

/** How a run matches: by words only, with fallbacks for the concepts that found nothing, or nearest. */
interface SearchMode {
  /** Concepts (by index) no material matched by their words: parts and typos are tried. */
  unmatched: Set<number>;
  /** The whole folded query, when nothing matched anything: the nearest titles by trigram. */
  nearest: string | null;
}

/** One run of the search statement. */
async function runSearch(
  db: DbExecutor,
  search: LibrarySearch,
  concepts: QueryConcept[],
  tsText: string | null,
  page: number,
  pageSize: number,
  mode: SearchMode,
  anyWord: boolean,
): Promise<Record<string, unknown>> {
  const { unmatched, nearest } = mode;
  const query = concepts.length > 0;
  const tsq = sql`to_tsquery('dutch', ${tsText ?? ""})`;
  const typo = (c: QueryConcept) => sql`${c.fuzzy} <% v.search_words`;
  const partsOf = (c: QueryConcept) =>
    sql`to_tsquery('dutch', ${c.partQueries.map((q) => `(${q})`).join(" | ")})`;
  const conceptMatch = (c: QueryConcept, i: number) => {
    const word = sql`(v.search_vector @@ to_tsquery('dutch', ${c.tsquery}))::int::real`;
    if (!unmatched.has(i)) return word;
    const alternatives = [word];
    if (c.partQueries.length)
      alternatives.push(
        sql`${partWeight}::real * (${sql.join(
          c.partQueries.map((q) => sql`(v.search_vector @@ to_tsquery('dutch', ${q}))::int`),
          sql` + `,
        )}) / ${c.partQueries.length}::real`,
      );
    if (c.fuzzy)
      alternatives.push(
        sql`case when ${typo(c)} then ${fuzzyWeight}::real * word_similarity(${c.fuzzy}, v.search_words) else 0 end`,
      );
    return alternatives.length === 1 ? word : sql`greatest(${sql.join(alternatives, sql`, `)})`;
  };
  // A concept's fallbacks, each able to use a GIN index: any of its parts (search_vector) and
  // trigram similarity of title and keywords (search_words).
  const fallbacks = (c: QueryConcept, i: number) =>
    unmatched.has(i)
      ? [
          ...(c.partQueries.length ? [sql`v.search_vector @@ ${partsOf(c)}`] : []),
          ...(c.fuzzy ? [typo(c)] : []),
        ]
      : [];

  // What a material must match: any concept (or every one without anyWord), by its words, or
  // for a concept nothing matches by its words, by some of its compound parts or by trigram
  // similarity of title and keywords; as a last resort, the whole query's trigram similarity.
  // Each alternative can use its own GIN index (a BitmapOr); the facet filters are applied
  // here too, before anything is ranked, except that a row failing a single facet's filter is
  // kept for that facet's counts (what ticking the box would give).
  const matchCondition = !query
    ? sql`true`
    : nearest
      ? sql`${nearest} <% v.search_words`
      : !tsText
        ? sql`false`
        : anyWord
          ? any([sql`v.search_vector @@ ${tsq}`, ...concepts.flatMap(fallbacks)])
          : all(
              concepts.map((c, i) =>
                any([
                  sql`v.search_vector @@ to_tsquery('dutch', ${c.tsquery})`,
                  ...fallbacks(c, i),
                ]),
              ),
            );

  const filtered = libraryFacetNames.filter((name) => search.filters[name]?.length);
  const flag = (name: LibraryFacet) => sql.raw(`pass_${name}`);
  const flags = filtered.map(
    (name) => sql`${facetCondition(name, search.filters[name] ?? [])} as ${flag(name)}`,
  );
  const passes = (skip?: LibraryFacet) =>
    all(filtered.filter((name) => name !== skip).map((name) => sql`b.${flag(name)}`));
  const failedAtMostOne = filtered.length
    ? sql`(${sql.join(
        filtered.map(
          (name) =>
            sql`(not coalesce(${facetCondition(name, search.filters[name] ?? [])}, false))::int`,
        ),
        sql` + `,
      )}) <= 1`
    : sql`true`;

  // Without words and with one facet filtered, that facet's counts are the front page's (the
  // other facets' filters are none), so only the rows passing the filter are read.
  const soleFilter = !query && filtered.length === 1 ? filtered[0] : undefined;
  const facetCounts = libraryFacetNames.map((name) => {
    if (name === soleFilter)
      return sql`select facet, value, n from library_facet_count where facet = ${name} and n > 0`;
    const { column, array } = libraryFacets[name];
    const value = array ? sql.raw(`unnest(b.${column})`) : sql.raw(`b.${column}::text`);
    return sql`select ${name}::text as facet, value, count(*)::int as n from (select ${value} as value from base b where ${passes(name)}) f group by value`;
  });

  const relevance = search.sort === "relevance" && query && tsText;
  // Per concept how well the row matches it (1 by its words, fuzzyWeight by trigram), in the
  // scan that finds the row; the coverage is their mean, and whether any row matched a concept
  // tells which concepts need the trigram run.
  const conceptColumns = concepts.map((c, i) => sql`${conceptMatch(c, i)} as ${sql.raw(`m${i}`)}`);
  // The last resort ranks by how much of the whole query a title or keyword resembles.
  if (nearest) conceptColumns.push(sql`word_similarity(${nearest}, v.search_words) as near`);
  const coverage = nearest
    ? sql`b.near`
    : concepts.length
      ? sql`(${sql.join(
          concepts.map((_, i) => sql.raw(`b.m${i}`)),
          sql` + `,
        )}) / ${concepts.length}::real`
      : sql`0::real`;
  const matchedConcepts = concepts.length
    ? sql`(select array[${sql.join(
        concepts.map((_, i) => sql.raw(`coalesce(bool_or(b.m${i} > 0), false)`)),
        sql`, `,
      )}] from base b)`
    : sql`array[]::boolean[]`;
  const order = relevance
    ? sql`coverage desc, rank desc, published_at desc, material_id`
    : sql`published_at desc, material_id`;
  // The rank needs the search vector: read in the index scan that finds the row when every match
  // is a candidate for the page (no filters), instead of reading each row a second time.
  const rankColumn = relevance
    ? sql`ts_rank_cd(v.search_vector, ${tsq}, 1) as rank`
    : sql`0::real as rank`;
  const rankInBase = relevance && filtered.length === 0;
  const offset = (page - 1) * pageSize;

  // The public current version of each material (material.current_version_id, published, the
  // material not withdrawn) that matches: narrow rows (no text) for the facets and the total;
  // only the rows that pass every filter are ranked (coverage, then ts_rank_cd), and only the
  // page's rows are read whole for title and snippet.
  const pageRows = (facets: SQL, total: SQL, matched: SQL) => sql`
    facets as (${facets})
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
      ${total} as total,
      ${matched} as matched`;

  // The front page (no words, no filters), the most visited: the newest public versions through
  // the published_at index, and the counts kept by the triggers of migration 0022.
  const frontPage = !query && filtered.length === 0;
  const statement = frontPage
    ? sql`
    with hits as (
      select v.id, v.material_id, v.published_at, m.organisation_id, v.title, v.description,
        v.licence, v.maturity
      from material_version v join material m on m.id = v.material_id
      where v.is_public
      order by ${order}
      limit ${pageSize} offset ${offset}
    ),
    ${pageRows(
      sql`select facet, value, n from library_facet_count where facet <> 'total' and n > 0`,
      sql`coalesce((select n from library_facet_count where facet = 'total' and value = ''), 0)`,
      sql`array[]::boolean[]`,
    )}`
    : sql`
    with base as materialized (
      select v.id, v.material_id, v.licence, v.maturity, v.language, v.published_at,
        v.study_domains, v.finalities, v.grades, v.programme_codes, v.transition_areas,
        v.resource_types${flags.length ? sql`, ${sql.join(flags, sql`, `)}` : sql``}${conceptColumns.length ? sql`, ${sql.join(conceptColumns, sql`, `)}` : sql``}${rankInBase ? sql`, ${rankColumn}` : sql``}
      from material_version v
      where v.is_public and ${matchCondition}
        and ${soleFilter ? facetCondition(soleFilter, search.filters[soleFilter] ?? []) : failedAtMostOne}
    ),
    ranked as (
      select b.id, b.material_id, b.published_at, ${relevance ? coverage : sql`0::real`} as coverage,
        ${rankInBase ? sql`b.rank` : rankColumn}
      from base b ${relevance && !rankInBase ? sql`join material_version v on v.id = b.id` : sql``}
      where ${passes()}
      order by ${order}
      limit ${pageSize} offset ${offset}
    ),
    hits as (
      select r.*, t.title, t.description, t.licence, t.maturity, m.organisation_id
      from ranked r join material_version t on t.id = r.id join material m on m.id = t.material_id
    ),
    ${pageRows(
      sql.join(facetCounts, sql` union all `),
      sql`(select count(*) from base b where ${passes()})::int`,
      matchedConcepts,
    )}`;

  // JIT compilation costs PostgreSQL more than this statement runs (200 ms seen in the plans).
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    // The matches are read once into the statement's working set and scanned again for the
    // page, every facet and the total: in memory, not in temporary files (4 MB by default holds
    // about 15,000 of them; 32 MB holds the 39,400 of a search for two common words).
    await tx.execute(sql`set local work_mem = '32MB'`);
    // `<%` reads its threshold from this setting; local to the transaction, so only this run's.
    if (nearest || unmatched.size)
      await tx.execute(
        sql`select set_config('pg_trgm.word_similarity_threshold', ${String(nearest ? nearestThreshold : typoThreshold)}, true)`,
      );
    return (await tx.execute<Record<string, unknown>>(statement)).rows;
  });
  return rows[0] ?? {};
}

/**
 * Searches the published materials: one statement for the page (with snippets), its total and
 * every facet's counts (ADR 0018, ADR 0026). `ranking` exists for the relevance bench; pages use
 * the default.
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
  const concepts = query ? queryConcepts(query, ranking) : [];
  const tsText = query ? materialTsQuery(query, ranking) : null;
  const page = Math.min(Math.max(1, Math.floor(search.page)), 100_000);
  // First by the words alone; a concept that no public material matches (a typo, a compound the
  // materials never write whole, a word the commons lacks) is then matched by some of its
  // compound parts and by trigram similarity instead, in a second run: the fallbacks cost only
  // the searches that need them. When even that finds nothing, the titles nearest to the whole
  // query by trigram similarity, said so on the page: a teacher always gets something to look at.
  const run = (fallback: { unmatched: Set<number>; nearest: string | null }) =>
    runSearch(db, search, concepts, tsText, page, pageSize, fallback, ranking.anyWord);
  let row = await run({ unmatched: new Set(), nearest: null });
  const matched = (row.matched ?? []) as boolean[];
  const unmatched = new Set(
    concepts.flatMap((c, i) =>
      !matched[i] && ((ranking.trigram && c.fuzzy) || c.partQueries.length) ? [i] : [],
    ),
  );
  if (unmatched.size) row = await run({ unmatched, nearest: null });
  let nearest = false;
  if (Number(row.total ?? 0) === 0 && concepts.length > 0 && ranking.trigram) {
    row = await run({ unmatched: new Set(), nearest: concepts.flatMap((c) => c.words).join(" ") });
    nearest = Number(row.total ?? 0) > 0;
  }
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
    nearest,
  };
}
