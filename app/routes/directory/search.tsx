import { useEffect, useRef } from "react";
import { Form, href, Link, useSearchParams } from "react-router";
import {
  finalities,
  organisationKinds,
  provinces,
  studyDomains,
  umbrellaOrganisations,
} from "../../../src/directory/model";
import { municipalityOptions } from "../../../src/directory/municipality-options";
import { directoryPolicy } from "../../../src/directory/policy";
import {
  anyPartner,
  directoryParams,
  maxQueryLength,
  parseDirectoryQuery,
  searchDirectory,
} from "../../../src/directory/search-directory";
import { EmptyState, FlashNotice, PageHeader, Pagination } from "../../components/page";
import { TableRegion } from "../../components/table";
import { forbidden, getActor } from "../../lib/actor.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/search";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "directory.title");

export async function loader({ request }: Route.LoaderArgs) {
  if (!directoryPolicy.searchDirectory(await getActor(request))) forbidden();
  const { filters, page, ignored, queryTruncated } = parseDirectoryQuery(
    new URL(request.url).searchParams,
  );
  const { database } = await services();
  const result = await searchDirectory(database.db, filters, page);
  // The form shows what is searched: an old municipality code shows as its successor.
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters))
    values[directoryParams[key as keyof typeof directoryParams]] = value;
  if (result.resolvedMunicipality) values.gemeente = result.resolvedMunicipality.toNis;
  return {
    values,
    filtered: Object.keys(filters).length > 0,
    ignored: ignored.map((key) => directoryParams[key]),
    queryTruncated,
    result,
    municipalities: municipalityOptions(),
    // As data, so the page needs no import of the search module (zod, the SQL builder).
    anyPartner,
    maxQueryLength,
  };
}

export default function DirectorySearch({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const { result, values } = loaderData;
  const query = searchParams.toString();
  const resultsTitle = useRef<HTMLHeadingElement>(null);
  const shownQuery = useRef(query);
  useEffect(() => {
    // After a search in the browser the form is rebuilt with the new values, so the focused
    // field is gone and focus would fall back to the top of the page: put it on the results.
    if (shownQuery.current === query) return;
    shownQuery.current = query;
    const focused = document.activeElement;
    if (!focused || focused === document.body) resultsTitle.current?.focus();
  }, [query]);
  const labels = {
    q: t("directory.query"),
    soort: t("directory.kind"),
    provincie: t("directory.province"),
    gemeente: t("directory.municipality"),
    net: t("directory.umbrella"),
    domein: t("directory.domain"),
    finaliteit: t("directory.finality"),
  } as Record<string, string>;
  return (
    <>
      <PageHeader title={t("directory.title")} lead={t("directory.lead")} />
      <FlashNotice />
      <div className="layout-sidebar">
        <section className="filters" aria-labelledby="filters-title">
          <h2 id="filters-title">{t("directory.filters")}</h2>
          {/* A plain GET form: works without JavaScript, and every result page has its own URL.
              A new key per query, so the fields show the current filters after each search. */}
          <Form method="get" action={href("/gids")} key={query}>
            <div className="field">
              <label htmlFor="filter-q">{labels.q}</label>
              <input
                id="filter-q"
                name="q"
                type="search"
                defaultValue={values.q ?? ""}
                className="input input--full"
              />
            </div>
            <FilterSelect
              name="soort"
              label={labels.soort}
              value={values.soort}
              options={[
                { value: loaderData.anyPartner, label: t("directory.allPartners") },
                ...organisationKinds.map((k) => ({ value: k, label: t(`kind.${k}`) })),
              ]}
            />
            <FilterSelect
              name="provincie"
              label={labels.provincie}
              value={values.provincie}
              options={provinces.map((p) => ({ value: p, label: t(`province.${p}`) }))}
            />
            <FilterSelect
              name="gemeente"
              label={labels.gemeente}
              hint={t("directory.municipalityHint")}
              value={values.gemeente}
              options={loaderData.municipalities}
            />
            <FilterSelect
              name="net"
              label={labels.net}
              value={values.net}
              options={umbrellaOrganisations.map((u) => ({ value: u, label: t(`umbrella.${u}`) }))}
            />
            <FilterSelect
              name="domein"
              label={labels.domein}
              value={values.domein}
              options={studyDomains.map((d) => ({ value: d, label: t(`domain.${d}`) }))}
            />
            <FilterSelect
              name="finaliteit"
              label={labels.finaliteit}
              value={values.finaliteit}
              options={finalities.map((f) => ({ value: f, label: t(`finality.${f}`) }))}
            />
            <div className="button-row">
              <button type="submit" className="button">
                {t("directory.apply")}
              </button>
              <Link to={href("/gids")}>{t("directory.reset")}</Link>
            </div>
          </Form>
        </section>

        <section aria-labelledby="results-title">
          <h2 id="results-title" aria-live="polite" tabIndex={-1} ref={resultsTitle}>
            {t("directory.results", { count: result.total })}
          </h2>
          {loaderData.ignored.map((param) => (
            <p className="notice notice--warning" key={param}>
              {t("directory.ignoredFilter", { filter: labels[param] ?? param })}
            </p>
          ))}
          {loaderData.queryTruncated && (
            <p className="notice notice--warning">
              {t("directory.queryTruncated", { max: loaderData.maxQueryLength })}
            </p>
          )}
          {result.resolvedMunicipality && (
            <p className="notice notice--info">
              {t("directory.municipalityResolved", {
                from: result.resolvedMunicipality.from,
                to: result.resolvedMunicipality.to,
              })}
            </p>
          )}
          {result.rows.length === 0 ? (
            <EmptyState title={t("directory.noResults")}>
              <p>{t("directory.noResultsHint")}</p>
              {loaderData.filtered && <Link to={href("/gids")}>{t("directory.reset")}</Link>}
            </EmptyState>
          ) : (
            <>
              <TableRegion labelledBy="gids-resultaten">
                <table className="table table--compact">
                  <caption id="gids-resultaten">
                    {t("directory.caption", { page: result.page, pages: result.pages })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("directory.col.name")}</th>
                      <th scope="col">{t("directory.col.kind")}</th>
                      <th scope="col">{t("organisation.umbrella")}</th>
                      <th scope="col">{t("directory.col.municipality")}</th>
                      <th scope="col">{t("directory.col.province")}</th>
                      <th scope="col" className="numeric">
                        {t("directory.col.sites")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.rows.map((row) => (
                      <tr key={row.id}>
                        <th scope="row">
                          <Link to={href("/gids/:organisationId", { organisationId: row.id })}>
                            {row.name}
                          </Link>
                        </th>
                        <td>{t(`kind.${row.kind}`)}</td>
                        <td>
                          {row.umbrella ? (
                            <abbr title={t(`umbrella.${row.umbrella}`)}>{row.umbrella}</abbr>
                          ) : (
                            t("common.none")
                          )}
                        </td>
                        <td>{row.municipalityName ?? t("common.none")}</td>
                        <td>{row.province ? t(`province.${row.province}`) : t("common.none")}</td>
                        <td className="numeric">{row.kind === "school" ? row.siteCount : ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
              <Pagination page={result.page} pages={result.pages} searchParams={searchParams} />
            </>
          )}
        </section>
      </div>
    </>
  );
}

/** A filter: a labelled select whose first option means "all". */
function FilterSelect(props: {
  name: string;
  label: string | undefined;
  hint?: string;
  value: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const t = useT();
  const id = `filter-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <select
        id={id}
        name={props.name}
        defaultValue={props.value ?? ""}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        className="input input--full"
      >
        <option value="">{t("directory.any")}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
