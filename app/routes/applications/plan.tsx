import { href, Link } from "react-router";
import { formatDay, planPeriod } from "../../../src/applications/plan/model";
import { planAnchors, planProblems } from "../../../src/applications/plan/plan-problems";
import { readPlan } from "../../../src/applications/plan/read-plan";
import { removeDisseminationItem } from "../../../src/applications/plan/remove-dissemination-item";
import { removePlanAction } from "../../../src/applications/plan/remove-plan-action";
import { removePlanTeacher } from "../../../src/applications/plan/remove-plan-teacher";
import { studyProgrammes } from "../../../src/directory/reference-data";
import type { MessageKey } from "../../../src/i18n/translate";
import { AppForm, InPageLink, SubmitButton } from "../../components/form";
import { Breadcrumbs, EmptyState, FlashNotice, PageHeader } from "../../components/page";
import { notFound, requireActor } from "../../lib/actor.server";
import { type Answered, answer } from "../../lib/answer.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/plan";
import { loadStepPage, text } from "./plan-routes.server";

// The plan of an application: actions and milestones, the teachers involved with their
// professionalisation, and the dissemination plan. Each item has its own page to add or change
// it; removing is a small form per item (a POST, so it works without JavaScript too).

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(matches, "plan.pageTitle", { application: loaderData?.application.title ?? "" });

export async function loader({ request, params }: Route.LoaderArgs) {
  const { view, db } = await loadStepPage(request, params.applicationId);
  const plan = await readPlan(db, view.id);
  if (!plan) notFound();
  const programmeNames = Object.fromEntries(
    plan.dissemination
      .flatMap((i) => i.programmeCodes)
      .map((code) => [code, studyProgrammes.find((p) => p.code === code)?.name ?? code]),
  );
  return {
    application: { id: view.id, title: view.title, canEdit: view.canEdit },
    leadSchool: { id: view.leadOrganisationId, name: view.leadOrganisationName },
    plan,
    period: planPeriod(plan.callRules),
    problems: planProblems(plan, plan.callRules),
    programmeNames,
  };
}

const removers = {
  removeAction: { remove: removePlanAction, field: "actionId", anchor: planAnchors.actions },
  removeTeacher: { remove: removePlanTeacher, field: "teacherId", anchor: planAnchors.teachers },
  removeDissemination: {
    remove: removeDisseminationItem,
    field: "itemId",
    anchor: planAnchors.dissemination,
  },
} as const;

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const intent = text(form, "intent");
  if (!Object.hasOwn(removers, intent)) notFound();
  const remover = removers[intent as keyof typeof removers];
  const { database } = await services();
  const result = await remover.remove(
    { db: database.db, actor },
    { applicationId: params.applicationId, [remover.field]: text(form, "id") },
  );
  return answer(result, {
    success: () => ({
      redirect: `${href("/aanvragen/:applicationId/plan", params)}#${remover.anchor}`,
      flash: "plan.removed",
    }),
  });
}

/** A small form that removes one item, named after it for screen readers. */
function RemoveForm(props: { intent: keyof typeof removers; id: string; label: string }) {
  return (
    <AppForm className="inline-form" aria-label={props.label}>
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="id" value={props.id} />
      <SubmitButton secondary>{props.label}</SubmitButton>
    </AppForm>
  );
}

export default function PlanPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { application: a, plan, period, problems } = loaderData;
  const day = (d: string) => formatDay(d, locale);
  const feedback = (actionData as Answered | undefined)?.feedback;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/aanvragen"), label: t("application.listTitle") },
          { to: href("/aanvragen/:applicationId", { applicationId: a.id }), label: a.title },
          { label: t("plan.title") },
        ]}
      />
      <PageHeader title={t("plan.title")} lead={t("plan.lead")} />
      <FlashNotice />
      {feedback?.formErrors?.map((m) => (
        <p key={m} className="notice notice--warning" role="alert">
          {t(m as MessageKey)}
        </p>
      ))}
      {!a.canEdit && <p className="notice notice--info">{t("application.readOnly")}</p>}
      {problems.length > 0 && (
        <div className="notice notice--info">
          <h2>{t("plan.stillMissing")}</h2>
          <ul>
            {problems.map((p) => (
              <li key={`${p.key}-${p.fixAt}`}>
                <InPageLink to={p.fixAt.split("#")[1] ?? ""}>
                  {t(p.key as MessageKey, p.params)}
                </InPageLink>
              </li>
            ))}
          </ul>
        </div>
      )}

      <section aria-labelledby={planAnchors.actions}>
        <h2 id={planAnchors.actions}>{t("plan.actionsTitle")}</h2>
        {period && (
          <p>{t("plan.periodText", { start: day(period.startsOn), end: day(period.endsOn) })}</p>
        )}
        {plan.actions.length === 0 && <EmptyState title={t("plan.noActions")} />}
        {plan.actions.map((action) => (
          <article key={action.id} id={planAnchors.action(action.id)} className="card plan-item">
            <h3>{action.title}</h3>
            <p>{t("plan.actionDates", { start: day(action.startsOn), end: day(action.endsOn) })}</p>
            <p className="answer-text">{action.description}</p>
            {action.milestones.length > 0 && (
              <>
                <h4>{t("plan.milestonesTitle")}</h4>
                <ul>
                  {action.milestones.map((m) => (
                    <li key={`${m.date}-${m.title}`}>
                      {day(m.date)}: {m.title}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {a.canEdit && (
              <div className="button-row">
                <Link
                  to={href("/aanvragen/:applicationId/plan/acties/:actionId", {
                    applicationId: a.id,
                    actionId: action.id,
                  })}
                >
                  {t("plan.changeItem", { item: action.title })}
                </Link>{" "}
                <RemoveForm
                  intent="removeAction"
                  id={action.id}
                  label={t("plan.removeItem", { item: action.title })}
                />
              </div>
            )}
          </article>
        ))}
        {a.canEdit && (
          <p>
            <Link
              to={href("/aanvragen/:applicationId/plan/acties/nieuw", { applicationId: a.id })}
              className="button button--secondary"
            >
              {t("plan.addAction")}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby={planAnchors.teachers}>
        <h2 id={planAnchors.teachers}>{t("plan.teachersTitle")}</h2>
        {plan.teachers.length === 0 && <EmptyState title={t("plan.noTeachers")} />}
        {plan.teachers.map((teacher) => (
          <article key={teacher.id} id={planAnchors.teacher(teacher.id)} className="card plan-item">
            <h3>{teacher.name}</h3>
            <dl className="summary-list">
              <dt>{t("plan.teacher.role")}</dt>
              <dd>{teacher.role}</dd>
              {teacher.email && (
                <>
                  <dt>{t("plan.teacher.email")}</dt>
                  <dd>{teacher.email}</dd>
                </>
              )}
              <dt>{t("plan.teacher.school")}</dt>
              <dd>
                {teacher.organisationId === loaderData.leadSchool.id
                  ? loaderData.leadSchool.name
                  : t("plan.teacher.schoolNotGiven")}
              </dd>
              <dt>{t("plan.teacher.learningGoal")}</dt>
              <dd className="answer-text">{teacher.learningGoal || t("plan.notGiven")}</dd>
              <dt>{t("plan.teacher.learningMethod")}</dt>
              <dd>
                {teacher.learningMethod
                  ? t(`plan.learningMethod.${teacher.learningMethod}`)
                  : t("plan.notGiven")}
              </dd>
              <dt>{t("plan.teacher.learningWith")}</dt>
              <dd>{teacher.learningWith || t("plan.notGiven")}</dd>
              <dt>{t("plan.teacher.plannedHours")}</dt>
              <dd>
                {teacher.plannedHours !== null
                  ? t("plan.hours", { hours: teacher.plannedHours })
                  : t("plan.notGiven")}
              </dd>
            </dl>
            {a.canEdit && (
              <div className="button-row">
                <Link
                  to={href("/aanvragen/:applicationId/plan/leraren/:teacherId", {
                    applicationId: a.id,
                    teacherId: teacher.id,
                  })}
                >
                  {t("plan.changeItem", { item: teacher.name })}
                </Link>{" "}
                <RemoveForm
                  intent="removeTeacher"
                  id={teacher.id}
                  label={t("plan.removeItem", { item: teacher.name })}
                />
              </div>
            )}
          </article>
        ))}
        {a.canEdit && (
          <p>
            <Link
              to={href("/aanvragen/:applicationId/plan/leraren/nieuw", { applicationId: a.id })}
              className="button button--secondary"
            >
              {t("plan.addTeacher")}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby={planAnchors.dissemination}>
        <h2 id={planAnchors.dissemination}>{t("plan.disseminationTitle")}</h2>
        <p>{t("plan.disseminationLead")}</p>
        {plan.dissemination.length === 0 && <EmptyState title={t("plan.noDissemination")} />}
        {plan.dissemination.map((item) => (
          <article key={item.id} id={planAnchors.item(item.id)} className="card plan-item">
            <h3>{item.title}</h3>
            <dl className="summary-list">
              <dt>{t("plan.item.resourceType")}</dt>
              <dd>{t(`plan.resourceType.${item.resourceType}`)}</dd>
              <dt>{t("plan.item.programmes")}</dt>
              <dd>
                {item.programmeCodes.length === 0
                  ? t("plan.notGiven")
                  : item.programmeCodes
                      .map((c) => `${loaderData.programmeNames[c] ?? c} (${c})`)
                      .join(", ")}
              </dd>
              <dt>{t("plan.item.licence")}</dt>
              <dd>{item.licence ? t(`plan.licence.${item.licence}`) : t("plan.notGiven")}</dd>
              <dt>{t("plan.item.releaseOn")}</dt>
              <dd>{item.releaseOn ? day(item.releaseOn) : t("plan.notGiven")}</dd>
            </dl>
            {a.canEdit && (
              <div className="button-row">
                <Link
                  to={href("/aanvragen/:applicationId/plan/verspreiding/:itemId", {
                    applicationId: a.id,
                    itemId: item.id,
                  })}
                >
                  {t("plan.changeItem", { item: item.title })}
                </Link>{" "}
                <RemoveForm
                  intent="removeDissemination"
                  id={item.id}
                  label={t("plan.removeItem", { item: item.title })}
                />
              </div>
            )}
          </article>
        ))}
        {a.canEdit && (
          <p>
            <Link
              to={href("/aanvragen/:applicationId/plan/verspreiding/nieuw", {
                applicationId: a.id,
              })}
              className="button button--secondary"
            >
              {t("plan.addDissemination")}
            </Link>
          </p>
        )}
      </section>
      <p>
        <Link to={href("/aanvragen/:applicationId", { applicationId: a.id })}>
          {t("application.backToTaskList")}
        </Link>
      </p>
    </>
  );
}
