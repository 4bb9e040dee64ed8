import { href, Link } from "react-router";
import { addBudgetLine } from "../../../src/applications/budget/add-budget-line";
import { budgetLineInput } from "../../../src/applications/budget/budget-line-input";
import { budgetCategories } from "../../../src/applications/budget/model";
import { readBudgetLines } from "../../../src/applications/budget/read-budget";
import { removeBudgetLine } from "../../../src/applications/budget/remove-budget-line";
import { updateBudgetLine } from "../../../src/applications/budget/update-budget-line";
import { getApplication } from "../../../src/applications/read-applications";
import { euroInputText } from "../../../src/platform/money";
import { AppForm, SelectField, SubmitButton, TextField } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/budget-line";

// One budget line: added (`regels/nieuw`) or changed and removed (`regels/<id>`). Teacher release
// time is given in hours and an hourly cost, every other category as an amount; the form shows
// both groups and the category decides which counts, so it works without JavaScript.

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  loaderData ? pageTitle(matches, lineTitle(loaderData.isNew)) : [];

const lineTitle = (isNew: boolean) => (isNew ? "budget.addLine" : "budget.changeLine");

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const view = await getApplication(database.db, params.applicationId, actor, new Date());
  if (!view) notFound();
  if (!view.canEdit) forbidden();
  const isNew = params.lineId === "nieuw";
  const line = isNew
    ? null
    : (await readBudgetLines(database.db, view.id)).find((l) => l.id === params.lineId);
  if (line === undefined) notFound();
  const cents = euroInputText;
  return {
    isNew,
    application: { id: view.id, title: view.title },
    values: line
      ? {
          category: line.category,
          description: line.description,
          hours: line.hours === null ? "" : String(line.hours).replace(".", ","),
          hourlyCost: cents(line.hourlyCostCents),
          amount: line.hours === null ? cents(line.amountCents) : "",
        }
      : null,
    constraints: formConstraints(budgetLineInput),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const values = formValues(form);
  const { database } = await services();
  const ctx = { db: database.db, actor };
  const applicationId = params.applicationId;
  const result =
    params.lineId === "nieuw"
      ? await addBudgetLine(ctx, { ...values, applicationId })
      : values.intent === "remove"
        ? await removeBudgetLine(ctx, { applicationId, lineId: params.lineId })
        : await updateBudgetLine(ctx, { ...values, applicationId, lineId: params.lineId });
  return answer(result, {
    success: () => ({
      redirect: href("/aanvragen/:applicationId/budget", params),
      flash: values.intent === "remove" ? "budget.lineRemoved" : "budget.lineSaved",
    }),
    values,
  });
}

export default function BudgetLinePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { application: a, values } = loaderData;
  const base = href("/aanvragen/:applicationId", { applicationId: a.id });
  const feedback = actionData?.feedback ?? (values ? { values } : undefined);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/aanvragen"), label: t("application.listTitle") },
          { to: base, label: a.title },
          {
            to: href("/aanvragen/:applicationId/budget", { applicationId: a.id }),
            label: t("budget.title"),
          },
          { label: t(lineTitle(loaderData.isNew)) },
        ]}
      />
      <PageHeader title={t(lineTitle(loaderData.isNew))} />
      <AppForm
        feedback={feedback}
        labels={{
          category: t("budget.category"),
          description: t("budget.description"),
          hours: t("budget.hours"),
          hourlyCost: t("budget.hourlyCost"),
          amount: t("budget.amount"),
        }}
        constraints={loaderData.constraints}
      >
        <SelectField
          name="category"
          options={budgetCategories.map((c) => ({ value: c, label: t(`budget.category.${c}`) }))}
        />
        <TextField name="description" />
        <fieldset className="fieldset">
          <legend>{t("budget.releaseLegend")}</legend>
          <TextField
            name="hours"
            conditional
            inputMode="text"
            width="short"
            hint={t("budget.hoursHint")}
          />
          <TextField
            name="hourlyCost"
            conditional
            width="short"
            hint={t("budget.hourlyCostHint")}
          />
        </fieldset>
        <TextField
          name="amount"
          conditional
          label={t("budget.amountOther")}
          width="short"
          hint={t("budget.moneyHint")}
        />
        <SubmitButton>{t("budget.save")}</SubmitButton>
      </AppForm>
      {values && (
        <AppForm aria-label={t("budget.removeLine")}>
          <SubmitButton name="intent" value="remove" secondary>
            {t("budget.removeLine")}
          </SubmitButton>
        </AppForm>
      )}
      <p>
        <Link to={href("/aanvragen/:applicationId/budget", { applicationId: a.id })}>
          {t("budget.back")}
        </Link>
      </p>
    </>
  );
}
