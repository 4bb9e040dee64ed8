import { randomUUID } from "node:crypto";
import { href, Link } from "react-router";
import { approvalAllowsSubmission } from "../../../src/applications/approval/model";
import { readApproval } from "../../../src/applications/approval/read-approval";
import type { ApplicationStep } from "../../../src/applications/model";
import { getApplication } from "../../../src/applications/read-applications";
import { receiptPath } from "../../../src/applications/submission/confirmation-mail";
import { readDossier } from "../../../src/applications/submission/dossier";
import { dossierSummary } from "../../../src/applications/submission/dossier-summary";
import { applicationProblems } from "../../../src/applications/submission/eligibility";
import { answerText } from "../../../src/applications/submission/submission-pdf";
import { submitApplication } from "../../../src/applications/submission/submit-application";
import { formatEuro } from "../../../src/platform/money";
import { formatBrussels } from "../../../src/platform/time";
import { AppForm, SubmitButton } from "../../components/form";
import { Breadcrumbs, ContentText, PageHeader } from "../../components/page";
import { notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { isMessageKey, useLocale, useT } from "../../lib/i18n";
import { wakeJobs } from "../../lib/jobs.server";
import { getLocale } from "../../lib/locale.server";
import { pageTitleAbout } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/application-submit";
import { ApprovalStatus } from "./approval-status";
import { stepHref } from "./step-href";

// Check your answers, then submit (GOV.UK pattern): the whole application as it will be frozen,
// every problem the eligibility check finds with a link to the place to fix it, and the submit
// form with a declaration and a fresh request key (a double click submits once).

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  loaderData ? pageTitleAbout(matches, "submission.checkTitle", loaderData.applicationTitle) : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const locale = getLocale(request);
  const { database } = await services();
  const view = await getApplication(database.db, params.applicationId, actor, new Date());
  if (!view) notFound();
  const dossier = await readDossier(database.db, view.id);
  if (!dossier) notFound();
  const problems = view.status === "draft" ? applicationProblems(dossier) : [];
  const approval = await readApproval(database.db, dossier);
  return {
    approval: {
      state: approval.state,
      approvedAt: approval.approvedAt,
      approvedByName: approval.approvedByName,
    },
    applicationId: view.id,
    applicationTitle: view.title,
    leadSchool: dossier.leadSchool.name,
    callTitle: dossier.call.title,
    closesAt: view.call.closesAt,
    status: view.status,
    canEdit: view.canEdit,
    problems,
    sections: dossier.form.definition.sections.map((s) => ({
      id: s.id,
      title: s.title,
      questions: s.questions.map((q) => ({
        id: q.id,
        label: q.label,
        answered: dossier.answers[q.id] !== undefined,
        text: answerText(q, dossier.answers[q.id], locale),
      })),
    })),
    steps: dossierSummary(dossier, locale),
    requestKey: randomUUID(),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const { database } = await services();
  const result = await submitApplication(
    { db: database.db, actor },
    {
      applicationId: params.applicationId,
      requestKey: form.get("requestKey"),
      declaration: form.get("declaration") ?? undefined,
    },
  );
  return answer(result, {
    success: ({ sequence }) => {
      // The receipt PDF and the confirmation mail are jobs of this submission: start them now
      // rather than at the next polling round, so the receipt page rarely has to say "wait".
      wakeJobs();
      return {
        redirect: receiptPath(params.applicationId, sequence),
        flash: "submission.submitted",
      };
    },
  });
}

export default function ApplicationSubmit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const a = loaderData;
  const base = href("/aanvragen/:applicationId", { applicationId: a.applicationId });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/aanvragen"), label: t("application.listTitle") },
          { to: base, label: a.applicationTitle },
          { label: t("submission.checkTitle") },
        ]}
      />
      <PageHeader title={t("submission.checkTitle")} lead={t("submission.checkLead")} />
      {a.problems.length > 0 && (
        <section className="error-summary" aria-labelledby="problemen-titel">
          <h2 id="problemen-titel">{t("submission.problemsTitle")}</h2>
          <p>{t("submission.problemsLead")}</p>
          <ul>
            {a.problems.map((p) => (
              <li key={`${p.key}-${p.fixAt}`}>
                <Link to={`${base}/${p.fixAt}`}>
                  {t(isMessageKey(p.key) ? p.key : "errorPage.text", {
                    ...p.params,
                    ...Object.fromEntries(
                      Object.entries(p.money ?? {}).map(([k, cents]) => [
                        k,
                        formatEuro(cents, locale),
                      ]),
                    ),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>{a.applicationTitle}</h2>
      <dl className="summary-list">
        <dt>{t("submission.pdf.leadSchool")}</dt>
        <dd>{a.leadSchool}</dd>
        <dt>{t("submission.pdf.call")}</dt>
        <dd>
          <ContentText>{a.callTitle}</ContentText>
        </dd>
      </dl>
      {a.sections.map((s) => (
        <section key={s.id} aria-labelledby={`sectie-${s.id}`}>
          <h2 id={`sectie-${s.id}`}>
            <ContentText>{s.title}</ContentText>
          </h2>
          <dl className="summary-list summary-list--answers">
            {s.questions.map((q) => (
              <div key={q.id} className="summary-list__row">
                <dt>
                  <ContentText>{q.label}</ContentText>
                </dt>
                <dd className="answer-text">
                  {q.answered ? q.text : <em>{t("submission.answerMissing")}</em>}
                </dd>
                {a.canEdit && (
                  <dd className="summary-list__action">
                    <Link
                      to={`${href("/aanvragen/:applicationId/sectie/:sectionId", { applicationId: a.applicationId, sectionId: s.id })}#veld-answers-${q.id}`}
                    >
                      {t("submission.change")}
                      <span className="visually-hidden">
                        {" "}
                        {t("submission.changeLabel", { what: q.label })}
                      </span>
                    </Link>
                  </dd>
                )}
              </div>
            ))}
          </dl>
        </section>
      ))}
      {a.steps.map((block) => (
        <section key={block.step} aria-labelledby={`stap-${block.step}`}>
          <h2 id={`stap-${block.step}`}>{block.title}</h2>
          <dl className="summary-list">
            {block.rows.map((row) => (
              <div key={row.key} className="summary-list__row">
                <dt>{row.label}</dt>
                <dd className="answer-text">{row.value}</dd>
              </div>
            ))}
          </dl>
          {a.canEdit && (
            <p>
              <Link to={stepHref(a.applicationId, block.step as ApplicationStep)}>
                {t("submission.change")}
                <span className="visually-hidden">
                  {" "}
                  {t("submission.changeLabel", { what: block.title })}
                </span>
              </Link>
            </p>
          )}
        </section>
      ))}
      {a.canEdit && (
        <section aria-labelledby="indienen-titel">
          <h2 id="indienen-titel">{t("submission.submit")}</h2>
          {a.closesAt && (
            <p>
              {t("submission.deadlineNotice", {
                date: formatBrussels(new Date(a.closesAt), locale),
              })}
            </p>
          )}
          {a.approval.state !== "notRequired" && (
            <ApprovalStatus approval={a.approval} schoolName={a.leadSchool} />
          )}
          {a.problems.length === 0 && !approvalAllowsSubmission(a.approval.state) && (
            <p className="notice notice--warning">
              {t("approval.submitBlocked")}{" "}
              <Link
                to={href("/aanvragen/:applicationId/goedkeuren", {
                  applicationId: a.applicationId,
                })}
              >
                {t("approval.toPage")}
              </Link>
            </p>
          )}
          {a.problems.length === 0 && approvalAllowsSubmission(a.approval.state) && (
            <p className="notice notice--info">{t("submission.ready")}</p>
          )}
          <AppForm feedback={actionData?.feedback}>
            <input type="hidden" name="requestKey" value={a.requestKey} />
            <div
              className={`field choice${actionData?.feedback.fieldErrors?.declaration ? " field--error" : ""}`}
            >
              {actionData?.feedback.fieldErrors?.declaration && (
                <p className="field__error" id="veld-declaration-fout">
                  {t("application.error.declarationRequired")}
                </p>
              )}
              <input
                type="checkbox"
                id="veld-declaration"
                name="declaration"
                aria-describedby={
                  actionData?.feedback.fieldErrors?.declaration
                    ? "veld-declaration-fout"
                    : undefined
                }
              />
              <label htmlFor="veld-declaration">{t("submission.declaration")}</label>
            </div>
            <SubmitButton>{t("submission.submit")}</SubmitButton>
          </AppForm>
        </section>
      )}
      <p>
        <Link to={base}>{t("submission.backToApplication")}</Link>
      </p>
    </>
  );
}

/** The consortium as it will be frozen: each school's programmes, each partner's confirmation. */
