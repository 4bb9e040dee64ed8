import { href, Link } from "react-router";
import { type DisplayValue, diffStates, displayValue } from "../../../src/audit/diff";
import { auditPolicy } from "../../../src/audit/policy";
import { auditSubjectTypes, readAuditLog } from "../../../src/audit/read-audit-log";
import { isMessageKey, type Translate } from "../../../src/i18n/translate";
import { AppForm, SelectField, SubmitButton, TextField } from "../../components/form";
import { EmptyState, PageHeader, Pagination } from "../../components/page";
import { forbidden, requireActor } from "../../lib/actor.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/audit-log";
import { auditHistoryHref } from "./history-href";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "audit.title");

// Times are shown as people in Flanders read them, whatever the server's time zone.
const timeFormat = new Intl.DateTimeFormat("nl-BE", {
  timeZone: "Europe/Brussels",
  dateStyle: "short",
  timeStyle: "medium",
});

/** Where a subject can be looked at, for the kinds of subject that have a page. */
function subjectHref(subjectType: string, subjectId: string): string | null {
  const id = encodeURIComponent(subjectId);
  if (subjectType === "person") return href("/beheer/personen/:userId", { userId: id });
  if (subjectType === "organisation") return href("/gids/:organisationId", { organisationId: id });
  if (subjectType === "application")
    return href("/aanvragen/:applicationId", { applicationId: id });
  if (subjectType === "call") return href("/oproepen/:callId", { callId: id });
  return null;
}

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const subjectType = (url.searchParams.get("onderwerp") ?? "").trim().slice(0, 100);
  const subjectId = (url.searchParams.get("id") ?? "").trim().slice(0, 200);
  // Admins read the whole log; others at most the history of one subject they are allowed.
  const wholeLog = auditPolicy.readAuditLog(actor);
  if (
    !wholeLog &&
    !(subjectType && subjectId && auditPolicy.readSubjectHistory(actor, { subjectType }))
  )
    forbidden();
  const page = Number.parseInt(url.searchParams.get("pagina") ?? "1", 10) || 1;
  const { database } = await services();
  const log = await readAuditLog(database.db, {
    subjectType: subjectType || undefined,
    subjectId: subjectId || undefined,
    page,
  });
  const subjectTypes = wholeLog ? await auditSubjectTypes(database.db) : [];
  return {
    wholeLog,
    filter: { subjectType, subjectId },
    subjectTypes,
    total: log.total,
    page: log.page,
    pages: log.pages,
    search: url.searchParams.toString(),
    // Formatted and compared here, on the server, so the browser shows exactly the same.
    events: log.events.map((e) => ({
      id: e.id,
      at: timeFormat.format(e.at),
      atIso: e.at.toISOString(),
      actorId: e.actorId,
      actorName: e.actorName,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      subjectHref: subjectHref(e.subjectType, e.subjectId),
      historyHref:
        subjectType === e.subjectType && subjectId === e.subjectId
          ? null
          : auditHistoryHref(e.subjectType, e.subjectId),
      changes: diffStates(e.before, e.after).map((c) => ({
        field: c.field,
        before: displayValue(c.before),
        after: displayValue(c.after),
      })),
    })),
  };
}

function label(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return isMessageKey(key) ? t(key) : code;
}

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { events, filter, subjectTypes } = loaderData;
  const filtered = !!(filter.subjectType || filter.subjectId);
  const labels = { onderwerp: t("audit.subjectType"), id: t("audit.subjectId") };
  const typeOptions = [...new Set([...subjectTypes, filter.subjectType].filter(Boolean))];
  return (
    <>
      <PageHeader
        title={loaderData.wholeLog ? t("audit.title") : t("audit.historyTitle")}
        lead={loaderData.wholeLog ? t("audit.lead") : t("audit.historyLead")}
      />
      {loaderData.wholeLog && (
        <AppForm method="get" className="filters" aria-label={t("audit.filters")} labels={labels}>
          <div className="filters__grid">
            <SelectField
              name="onderwerp"
              label={labels.onderwerp}
              defaultValue={filter.subjectType}
              placeholder={t("audit.anySubjectType")}
              options={typeOptions.map((type) => ({
                value: type,
                label: label(t, "audit.subjectType.", type),
              }))}
            />
            <TextField name="id" label={labels.id} defaultValue={filter.subjectId} />
          </div>
          <div className="button-row">
            <SubmitButton>{t("audit.apply")}</SubmitButton>
            {filtered && <Link to={href("/beheer/audit")}>{t("audit.reset")}</Link>}
          </div>
        </AppForm>
      )}
      <p role="status">
        {loaderData.total === 1
          ? t("audit.resultsOne")
          : t("audit.results", { count: loaderData.total })}
        {!filtered && ` ${t("audit.latest")}`}
        {!loaderData.wholeLog && (
          <>
            {" "}
            {label(t, "audit.subjectType.", filter.subjectType)} <code>{filter.subjectId}</code>
          </>
        )}
      </p>
      {events.length === 0 ? (
        <EmptyState title={t("audit.empty")} />
      ) : (
        <table className="table table--compact">
          <caption className="visually-hidden">{t("audit.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("audit.at")}</th>
              <th scope="col">{t("audit.actor")}</th>
              <th scope="col">{t("audit.action")}</th>
              <th scope="col">{t("audit.subject")}</th>
              <th scope="col">{t("audit.changes")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.atIso}>{e.at}</time>
                </td>
                <td>{e.actorName ?? (e.actorId ? <code>{e.actorId}</code> : t("audit.system"))}</td>
                <td>{label(t, "audit.action.", e.action)}</td>
                <td>
                  {label(t, "audit.subjectType.", e.subjectType)}
                  <br />
                  {e.subjectHref ? (
                    <Link to={e.subjectHref}>
                      <code>{e.subjectId}</code>
                    </Link>
                  ) : (
                    <code>{e.subjectId}</code>
                  )}
                  {e.historyHref && (
                    <>
                      <br />
                      <Link to={e.historyHref} className="small-link">
                        {t("audit.subjectHistory")}
                      </Link>
                    </>
                  )}
                </td>
                <td>
                  <Changes changes={e.changes} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={loaderData.page}
        pages={loaderData.pages}
        searchParams={new URLSearchParams(loaderData.search)}
      />
    </>
  );
}

type Change = { field: string; before: DisplayValue; after: DisplayValue };

/** The changed fields of one event: a small table, folded away when it is long. */
function Changes(props: { changes: Change[] }) {
  const t = useT();
  if (props.changes.length === 0) return <span className="muted">{t("audit.noChanges")}</span>;
  const table = (
    <table className="table table--compact audit-diff">
      <thead>
        <tr>
          <th scope="col">{t("audit.field")}</th>
          <th scope="col">{t("audit.before")}</th>
          <th scope="col">{t("audit.after")}</th>
        </tr>
      </thead>
      <tbody>
        {props.changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{c.field ? label(t, "audit.field.", c.field) : t("audit.value")}</th>
            <td>
              <Value value={c.before} />
            </td>
            <td>
              <Value value={c.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (props.changes.length <= 4) return table;
  return (
    <details>
      <summary>{t("audit.changedFields", { count: props.changes.length })}</summary>
      {table}
    </details>
  );
}

function Value(props: { value: DisplayValue }) {
  const t = useT();
  const v = props.value;
  switch (v.kind) {
    case "empty":
      return <span className="muted">{t("common.none")}</span>;
    case "boolean":
      return <>{v.value ? t("common.yes") : t("common.no")}</>;
    case "text":
      return <>{v.text}</>;
    case "json":
      return <pre className="json">{v.text}</pre>;
  }
}
