import { href, Link } from "react-router";
import { addPlanAction } from "../../../src/applications/plan/add-plan-action";
import { formatDay, maxMilestones, planPeriod } from "../../../src/applications/plan/model";
import { addActionInput, periodErrors } from "../../../src/applications/plan/plan-input";
import { planAnchors } from "../../../src/applications/plan/plan-problems";
import { readPlan } from "../../../src/applications/plan/read-plan";
import { updatePlanAction } from "../../../src/applications/plan/update-plan-action";
import { AppForm, SubmitButton, TextAreaField, TextField } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { type Answered, answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/plan-action";
import { loadStepPage, text } from "./plan-routes.server";

// Adding or changing an action of the plan, with up to five milestones (a row each; blank rows
// are left out). Dates are entered as yyyy-mm-dd (a date field) and should fit the call's period:
// an action outside it is saved, its dates marked here and the plan listing it, for the
// submission refuses it (ADR 0020). One page for both: /plan/acties/nieuw adds, /plan/acties/<id>
// changes.

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(matches, loaderData?.action ? "plan.changeAction" : "plan.addAction");

export async function loader({ request, params }: Route.LoaderArgs) {
  const { view, db } = await loadStepPage(request, params.applicationId);
  if (!view.canEdit) forbidden();
  const plan = await readPlan(db, view.id);
  if (!plan) notFound();
  const action = params.actionId ? plan.actions.find((x) => x.id === params.actionId) : undefined;
  if (params.actionId && !action) notFound();
  const period = planPeriod(plan.callRules);
  return {
    application: { id: view.id, title: view.title },
    action: action ?? null,
    period,
    problems: (action && periodErrors(period, action)) ?? {},
    constraints: formConstraints(addActionInput),
  };
}

/**
 * The milestone rows as posted, blank ones left out, and for each kept row the row it came from
 * (so an error on the second kept milestone is shown at the row it was typed in).
 */
function milestonesFrom(form: FormData) {
  const milestones: Array<{ title: string; date: string }> = [];
  const rows: number[] = [];
  for (let row = 0; row < maxMilestones; row++) {
    const title = text(form, `milestones.${row}.title`);
    const date = text(form, `milestones.${row}.date`);
    if (title.trim() === "" && date.trim() === "") continue;
    milestones.push({ title, date });
    rows.push(row);
  }
  return { milestones, rows };
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const { milestones, rows } = milestonesFrom(form);
  const input = {
    applicationId: params.applicationId,
    title: text(form, "title"),
    description: text(form, "description"),
    startsOn: text(form, "startsOn"),
    endsOn: text(form, "endsOn"),
    milestones,
  };
  const { database } = await services();
  const ctx = { db: database.db, actor };
  const result = params.actionId
    ? await updatePlanAction(ctx, { ...input, actionId: params.actionId })
    : await addPlanAction(ctx, input);
  return answer(result, {
    success: ({ id }) => ({
      redirect: `${href("/aanvragen/:applicationId/plan", params)}#${planAnchors.action(id)}`,
      flash: "plan.saved",
    }),
    values: formValues(form),
    // The use case counts the milestones it was given; the page's rows are positions.
    errors: ({ fieldErrors, formErrors }) => ({
      formErrors,
      fieldErrors: Object.fromEntries(
        Object.entries(fieldErrors).map(([key, messages]) => {
          const match = /^milestones\.(\d+)\.(.+)$/.exec(key);
          const row = match ? rows[Number(match[1])] : undefined;
          return [row !== undefined && match ? `milestones.${row}.${match[2]}` : key, messages];
        }),
      ),
    }),
  });
}

/** The fixed rows of the milestone table: a row is a position, not an item. */
const milestoneRows = Array.from({ length: maxMilestones }, (_, row) => row);

export default function PlanActionPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { application: a, action, period } = loaderData;
  const title = action ? t("plan.changeAction") : t("plan.addAction");
  const planHref = href("/aanvragen/:applicationId/plan", { applicationId: a.id });
  const labels: Record<string, string> = {
    title: t("plan.action.title"),
    description: t("plan.action.description"),
    startsOn: t("plan.action.startsOn"),
    endsOn: t("plan.action.endsOn"),
  };
  for (let row = 0; row < maxMilestones; row++) {
    labels[`milestones.${row}.title`] = t("plan.milestone.title", { n: row + 1 });
    labels[`milestones.${row}.date`] = t("plan.milestone.date", { n: row + 1 });
  }
  const dateHint = period
    ? t("plan.dateHintPeriod", {
        start: formatDay(period.startsOn, locale),
        end: formatDay(period.endsOn, locale),
      })
    : t("plan.dateHint");
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/aanvragen"), label: t("application.listTitle") },
          { to: href("/aanvragen/:applicationId", { applicationId: a.id }), label: a.title },
          { to: planHref, label: t("plan.title") },
          { label: title },
        ]}
      />
      <PageHeader title={title} />
      <AppForm
        feedback={(actionData as Answered | undefined)?.feedback}
        problems={loaderData.problems}
        labels={labels}
        constraints={loaderData.constraints}
      >
        <TextField name="title" defaultValue={action?.title} />
        <TextAreaField name="description" rows={5} defaultValue={action?.description} />
        <TextField
          name="startsOn"
          type="date"
          width="medium"
          hint={dateHint}
          defaultValue={action?.startsOn}
        />
        <TextField
          name="endsOn"
          type="date"
          width="medium"
          hint={t("plan.endHint")}
          defaultValue={action?.endsOn}
        />
        <fieldset className="field">
          <legend>{t("plan.milestonesTitle")}</legend>
          <p className="field__hint">{t("plan.milestonesHint", { max: maxMilestones })}</p>
          {milestoneRows.map((row) => (
            <div key={`mijlpaal-${row}`} className="filters__grid">
              <TextField
                name={`milestones.${row}.title`}
                defaultValue={action?.milestones[row]?.title}
              />
              <TextField
                name={`milestones.${row}.date`}
                type="date"
                width="medium"
                defaultValue={action?.milestones[row]?.date}
              />
            </div>
          ))}
        </fieldset>
        <SubmitButton>{t("plan.saveAction")}</SubmitButton>
      </AppForm>
      <p>
        <Link to={planHref}>{t("plan.backToPlan")}</Link>
      </p>
    </>
  );
}
