import { href, Link } from "react-router";
import { applicationCountsByCall } from "../../../src/applications/manage/list-call-applications";
import { applicationsPolicy } from "../../../src/applications/policy";
import { schoolsForStarting } from "../../../src/applications/read-applications";
import { auditPolicy } from "../../../src/audit/policy";
import { isCallPublic } from "../../../src/calls/model";
import { callsPolicy } from "../../../src/calls/policy";
import { getCall } from "../../../src/calls/read-calls";
import { Breadcrumbs, FlashNotice, PageHeader } from "../../components/page";
import { getActor, notFound } from "../../lib/actor.server";
import { attachmentCeiling } from "../../lib/attachment-ceiling.server";
import { useContentLang, useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import { auditHistoryHref } from "../audit/history-href";
import type { Route } from "./+types/call";
import { CallDetails, callViewData } from "./call-view";

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? plainTitle(loaderData.call.title) : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await getActor(request);
  const { database } = await services();
  const view = await getCall(database.db, params.callId, actor, new Date());
  // The public page shows published calls only; a draft is seen through the preview.
  if (!view || !isCallPublic(view.call.status)) notFound();
  // School coordinators can start an application while the call is open.
  const canStart =
    view.phase === "open" && (await schoolsForStarting(database.db, actor)).length > 0;
  // The programme team: the call's applications (with their number) and its history.
  const applications = applicationsPolicy.listCallApplications(actor)
    ? ((await applicationCountsByCall(database.db)).get(view.call.id) ?? 0)
    : null;
  const historyHref = auditPolicy.readSubjectHistory(actor, { subjectType: "call" })
    ? auditHistoryHref("call", view.call.id)
    : null;
  return {
    call: callViewData(view, await attachmentCeiling()),
    canManage: callsPolicy.viewDraftCall(actor),
    canStart,
    applications,
    historyHref,
  };
}

export default function CallPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const content = useContentLang();
  const c = loaderData.call;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/"), label: t("nav.home") },
          { to: href("/oproepen"), label: t("call.listTitle") },
          { label: c.title },
        ]}
      />
      <PageHeader
        title={c.title}
        titleLang={content.lang}
        lead={
          c.phase ? (
            <span className={`tag tag--${c.phase}`}>{t(`call.phase.${c.phase}`)}</span>
          ) : undefined
        }
        actions={
          loaderData.canManage && <Link to={href("/beheer/oproepen")}>{t("nav.callsManage")}</Link>
        }
      />
      <FlashNotice />
      {(loaderData.applications !== null || loaderData.historyHref) && (
        <ul className="plain-list">
          {loaderData.applications !== null && (
            <li>
              <Link to={href("/beheer/oproepen/:callId/aanvragen", { callId: c.id })}>
                {t("manage.applicationsCount", { count: loaderData.applications })}
              </Link>
            </li>
          )}
          {loaderData.historyHref && (
            <li>
              <Link to={loaderData.historyHref}>{t("manage.callHistory")}</Link>
            </li>
          )}
        </ul>
      )}
      {loaderData.canStart && (
        <p>
          <Link className="button" to={`${href("/aanvragen/nieuw")}?oproep=${c.id}`}>
            {t("application.startButton")}
          </Link>
        </p>
      )}
      <CallDetails call={c} agendaLink />
    </>
  );
}
