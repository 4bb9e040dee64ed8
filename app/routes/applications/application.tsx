import { href, Link } from "react-router";
import { readApproval } from "../../../src/applications/approval/read-approval";
import { applicationsPolicy } from "../../../src/applications/policy";
import { getApplication } from "../../../src/applications/read-applications";
import { readDossier } from "../../../src/applications/submission/dossier";
import { listSubmissions } from "../../../src/applications/submission/read-submission";
import { taskListSteps } from "../../../src/applications/task-list";
import { auditPolicy } from "../../../src/audit/policy";
import { formatBrussels } from "../../../src/platform/time";
import { AppForm, SubmitButton } from "../../components/form";
import { Breadcrumbs, FlashNotice, PageHeader } from "../../components/page";
import { notFound, requireActor } from "../../lib/actor.server";
import { useLocale, useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import { auditHistoryHref } from "../audit/history-href";
import type { Route } from "./+types/application";
import { ApprovalStatus } from "./approval-status";
import { stepHref } from "./step-href";
import { TaskListStep } from "./task-list-step";

// An application's task list (GOV.UK "task list" pattern): one row per section of the call's
// frozen form, each with its status. Someone who may not see the application gets a 404.

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? plainTitle(loaderData.application.title) : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const view = await getApplication(database.db, params.applicationId, actor, new Date());
  if (!view) notFound();
  const { form: _form, answers: _answers, ...application } = view;
  // The programme team follows up: back to the call's list, and the application's history.
  const manage = {
    listHref: applicationsPolicy.listCallApplications(actor)
      ? href("/beheer/oproepen/:callId/aanvragen", { callId: view.call.id })
      : null,
    historyHref: auditPolicy.readSubjectHistory(actor, { subjectType: "application" })
      ? auditHistoryHref("application", view.id)
      : null,
  };
  const submissions = await listSubmissions(database.db, view.id);
  const dossier = await readDossier(database.db, view.id);
  const steps = dossier ? taskListSteps(dossier) : [];
  const approval = dossier ? await readApproval(database.db, dossier) : null;
  return {
    application,
    manage,
    submissions,
    steps,
    approval: approval && {
      state: approval.state,
      approvedAt: approval.approvedAt,
      approvedByName: approval.approvedByName,
    },
    mayApprove: applicationsPolicy.approveApplication(actor, {
      organisationId: view.leadOrganisationId,
    }),
  };
}

export default function ApplicationTaskList({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const a = loaderData.application;
  const done = a.sections.filter((s) => s.status === "completed").length;
  return (
    <>
      <Breadcrumbs
        items={[{ to: href("/aanvragen"), label: t("application.listTitle") }, { label: a.title }]}
      />
      <PageHeader
        title={a.title}
        lead={t("application.taskListLead", {
          school: a.leadOrganisationName,
          call: a.call.title,
        })}
      />
      <FlashNotice />
      <ManageLinks {...loaderData.manage} />
      <p>
        <span className="tag">{t(`application.status.${a.status}`)}</span>{" "}
        {a.call.closesAt &&
          t("application.deadline", { date: formatBrussels(new Date(a.call.closesAt), locale) })}
      </p>
      {a.call.phase === "closed" && (
        <p className="notice notice--warning">{t("application.closed")}</p>
      )}
      {a.call.phase !== "closed" && !a.canEdit && (
        <p className="notice notice--info">{t("application.readOnly")}</p>
      )}
      <h2 id="secties">{t("application.sectionsTitle")}</h2>
      <p>{t("application.sectionsProgress", { done, total: a.sections.length })}</p>
      <ul className="task-list" aria-labelledby="secties">
        {a.sections.map((s) => (
          <TaskListStep
            key={s.id}
            id={s.id}
            href={href("/aanvragen/:applicationId/sectie/:sectionId", {
              applicationId: a.id,
              sectionId: s.id,
            })}
            label={s.title}
            status={s.status}
          />
        ))}
      </ul>
      <h2 id="stappen">{t("application.stepsTitle")}</h2>
      <ul className="task-list" aria-labelledby="stappen">
        {loaderData.steps.map((s) => (
          <TaskListStep
            key={s.id}
            id={`stap-${s.id}`}
            href={stepHref(a.id, s.id)}
            label={t(`application.step.${s.id}`)}
            status={s.status}
          />
        ))}
      </ul>
      {loaderData.approval && loaderData.approval.state !== "notRequired" && (
        <section aria-labelledby="goedkeuring">
          <h2 id="goedkeuring">{t("approval.title")}</h2>
          <ApprovalStatus approval={loaderData.approval} schoolName={a.leadOrganisationName} />
          <p>
            <Link to={href("/aanvragen/:applicationId/goedkeuren", { applicationId: a.id })}>
              {loaderData.mayApprove && a.status === "draft"
                ? t("dashboard.director.read")
                : t("approval.toPage")}
            </Link>
          </p>
        </section>
      )}
      <h2 id="indienen">{t("submission.taskListEntry")}</h2>
      {a.status === "draft" && (
        <ul className="task-list" aria-labelledby="indienen">
          <li className="task-list__item">
            <Link
              to={href("/aanvragen/:applicationId/indienen", { applicationId: a.id })}
              className="task-list__name"
            >
              {t("submission.checkTitle")}
            </Link>
          </li>
        </ul>
      )}
      {a.mayWithdraw && (
        <p>
          <Link to={href("/aanvragen/:applicationId/intrekken", { applicationId: a.id })}>
            {t("submission.withdrawTitle")}
          </Link>
        </p>
      )}
      {a.mayReopen && (
        <>
          <p>{t("submission.reopenLead")}</p>
          <AppForm action={href("/aanvragen/:applicationId/heropenen", { applicationId: a.id })}>
            <SubmitButton>{t("submission.reopen")}</SubmitButton>
          </AppForm>
        </>
      )}
      {loaderData.submissions.length > 0 && (
        <>
          <h3>{t("submission.historyTitle")}</h3>
          <ul>
            {loaderData.submissions.map((s) => (
              <li key={s.sequence}>
                <Link
                  to={href("/aanvragen/:applicationId/indieningen/:sequence", {
                    applicationId: a.id,
                    sequence: String(s.sequence),
                  })}
                >
                  {t("submission.historyItem", {
                    sequence: s.sequence,
                    date: formatBrussels(new Date(s.submittedAt), locale),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** For the programme team: the call's list of applications and this application's history. */
function ManageLinks(props: { listHref: string | null; historyHref: string | null }) {
  const t = useT();
  if (!props.listHref && !props.historyHref) return null;
  return (
    <ul className="plain-list">
      {props.listHref && (
        <li>
          <Link to={props.listHref}>{t("manage.backToList")}</Link>
        </li>
      )}
      {props.historyHref && (
        <li>
          <Link to={props.historyHref}>{t("manage.applicationHistory")}</Link>
        </li>
      )}
    </ul>
  );
}
