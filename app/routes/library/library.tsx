import { useEffect, useRef } from "react";
import { Form, href, Link, useSearchParams } from "react-router";
import { studyProgrammes } from "../../../src/directory/reference-data";
import type { MessageKey } from "../../../src/i18n/translate";
import { listOwnMaterials } from "../../../src/library/list-materials";
import { libraryPolicy } from "../../../src/library/policy";
import {
  type LibraryFacet,
  libraryFacetNames,
  libraryFacets,
  maxLibraryQueryLength,
  parseLibrarySearch,
  searchMaterials,
} from "../../../src/library/search-materials";
import { organisationsWhere } from "../../../src/platform/policy";
import { formatBrusselsDate } from "../../../src/platform/time";
import { EmptyState, FlashNotice, PageHeader, Pagination } from "../../components/page";
import { getActor } from "../../lib/actor.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/library";

// The commons' front page is its search (ADR 0018): a plain GET form with a search box, facet
// checkboxes with counts and the sort, results with marked snippets, pages; every search has its
// own URL. A signed-in maker also sees their own materials with the state of the latest version.

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "library.title");

const programmeNames = new Map(studyProgrammes.map((p) => [p.code, p.name]));

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await getActor(request);
  const { database } = await services();
  const { search, ignored, queryTruncated } = parseLibrarySearch(new URL(request.url).searchParams);
  const result = await searchMaterials(database.db, search);
  const canPublish = organisationsWhere(actor, libraryPolicy.createMaterial).length > 0;
  const own = actor ? await listOwnMaterials(database.db, actor) : [];
  return {
    search,
    ignored,
    queryTruncated,
    result: {
      ...result,
      hits: result.hits.map((h) => ({ ...h, publishedAt: h.publishedAt?.toISOString() ?? null })),
    },
    canPublish,
    own,
    // The facets' parameters and values and the query's limit as data, so the page needs no
    // import of the search module (and with it zod and the SQL builder) in the browser.
    facets: Object.fromEntries(
      libraryFacetNames.map((f) => [
        f,
        { param: libraryFacets[f].param, values: [...libraryFacets[f].values] as string[] },
      ]),
    ) as Record<LibraryFacet, { param: string; values: string[] }>,
    maxQueryLength: maxLibraryQueryLength,
  };
}

export default function Library({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale === "en" ? "en-GB" : "nl-BE");
  const [searchParams] = useSearchParams();
  const { own, result, search, facets, maxQueryLength } = loaderData;
  const facetNames = Object.keys(facets) as LibraryFacet[];
  const query = searchParams.toString();
  const resultsTitle = useRef<HTMLHeadingElement>(null);
  const shownQuery = useRef(query);
  useEffect(() => {
    // After a search in the browser the form is rebuilt, so the focused field is gone and
    // focus would fall back to the top of the page: put it on the results.
    if (shownQuery.current === query) return;
    shownQuery.current = query;
    const focused = document.activeElement;
    if (!focused || focused === document.body) resultsTitle.current?.focus();
  }, [query]);
  const filtered = !!search.query || Object.keys(search.filters).length > 0;
  const labelOf = (facet: LibraryFacet, value: string) =>
    facet === "programme" ? (programmeNames.get(value) ?? value) : t(facetValueKey[facet](value));
  const paramLabels = Object.fromEntries(
    facetNames.map((f) => [facets[f].param, t(facetTitleKey[f])]),
  ) as Record<string, string>;
  paramLabels.sorteer = t("library.search.sort");
  paramLabels.pagina = t("library.search.page");
  return (
    <>
      <PageHeader
        title={t("library.title")}
        lead={t("library.lead")}
        actions={
          loaderData.canPublish && (
            <Link to={href("/bibliotheek/nieuw")} className="button">
              {t("library.publish")}
            </Link>
          )
        }
      />
      <FlashNotice />
      {own.length > 0 && (
        <section aria-labelledby="eigen">
          <h2 id="eigen">{t("library.ownTitle")}</h2>
          <ul className="plain-list">
            {own.map((m) => (
              <li key={m.id}>
                <Link
                  to={`${href("/bibliotheek/:materialId", { materialId: m.id })}?versie=${m.number}`}
                >
                  {m.title}
                </Link>{" "}
                <span className="tag">
                  {t("library.versionShort", { number: m.number })}: {t(`library.state.${m.state}`)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {/* A plain GET form: works without JavaScript, and every result page has its own URL.
          A new key per query, so the fields show the current search after each one. */}
      <Form method="get" action={href("/bibliotheek")} key={query} className="library-search">
        <search className="field">
          <label htmlFor="library-q">{t("library.search.query")}</label>
          <p className="field__hint" id="library-q-hint">
            {t("library.search.queryHint")}
          </p>
          <div className="button-row">
            <input
              id="library-q"
              name="q"
              type="search"
              defaultValue={search.query ?? ""}
              aria-describedby="library-q-hint"
              maxLength={maxQueryLength}
              className="input"
            />
            <button type="submit" className="button">
              {t("library.search.submit")}
            </button>
          </div>
        </search>
        <div className="layout-sidebar">
          <section className="filters" aria-labelledby="filters-title">
            <h2 id="filters-title">{t("library.search.filters")}</h2>
            <div className="field">
              <label htmlFor="library-sort">{t("library.search.sort")}</label>
              <select
                id="library-sort"
                name="sorteer"
                defaultValue={search.sort === "newest" ? "nieuwste" : "relevantie"}
                className="input input--full"
              >
                <option value="relevantie">{t("library.search.sortRelevance")}</option>
                <option value="nieuwste">{t("library.search.sortNewest")}</option>
              </select>
            </div>
            {facetNames.map((facet) => {
              const chosen = new Set(search.filters[facet] ?? []);
              const counts = new Map(result.facets[facet].map((f) => [f.value, f.count]));
              // Values with results, and the ticked ones even when they have none left.
              const values = facets[facet].values.filter((v) => counts.has(v) || chosen.has(v));
              if (values.length === 0) return null;
              return (
                <fieldset key={facet} className="field">
                  <legend>{t(facetTitleKey[facet])}</legend>
                  {values.map((value) => (
                    <label className="checkbox" key={value}>
                      <input
                        type="checkbox"
                        name={facets[facet].param}
                        value={value}
                        defaultChecked={chosen.has(value)}
                      />
                      <span>
                        {labelOf(facet, value)}{" "}
                        <span className="muted">({number.format(counts.get(value) ?? 0)})</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
              );
            })}
            <div className="button-row">
              <button type="submit" className="button">
                {t("library.search.apply")}
              </button>
              <Link to={href("/bibliotheek")}>{t("library.search.reset")}</Link>
            </div>
          </section>

          <section aria-labelledby="results-title">
            <h2 id="results-title" aria-live="polite" tabIndex={-1} ref={resultsTitle}>
              {t("library.search.results", { count: result.total })}
            </h2>
            {loaderData.ignored.map((param) => (
              <p className="notice notice--warning" key={param}>
                {t("library.search.ignored", { filter: paramLabels[param] ?? param })}
              </p>
            ))}
            {loaderData.queryTruncated && (
              <p className="notice notice--warning">
                {t("library.search.queryTruncated", { max: maxQueryLength })}
              </p>
            )}
            {result.nearest && <p className="notice notice--info">{t("library.search.nearest")}</p>}
            {result.hits.length === 0 ? (
              <EmptyState title={filtered ? t("library.search.none") : t("library.none")}>
                {filtered && <Link to={href("/bibliotheek")}>{t("library.search.reset")}</Link>}
              </EmptyState>
            ) : (
              <ul className="call-list material-list">
                {result.hits.map((m) => (
                  <li key={m.id} className="card">
                    <h3>
                      <Link to={href("/bibliotheek/:materialId", { materialId: m.id })}>
                        {m.title}
                      </Link>
                    </h3>
                    <p>
                      {/* Text segments, never HTML: the marks are elements React builds. */}
                      {m.snippet.map((s, i) =>
                        s.mark ? (
                          // biome-ignore lint/suspicious/noArrayIndexKey: segments never move
                          <mark key={i}>{s.text}</mark>
                        ) : (
                          // biome-ignore lint/suspicious/noArrayIndexKey: segments never move
                          <span key={i}>{s.text}</span>
                        ),
                      )}
                    </p>
                    <p className="muted">
                      {[
                        m.organisationName,
                        t(`library.licence.${m.licence}`),
                        t(`library.maturity.${m.maturity}`),
                        m.publishedAt ? formatBrusselsDate(new Date(m.publishedAt), locale) : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <Pagination page={result.page} pages={result.pages} searchParams={searchParams} />
          </section>
        </div>
      </Form>
      {/* Plain links: both are files for machines, served by resource routes. */}
      <p className="muted">
        {t("library.harvest.lead")}{" "}
        <a href={href("/bibliotheek/export.json")}>{t("library.harvest.json")}</a>
        {" · "}
        <a href={`${href("/oai")}?verb=Identify`}>{t("library.harvest.oai")}</a>
      </p>
    </>
  );
}

const facetTitleKey: Record<LibraryFacet, MessageKey> = {
  domain: "library.field.studyDomains",
  finality: "library.field.finalities",
  grade: "library.field.grades",
  programme: "library.field.programmeCodes",
  transitionArea: "library.field.transitionAreas",
  resourceType: "library.field.resourceTypes",
  licence: "library.field.licence",
  maturity: "library.field.maturity",
  language: "library.field.language",
};

// The catalogue key of a facet's value (programmes are named by the reference data instead).
const facetValueKey: Record<LibraryFacet, (v: string) => MessageKey> = {
  domain: (v) => `domain.${v}` as MessageKey,
  finality: (v) => `finality.${v}` as MessageKey,
  grade: (v) => `library.grade.${v}` as MessageKey,
  programme: (v) => v as MessageKey,
  transitionArea: (v) => `transitionArea.${v}` as MessageKey,
  resourceType: (v) => `library.resourceType.${v}` as MessageKey,
  licence: (v) => `library.licence.${v}` as MessageKey,
  maturity: (v) => `library.maturity.${v}` as MessageKey,
  language: (v) => `library.language.${v}` as MessageKey,
};
