import { Form, href, Link } from "react-router";
import {
  applicationFacets,
  type FacetFilter,
  facetFilterFrom,
} from "../../../src/applications/manage/application-facets";
import {
  type ApplicationSort,
  applicationSorts,
  listCallApplications,
} from "../../../src/applications/manage/list-call-applications";
import { applicationStatuses } from "../../../src/applications/model";
import { applicationsPolicy } from "../../../src/applications/policy";
import { auditPolicy } from "../../../src/audit/policy";
import { getCall } from "../../../src/calls/read-calls";
import type { MessageKey } from "../../../src/i18n/translate";
import { formatBrussels } from "../../../src/platform/time";
import { CsrfField, SelectField } from "../../components/form";
import { Breadcrumbs, EmptyState, PageHeader, Pagination } from "../../components/page";
import { TableRegion } from "../../components/table";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import { auditHistoryHref } from "../audit/history-href";
import type { Route } from "./+types/manage-applications";

// The programme manager's list of a call's applications. The filters are a GET form: the URL
// holds the whole state, so a filtered list can be bookmarked and shared, and it works without
// JavaScript. Each option shows how many applications it would leave (facet counts).

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(matches, "manage.title", { call: loaderData?.call.title ?? "" });

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  if (!applicationsPolicy.listCallApplications(actor)) forbidden();
  const { database } = await services();
  const view = await getCall(database.db, params.callId, actor, new Date());
  if (!view) notFound();
  const url = new URL(request.url);
  const filter = facetFilterFrom(url.searchParams);
  const requestedSort = url.searchParams.get("sorteer") ?? "";
  const sort = (applicationSorts as readonly string[]).includes(requestedSort)
    ? (requestedSort as ApplicationSort)
    : "gewijzigd";
  const page = Number.parseInt(url.searchParams.get("pagina") ?? "1", 10) || 1;
  const list = await listCallApplications(database.db, {
    callId: view.call.id,
    filter,
    sort,
    page,
  });
  return {
    call: { id: view.call.id, title: view.call.title },
    filter,
    sort,
    search: url.searchParams.toString(),
    total: list.total,
    callTotal: list.callTotal,
    page: list.page,
    pages: list.pages,
    counts: list.counts,
    rows: list.rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      school: r.leadOrganisationName,
      schoolId: r.leadOrganisationId,
      province: r.province,
      network: r.network,
      umbrella: r.umbrella,
      updatedAt: r.updatedAt.toISOString(),
    })),
    canExport: applicationsPolicy.exportApplications(actor),
    canReadHistory: auditPolicy.readSubjectHistory(actor, { subjectType: "application" }),
    canReadCallHistory: auditPolicy.readSubjectHistory(actor, { subjectType: "call" }),
  };
}

const facetLabel: Record<(typeof applicationFacets)[number]["param"], MessageKey> = {
  status: "manage.filter.status",
  provincie: "manage.filter.province",
  net: "manage.filter.network",
  koepel: "manage.filter.umbrella",
  studiedomein: "manage.filter.studyDomain",
  finaliteit: "manage.filter.finality",
  partnertype: "manage.filter.partnerKind",
  voorwaarden: "manage.filter.eligibility",
};

/** The active filters and sort as hidden fields, so a download exports what is on screen. */
function ExportForm(props: {
  callId: string;
  filter: FacetFilter;
  sort: ApplicationSort;
  kind: "list" | "answers";
  format: "csv" | "xlsx";
  label: string;
}) {
  return (
    <Form
      method="post"
      action={href("/beheer/oproepen/:callId/aanvragen/export", { callId: props.callId })}
      reloadDocument
      className="inline-form"
    >
      <CsrfField />
      <input type="hidden" name="kind" value={props.kind} />
      <input type="hidden" name="format" value={props.format} />
      <input type="hidden" name="sorteer" value={props.sort} />
      {Object.entries(props.filter).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="button button--secondary">
        {props.label}
      </button>
    </Form>
  );
}

export default function ManageApplications({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { call, filter, counts, rows } = loaderData;
  const filtered = Object.keys(filter).length > 0;
  const base = href("/beheer/oproepen/:callId/aanvragen", { callId: call.id });
  const labels = Object.fromEntries(
    applicationFacets.map((f) => [f.param, t(facetLabel[f.param])]),
  );
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/beheer/oproepen"), label: t("call.manageTitle") },
          { to: href("/oproepen/:callId", { callId: call.id }), label: call.title },
          { label: t("manage.breadcrumb") },
        ]}
      />
      <PageHeader
        title={t("manage.title", { call: call.title })}
        lead={t("manage.lead")}
        actions={
          loaderData.canReadCallHistory && (
            <Link to={auditHistoryHref("call", call.id)}>{t("manage.callHistory")}</Link>
          )
        }
      />

      <section aria-labelledby="status-counts">
        <h2 id="status-counts" className="visually-hidden">
          {t("manage.statusCounts")}
        </h2>
        <ul className="stat-list">
          <li>
            <strong>{loaderData.callTotal}</strong> {t("manage.countAll")}
          </li>
          {applicationStatuses.map((status) => (
            <li key={status}>
              <strong>{counts.status[status] ?? 0}</strong> {t(`application.status.${status}`)}
            </li>
          ))}
        </ul>
      </section>

      <Form method="get" className="filters" aria-label={t("manage.filters")}>
        <div className="filters__grid">
          {applicationFacets.map((facet) => (
            <SelectField
              key={facet.param}
              name={facet.param}
              label={labels[facet.param] ?? facet.param}
              defaultValue={filter[facet.param] ?? ""}
              placeholder={t("manage.filter.any")}
              options={facet.values.map((value) => ({
                value,
                label: t("manage.filter.option", {
                  label: t(`${facet.labelPrefix}${value}` as MessageKey),
                  count: counts[facet.param][value] ?? 0,
                }),
              }))}
            />
          ))}
          <SelectField
            name="sorteer"
            label={t("manage.sort")}
            defaultValue={loaderData.sort}
            placeholder={t("manage.sort.gewijzigd")}
            options={applicationSorts
              .filter((s) => s !== "gewijzigd")
              .map((s) => ({ value: s, label: t(`manage.sort.${s}`) }))}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            {t("manage.apply")}
          </button>
          {filtered && <Link to={base}>{t("manage.reset")}</Link>}
        </div>
      </Form>

      <p role="status">
        {filtered
          ? t("manage.resultsFiltered", { count: loaderData.total, all: loaderData.callTotal })
          : t("manage.results", { count: loaderData.total })}
      </p>

      {rows.length === 0 ? (
        <EmptyState title={filtered ? t("manage.emptyFiltered") : t("manage.empty")} />
      ) : (
        <TableRegion label={t("manage.breadcrumb")}>
          <table className="table">
            <caption className="visually-hidden">{t("manage.breadcrumb")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("manage.col.title")}</th>
                <th scope="col">{t("manage.col.school")}</th>
                <th scope="col">{t("manage.col.province")}</th>
                <th scope="col">{t("manage.col.network")}</th>
                <th scope="col">{t("manage.col.status")}</th>
                <th scope="col">{t("manage.col.updatedAt")}</th>
                {loaderData.canReadHistory && <th scope="col">{t("manage.col.history")}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={href("/aanvragen/:applicationId", { applicationId: r.id })}>
                      {r.title}
                    </Link>
                  </td>
                  <td>
                    <Link to={href("/gids/:organisationId", { organisationId: r.schoolId })}>
                      {r.school}
                    </Link>
                  </td>
                  <td>
                    {r.province ? t(`province.${r.province}` as MessageKey) : t("common.none")}
                  </td>
                  <td>
                    {r.network ? t(`network.${r.network}`) : t("common.none")}
                    {r.umbrella && <span className="muted"> ({r.umbrella})</span>}
                  </td>
                  <td>
                    <span className="tag">{t(`application.status.${r.status}`)}</span>
                  </td>
                  <td>
                    <time dateTime={r.updatedAt}>
                      {formatBrussels(new Date(r.updatedAt), locale)}
                    </time>
                  </td>
                  {loaderData.canReadHistory && (
                    <td>
                      <Link to={auditHistoryHref("application", r.id)}>
                        {t("manage.history")}
                        <span className="visually-hidden"> {r.title}</span>
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination
        page={loaderData.page}
        pages={loaderData.pages}
        searchParams={new URLSearchParams(loaderData.search)}
      />

      {loaderData.canExport && (
        <section aria-labelledby="export-title">
          <h2 id="export-title">{t("manage.export.title")}</h2>
          <p>{filtered ? t("manage.export.leadFiltered") : t("manage.export.lead")}</p>
          <div className="button-row">
            <ExportForm
              {...{ callId: call.id, filter, sort: loaderData.sort }}
              kind="list"
              format="csv"
              label={t("manage.export.listCsv")}
            />
            <ExportForm
              {...{ callId: call.id, filter, sort: loaderData.sort }}
              kind="list"
              format="xlsx"
              label={t("manage.export.listXlsx")}
            />
            <ExportForm
              {...{ callId: call.id, filter, sort: loaderData.sort }}
              kind="answers"
              format="csv"
              label={t("manage.export.answersCsv")}
            />
            <ExportForm
              {...{ callId: call.id, filter, sort: loaderData.sort }}
              kind="answers"
              format="xlsx"
              label={t("manage.export.answersXlsx")}
            />
          </div>
          <p className="muted small">{t("manage.export.audited")}</p>
        </section>
      )}
    </>
  );
}
