import { href, Link } from "react-router";
import { applicationsPolicy } from "../../../src/applications/policy";
import { getApplication } from "../../../src/applications/read-applications";
import { readDossier } from "../../../src/applications/submission/dossier";
import { listSubmissions } from "../../../src/applications/submission/read-submission";
import { taskListSteps } from "../../../src/applications/task-list";
import { auditPolicy } from "../../../src/audit/policy";
import { formatBrussels } from "../../../src/calls/brussels-time";
import { AppForm, SubmitButton } from "../../components/form";
import { Breadcrumbs, FlashNotice, PageHeader } from "../../components/page";
import { notFound, requireActor } from "../../lib/actor.server";
import { useLocale, useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import { auditHistoryHref } from "../audit/history-href";
import type { Route } from "./+types/application";
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
  return { application, manage, submissions, steps };
}

export default function ApplicationTaskList({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const a = loaderData.application;
  const open = a.call.phase === "open";
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
          <li key={s.id} className="task-list__item">
            <Link
              to={href("/aanvragen/:applicationId/sectie/:sectionId", {
                applicationId: a.id,
                sectionId: s.id,
              })}
              aria-describedby={`status-${s.id}`}
              className="task-list__name"
            >
              {s.title}
            </Link>
            <span
              id={`status-${s.id}`}
              className={`tag task-list__status task-list__status--${s.status}`}
            >
              {t(`application.sectionStatus.${s.status}`)}
            </span>
          </li>
        ))}
      </ul>
      <h2 id="stappen">{t("application.stepsTitle")}</h2>
      {loaderData.steps.map((s) => (
        <TaskListStep
          key={s.id}
          id={`stap-${s.id}`}
          href={stepHref(a.id, s.id)}
          label={t(`application.step.${s.id}`)}
          status={s.status}
        />
      ))}
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
      {a.status === "submitted" && open && a.mayChange && (
        <p>
          <Link to={href("/aanvragen/:applicationId/intrekken", { applicationId: a.id })}>
            {t("submission.withdrawTitle")}
          </Link>
        </p>
      )}
      {a.status === "withdrawn" && open && a.mayChange && (
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
