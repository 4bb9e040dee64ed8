import { data, href, Link } from "react-router";
import { addDisseminationItem } from "../../../src/applications/plan/add-dissemination-item";
import { disseminationResourceTypes, planLicences } from "../../../src/applications/plan/model";
import { addDisseminationInput } from "../../../src/applications/plan/plan-input";
import { planAnchors } from "../../../src/applications/plan/plan-problems";
import { readPlan } from "../../../src/applications/plan/read-plan";
import { updateDisseminationItem } from "../../../src/applications/plan/update-dissemination-item";
import {
  chosenProgrammeChoices,
  type ProgrammeChoice,
  programmeChoicesByCode,
} from "../../../src/directory/programme-options";
import {
  AppForm,
  type FormFeedback,
  SelectField,
  SubmitButton,
  TextField,
} from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { ProgrammePicker } from "../../components/programme-picker";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { programmeSearchReply } from "../../lib/programme-picker.server";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/plan-dissemination";
import { loadStepPage, text } from "./plan-routes.server";

// Adding or changing a material of the dissemination and replication plan: what it is, for
// which study programmes (searched in the catalogue: the search is a button of the same form, so
// it works without JavaScript and keeps what was typed), under which open licence, and when.

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(matches, loaderData?.item ? "plan.changeDissemination" : "plan.addDissemination");

export async function loader({ request, params }: Route.LoaderArgs) {
  const { view, db } = await loadStepPage(request, params.applicationId);
  if (!view.canEdit) forbidden();
  const plan = await readPlan(db, view.id);
  if (!plan) notFound();
  const item = params.itemId ? plan.dissemination.find((x) => x.id === params.itemId) : undefined;
  if (params.itemId && !item) notFound();
  return {
    application: { id: view.id, title: view.title },
    item: item ?? null,
    chosen: chosenProgrammeChoices(programmeChoicesByCode, item?.programmeCodes ?? []),
    constraints: formConstraints(addDisseminationInput),
  };
}

interface DisseminationActionData {
  feedback: FormFeedback;
  chosen: ProgrammeChoice[];
  matches: ProgrammeChoice[] | null;
  query?: string;
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const codes = form
    .getAll("programmeCodes")
    .filter((v): v is string => typeof v === "string")
    .slice(0, 100);
  const values = formValues(form);
  const search = programmeSearchReply(form, { programmeCodes: programmeChoicesByCode });
  if (search) return data<DisseminationActionData>({ feedback: { values }, ...search });
  const input = {
    applicationId: params.applicationId,
    title: text(form, "title"),
    resourceType: text(form, "resourceType"),
    programmeCodes: codes,
    licence: text(form, "licence"),
    releaseOn: text(form, "releaseOn"),
  };
  const { database } = await services();
  const ctx = { db: database.db, actor };
  const result = params.itemId
    ? await updateDisseminationItem(ctx, { ...input, itemId: params.itemId })
    : await addDisseminationItem(ctx, input);
  return answer(result, {
    success: ({ id }) => ({
      redirect: `${href("/aanvragen/:applicationId/plan", params)}#${planAnchors.item(id)}`,
      flash: "plan.saved",
    }),
    values,
    extra: { chosen: chosenProgrammeChoices(programmeChoicesByCode, codes), matches: null },
  });
}

export default function PlanDisseminationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { application: a, item } = loaderData;
  const reply = actionData as DisseminationActionData | undefined;
  const chosen = reply ? reply.chosen : loaderData.chosen;
  const title = item ? t("plan.changeDissemination") : t("plan.addDissemination");
  const planHref = href("/aanvragen/:applicationId/plan", { applicationId: a.id });
  const labels = {
    title: t("plan.item.title"),
    resourceType: t("plan.item.resourceType"),
    programmeCodes: t("plan.item.programmes"),
    licence: t("plan.item.licence"),
    releaseOn: t("plan.item.releaseOn"),
  };
  const programmeError = reply?.feedback.fieldErrors?.programmeCodes?.[0];
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
      <AppForm feedback={reply?.feedback} labels={labels} constraints={loaderData.constraints}>
        <TextField name="title" defaultValue={item?.title} />
        <SelectField
          name="resourceType"
          options={disseminationResourceTypes.map((r) => ({
            value: r,
            label: t(`plan.resourceType.${r}`),
          }))}
          defaultValue={item?.resourceType}
        />
        <ProgrammePicker
          name="programmeCodes"
          label={labels.programmeCodes}
          hint={t("plan.item.programmesHint")}
          conditional
          chosen={chosen}
          matches={reply?.matches ?? null}
          query={reply?.query}
          error={programmeError ? t("error.invalidChoice") : undefined}
        />
        <SelectField
          name="licence"
          conditional
          hint={t("plan.item.licenceHint")}
          options={planLicences.map((l) => ({ value: l, label: t(`plan.licence.${l}`) }))}
          defaultValue={item?.licence}
        />
        <TextField
          name="releaseOn"
          type="date"
          width="medium"
          hint={t("plan.dateHint")}
          defaultValue={item?.releaseOn}
        />
        <SubmitButton name="intent" value="save">
          {t("plan.saveDissemination")}
        </SubmitButton>
      </AppForm>
      <p>
        <Link to={planHref}>{t("plan.backToPlan")}</Link>
      </p>
    </>
  );
}
