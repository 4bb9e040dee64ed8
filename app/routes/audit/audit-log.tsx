import { href, Link } from "react-router";
import { type DisplayValue, diffStates, displayValue } from "../../../src/audit/diff";
import { auditPolicy } from "../../../src/audit/policy";
import {
  type AuditLogFilter,
  auditActions,
  auditSubjectTypes,
  readAuditLog,
} from "../../../src/audit/read-audit-log";
import {
  type SubjectRef,
  subjectKey,
  subjectNames,
  subjectTypeOfField,
} from "../../../src/audit/subject-names";
import type { MessageKey, Translate } from "../../../src/i18n/translate";
import { formatEuro } from "../../../src/platform/money";
import { formatBrussels, fromBrusselsInput } from "../../../src/platform/time";
import {
  AppForm,
  type FormFeedback,
  SelectField,
  SubmitButton,
  TextField,
} from "../../components/form";
import { EmptyState, PageHeader } from "../../components/page";
import { forbidden, requireActor } from "../../lib/actor.server";
import { isMessageKey, useT } from "../../lib/i18n";
import { getLocale } from "../../lib/locale.server";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/audit-log";
import { auditHistoryHref } from "./history-href";

// The audit log: every change with who, what, when and the fields that changed, for people to
// read. Subjects and the values that point at one by their names, field names and actions from
// the catalogue, times in the platform's date-time format (Brussels), each event's changes
// folded in a <details>; narrowed by a GET form (works without JavaScript) by who, what, which
// kind of subject and when; keyset pages of 50 (ADR 0034).

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "audit.title");

/** Where a subject can be looked at, for the kinds of subject that have a page. */
function subjectHref(subjectType: string, subjectId: string): string | null {
  const id = encodeURIComponent(subjectId);
  if (subjectType === "person") return href("/beheer/personen/:userId", { userId: id });
  if (subjectType === "organisation") return href("/gids/:organisationId", { organisationId: id });
  if (subjectType === "application")
    return href("/aanvragen/:applicationId", { applicationId: id });
  if (subjectType === "call") return href("/oproepen/:callId", { callId: id });
  if (subjectType === "material") return href("/bibliotheek/:materialId", { materialId: id });
  return null;
}

/** The catalogue's labels of a state's fields, by the kind of subject, after `audit.field.`. */
const fieldLabelPrefix: Record<string, string> = {
  call: "call.field.",
  material: "library.field.",
};
/** Fields stored under another name than the form's (amounts in cents). */
const fieldAlias: Record<string, string> = {
  totalBudgetCents: "totalBudget",
  maxPerProjectCents: "maxPerProject",
};

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

const param = (url: URL, name: string, max: number) =>
  (url.searchParams.get(name) ?? "").trim().slice(0, max);

/** A positive event id from the address, or undefined. */
function cursorOf(text: string): number | undefined {
  if (!/^\d{1,15}$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** The instant a Brussels day starts, `days` after the day given ("2027-04-29"). */
function dayStart(day: string, days = 0): Date | null {
  if (!isoDay.test(day)) return null;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return null;
  date.setUTCDate(date.getUTCDate() + days);
  return fromBrusselsInput(`${date.toISOString().slice(0, 10)}T00:00`);
}

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const locale = getLocale(request);
  const url = new URL(request.url);
  const filter = {
    subjectType: param(url, "onderwerp", 100),
    subjectId: param(url, "id", 200),
    action: param(url, "handeling", 100),
    actorText: param(url, "door", 100),
    actorId: param(url, "persoon", 200),
    from: param(url, "van", 10),
    until: param(url, "tot", 10),
  };
  // Admins read the whole log; others at most the history of one subject they are allowed.
  const wholeLog = auditPolicy.readAuditLog(actor);
  if (
    !wholeLog &&
    !(
      filter.subjectType &&
      filter.subjectId &&
      auditPolicy.readSubjectHistory(actor, { subjectType: filter.subjectType })
    )
  )
    forbidden();
  const fieldErrors: Record<string, MessageKey[]> = {};
  const from = filter.from ? dayStart(filter.from) : undefined;
  const until = filter.until ? dayStart(filter.until, 1) : undefined;
  if (from === null) fieldErrors.van = ["audit.error.invalidDay"];
  if (until === null) fieldErrors.tot = ["audit.error.invalidDay"];
  if (from && until && until <= from) fieldErrors.tot = ["audit.error.periodReversed"];
  const query: AuditLogFilter = {
    subjectType: filter.subjectType || undefined,
    subjectId: filter.subjectId || undefined,
    // Only admins narrow further than the one subject.
    ...(wholeLog
      ? {
          action: filter.action || undefined,
          actorText: filter.actorText || undefined,
          actorId: filter.actorId || undefined,
          from: from ?? undefined,
          until: until ?? undefined,
        }
      : {}),
    olderThan: cursorOf(param(url, "ouder", 20)),
    newerThan: cursorOf(param(url, "nieuwer", 20)),
  };
  const { database } = await services();
  const db = database.db;
  const log = await readAuditLog(db, query);
  const [subjectTypes, actions] = wholeLog
    ? await Promise.all([auditSubjectTypes(db), auditActions(db)])
    : [[], []];

  // The names of the page's subjects, of the subjects its values point at, and of the actor.
  const refs: SubjectRef[] = [];
  for (const e of log.events) {
    refs.push({ subjectType: e.subjectType, subjectId: e.subjectId });
    for (const state of [e.before, e.after])
      if (state && typeof state === "object" && !Array.isArray(state))
        for (const [field, value] of Object.entries(state))
          if (subjectTypeOfField[field] && typeof value === "string")
            refs.push({ subjectType: subjectTypeOfField[field], subjectId: value });
  }
  if (filter.subjectType && filter.subjectId)
    refs.push({ subjectType: filter.subjectType, subjectId: filter.subjectId });
  if (filter.actorId) refs.push({ subjectType: "person", subjectId: filter.actorId });
  const names = await subjectNames(db, refs);
  const nameOf = (subjectType: string, subjectId: string) =>
    names.get(subjectKey({ subjectType, subjectId })) ?? null;

  const show = (field: string, value: unknown): DisplayValue => {
    const pointsAt = subjectTypeOfField[field];
    if (pointsAt && typeof value === "string") {
      const name = nameOf(pointsAt, value);
      if (name) return { kind: "text", text: name };
    }
    if (field.endsWith("Cents") && typeof value === "number")
      return { kind: "text", text: formatEuro(value, locale) };
    if (typeof value === "string" && isoInstant.test(value)) {
      const instant = new Date(value);
      if (!Number.isNaN(instant.getTime()))
        return { kind: "text", text: formatBrussels(instant, locale) };
    }
    return displayValue(value);
  };
  const keep = (name: string, value: string) => (value ? [[name, value]] : []);
  const filterParams = new URLSearchParams([
    ...keep("onderwerp", filter.subjectType),
    ...keep("id", filter.subjectId),
    ...keep("handeling", filter.action),
    ...keep("door", filter.actorText),
    ...keep("persoon", filter.actorId),
    ...keep("van", filter.from),
    ...keep("tot", filter.until),
  ]);
  const pageHref = (cursor: [string, number] | null) => {
    const params = new URLSearchParams(filterParams);
    if (cursor) params.set(cursor[0], String(cursor[1]));
    const text = params.toString();
    return `${href("/beheer/audit")}${text ? `?${text}` : ""}`;
  };
  const feedback: FormFeedback | undefined = Object.keys(fieldErrors).length
    ? { fieldErrors, values: { van: filter.from, tot: filter.until } }
    : undefined;
  const filtered = [...filterParams.keys()].length > 0;
  return {
    wholeLog,
    feedback,
    filter,
    filtered,
    subjectName: filter.subjectId ? nameOf(filter.subjectType, filter.subjectId) : null,
    actorName: filter.actorId ? nameOf("person", filter.actorId) : null,
    subjectTypes,
    actions,
    total: log.total,
    moreThanTotal: log.moreThanTotal,
    pages: {
      newest: log.newerThan !== null ? pageHref(null) : null,
      newer: log.newerThan !== null ? pageHref(["nieuwer", log.newerThan]) : null,
      older: log.olderThan !== null ? pageHref(["ouder", log.olderThan]) : null,
    },
    // Formatted and compared here, on the server, so the browser shows exactly the same.
    events: log.events.map((e) => ({
      id: e.id,
      at: formatBrussels(e.at, locale),
      atIso: e.at.toISOString(),
      actorId: e.actorId,
      actorName: e.actorName,
      actorHref:
        e.actorId && wholeLog && filter.actorId !== e.actorId
          ? `${href("/beheer/audit")}?${new URLSearchParams({ persoon: e.actorId })}`
          : null,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      subjectName: nameOf(e.subjectType, e.subjectId),
      subjectHref: subjectHref(e.subjectType, e.subjectId),
      historyHref:
        filter.subjectType === e.subjectType && filter.subjectId === e.subjectId
          ? null
          : auditHistoryHref(e.subjectType, e.subjectId),
      // The subject's own id is the subject, already named above.
      changes: diffStates(e.before, e.after)
        .filter((c) => !(c.field === "id" && (c.after ?? c.before) === e.subjectId))
        .map((c) => ({
          field: c.field,
          before: show(c.field, c.before),
          after: show(c.field, c.after),
        })),
    })),
  };
}

function label(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** A state's field by its name in the catalogue: the audit log's own, else its form's. */
function fieldLabel(t: Translate, subjectType: string, field: string): string {
  const own = `audit.field.${field}`;
  if (isMessageKey(own)) return t(own);
  const prefix = fieldLabelPrefix[subjectType];
  const form = prefix ? `${prefix}${fieldAlias[field] ?? field}` : "";
  return prefix && isMessageKey(form) ? t(form) : field;
}

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { events, filter, subjectTypes, actions, pages } = loaderData;
  const labels = {
    onderwerp: t("audit.subjectType"),
    id: t("audit.subjectId"),
    handeling: t("audit.action"),
    door: t("audit.actorFilter"),
    van: t("audit.from"),
    tot: t("audit.until"),
  };
  const typeOptions = [...new Set([...subjectTypes, filter.subjectType].filter(Boolean))];
  const actionOptions = [...new Set([...actions, filter.action].filter(Boolean))]
    .map((a) => ({ value: a, label: label(t, "audit.action.", a) }))
    .sort((a, b) => a.label.localeCompare(b.label, "nl-BE"));
  const subjectTitle =
    loaderData.subjectName ?? (filter.subjectId ? filter.subjectId : null) ?? null;
  return (
    <>
      <PageHeader
        title={loaderData.wholeLog ? t("audit.title") : t("audit.historyTitle")}
        lead={loaderData.wholeLog ? t("audit.lead") : t("audit.historyLead")}
      />
      {loaderData.wholeLog && (
        <AppForm
          method="get"
          className="filters"
          aria-label={t("audit.filters")}
          labels={labels}
          feedback={loaderData.feedback}
        >
          {filter.actorId && <input type="hidden" name="persoon" value={filter.actorId} />}
          {filter.subjectId && <input type="hidden" name="id" value={filter.subjectId} />}
          <div className="filters__grid">
            <TextField
              name="door"
              label={labels.door}
              hint={t("audit.actorFilterHint")}
              defaultValue={filter.actorText}
            />
            <SelectField
              name="handeling"
              label={labels.handeling}
              defaultValue={filter.action}
              placeholder={t("audit.anyAction")}
              options={actionOptions}
            />
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
            <TextField
              name="van"
              type="date"
              width="medium"
              label={labels.van}
              defaultValue={filter.from}
            />
            <TextField
              name="tot"
              type="date"
              width="medium"
              label={labels.tot}
              hint={t("audit.untilHint")}
              defaultValue={filter.until}
            />
          </div>
          <div className="button-row">
            <SubmitButton>{t("audit.apply")}</SubmitButton>
            {loaderData.filtered && <Link to={href("/beheer/audit")}>{t("audit.reset")}</Link>}
          </div>
        </AppForm>
      )}
      <p role="status">
        {loaderData.moreThanTotal
          ? t("audit.resultsMoreThan", { count: loaderData.total })
          : t("audit.results", { count: loaderData.total })}
        {` ${t("audit.latest")}`}
        {subjectTitle && (
          <>
            {" "}
            {t("audit.aboutSubject", {
              kind: label(t, "audit.subjectType.", filter.subjectType),
              name: subjectTitle,
            })}
          </>
        )}
        {filter.actorId && (
          <> {t("audit.byPerson", { name: loaderData.actorName ?? filter.actorId })}</>
        )}
      </p>
      {events.length === 0 ? (
        <EmptyState title={t("audit.empty")} />
      ) : (
        <ol className="audit-events" aria-label={t("audit.title")}>
          {events.map((e) => (
            <li key={e.id} className="audit-event">
              <h2 className="audit-event__title">{label(t, "audit.action.", e.action)}</h2>
              <dl className="summary-list audit-event__facts">
                <dt>{t("audit.at")}</dt>
                <dd>
                  <time dateTime={e.atIso}>{e.at}</time>
                </dd>
                <dt>{t("audit.actor")}</dt>
                <dd>
                  {e.actorName ? (
                    e.actorHref ? (
                      <Link to={e.actorHref}>{e.actorName}</Link>
                    ) : (
                      e.actorName
                    )
                  ) : e.actorId ? (
                    t("audit.unknownPerson")
                  ) : (
                    t("audit.system")
                  )}
                </dd>
                <dt>{t("audit.subject")}</dt>
                <dd>
                  {label(t, "audit.subjectType.", e.subjectType)}:{" "}
                  {e.subjectHref ? (
                    <Link to={e.subjectHref}>{e.subjectName ?? t("audit.unnamed")}</Link>
                  ) : (
                    (e.subjectName ?? t("audit.unnamed"))
                  )}
                  {e.historyHref && (
                    <>
                      {" · "}
                      <Link to={e.historyHref} className="small-link">
                        {t("audit.subjectHistory")}
                      </Link>
                    </>
                  )}
                </dd>
                <dt>{t("audit.changes")}</dt>
                <dd>
                  <Changes subjectType={e.subjectType} changes={e.changes} />
                </dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
      {(pages.newer || pages.older) && (
        <nav aria-label={t("pagination.label")} className="pagination">
          {pages.newest && <Link to={pages.newest}>{t("audit.newestPage")}</Link>}
          {pages.newer && (
            <Link to={pages.newer} rel="prev">
              {t("audit.newerPage")}
            </Link>
          )}
          {pages.older && (
            <Link to={pages.older} rel="next">
              {t("audit.olderPage")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

type Change = { field: string; before: DisplayValue; after: DisplayValue };

/** The changed fields of one event, folded away: a summary naming them, a table inside. */
function Changes(props: { subjectType: string; changes: Change[] }) {
  const t = useT();
  if (props.changes.length === 0) return <span className="muted">{t("audit.noChanges")}</span>;
  const names = props.changes.map((c) =>
    c.field ? fieldLabel(t, props.subjectType, c.field) : t("audit.value"),
  );
  const shown = names.slice(0, 3).join(", ");
  return (
    <details className="audit-diff">
      <summary>
        {props.changes.length === 1
          ? t("audit.changedField", { fields: shown })
          : t("audit.changedFields", {
              count: props.changes.length,
              fields: names.length > 3 ? `${shown}, …` : shown,
            })}
      </summary>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t("audit.field")}</th>
            <th scope="col">{t("audit.before")}</th>
            <th scope="col">{t("audit.after")}</th>
          </tr>
        </thead>
        <tbody>
          {props.changes.map((c, i) => (
            <tr key={c.field}>
              <th scope="row">{names[i]}</th>
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
