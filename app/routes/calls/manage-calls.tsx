import { href, Link } from "react-router";
import { applicationCountsByCall } from "../../../src/applications/manage/list-call-applications";
import { applicationsPolicy } from "../../../src/applications/policy";
import { auditPolicy } from "../../../src/audit/policy";
import { callsPolicy } from "../../../src/calls/policy";
import { listAllCalls } from "../../../src/calls/read-calls";
import { formatBrussels } from "../../../src/platform/time";
import { EmptyState, FlashNotice, PageHeader } from "../../components/page";
import { TableRegion } from "../../components/table";
import { forbidden, requireActor } from "../../lib/actor.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import { auditHistoryHref } from "../audit/history-href";
import type { Route } from "./+types/manage-calls";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "call.manageTitle");

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  if (!callsPolicy.viewDraftCall(actor)) forbidden();
  const { database } = await services();
  const calls = await listAllCalls(database.db, new Date());
  const counts = await applicationCountsByCall(database.db);
  return {
    calls: calls.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      phase: c.phase,
      closesAt: c.closesAt?.toISOString() ?? null,
      applications: counts.get(c.id) ?? 0,
    })),
    canListApplications: applicationsPolicy.listCallApplications(actor),
    canReadHistory: auditPolicy.readSubjectHistory(actor, { subjectType: "call" }),
    canChangeDeadline: callsPolicy.changeDeadline(actor),
    canCreate: callsPolicy.createCall(actor),
    canEdit: callsPolicy.updateCall(actor),
  };
}

export default function ManageCalls({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <PageHeader
        title={t("call.manageTitle")}
        lead={t("call.manageLead")}
        actions={
          loaderData.canCreate && (
            <Link to={href("/beheer/oproepen/nieuw")} className="button">
              {t("call.new")}
            </Link>
          )
        }
      />
      <FlashNotice />
      {loaderData.calls.length === 0 ? (
        <EmptyState title={t("call.noCalls")} />
      ) : (
        <TableRegion label={t("call.manageTitle")}>
          <table className="table">
            <caption className="visually-hidden">{t("call.manageTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("call.col.title")}</th>
                <th scope="col">{t("call.col.status")}</th>
                <th scope="col">{t("call.field.closesAt")}</th>
                <th scope="col">{t("manage.col.applications")}</th>
                <th scope="col">{t("call.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.calls.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.status === "published" ? (
                      <Link to={href("/oproepen/:callId", { callId: c.id })}>{c.title}</Link>
                    ) : (
                      <Link to={href("/beheer/oproepen/:callId/voorbeeld", { callId: c.id })}>
                        {c.title}
                      </Link>
                    )}
                  </td>
                  <td>
                    <span className="tag">{t(`call.status.${c.status}`)}</span>
                    {c.phase && ` ${t(`call.phase.${c.phase}`)}`}
                  </td>
                  <td>
                    {c.closesAt ? formatBrussels(new Date(c.closesAt), locale) : t("common.none")}
                  </td>
                  <td>
                    {c.status === "published" && loaderData.canListApplications ? (
                      <Link to={href("/beheer/oproepen/:callId/aanvragen", { callId: c.id })}>
                        {t("manage.applicationsCount", { count: c.applications })}
                        <span className="visually-hidden"> {c.title}</span>
                      </Link>
                    ) : (
                      t("common.none")
                    )}
                  </td>
                  <td>
                    {c.status === "draft" && loaderData.canEdit ? (
                      <ul className="plain-list">
                        <li>
                          <Link to={href("/beheer/oproepen/:callId/bewerken", { callId: c.id })}>
                            {t("call.edit")}
                            <span className="visually-hidden"> {c.title}</span>
                          </Link>
                        </li>
                        <li>
                          <Link to={href("/beheer/oproepen/:callId/voorbeeld", { callId: c.id })}>
                            {t("call.previewAndPublish")}
                            <span className="visually-hidden"> {c.title}</span>
                          </Link>
                        </li>
                      </ul>
                    ) : (
                      <ul className="plain-list">
                        <li className="muted">{t("call.locked")}</li>
                        {c.phase !== "closed" && loaderData.canChangeDeadline && (
                          <li>
                            <Link to={href("/beheer/oproepen/:callId/deadline", { callId: c.id })}>
                              {t("deadline.link")}
                              <span className="visually-hidden"> {c.title}</span>
                            </Link>
                          </li>
                        )}
                        {loaderData.canReadHistory && (
                          <li>
                            <Link to={auditHistoryHref("call", c.id)}>
                              {t("manage.callHistory")}
                              <span className="visually-hidden"> {c.title}</span>
                            </Link>
                          </li>
                        )}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
