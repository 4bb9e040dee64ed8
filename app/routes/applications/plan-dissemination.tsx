import { data, href, Link } from "react-router";
import { addDisseminationItem } from "../../../src/applications/plan/add-dissemination-item";
import { disseminationResourceTypes, planLicences } from "../../../src/applications/plan/model";
import { planAnchors } from "../../../src/applications/plan/plan-problems";
import { readPlan } from "../../../src/applications/plan/read-plan";
import { updateDisseminationItem } from "../../../src/applications/plan/update-dissemination-item";
import { studyProgrammes } from "../../../src/directory/reference-data";
import {
  AppForm,
  type FormFeedback,
  fieldId,
  SelectField,
  SubmitButton,
  TextField,
} from "../../components/form";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/plan-dissemination";
import { loadStepPage, text } from "./plan-routes.server";

// Adding or changing a material of the dissemination and replication plan: what it is, for
// which study programmes (searched in the catalogue: the search is a button of the same form, so
// it works without JavaScript and keeps what was typed), under which open licence, and when.

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(matches, loaderData?.item ? "plan.changeDissemination" : "plan.addDissemination");

interface ProgrammeOption {
  code: string;
  label: string;
}

/** One option per programme code: its name(s) in the catalogue and the code. */
const programmeOptions: ProgrammeOption[] = (() => {
  const names = new Map<string, string[]>();
  for (const p of studyProgrammes) names.set(p.code, [...(names.get(p.code) ?? []), p.name]);
  return [...names].map(([code, list]) => ({
    code,
    label: `${[...new Set(list)].join(" / ")} (${code})`,
  }));
})();
const optionByCode = new Map(programmeOptions.map((o) => [o.code, o]));

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Programmes whose name or code contains every word searched for; at most 40. */
function searchProgrammes(query: string): ProgrammeOption[] {
  const words = fold(query).split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return [];
  return programmeOptions
    .filter((o) => words.every((w) => fold(o.label).includes(w)))
    .sort((x, y) => x.label.localeCompare(y.label, "nl"))
    .slice(0, 40);
}

const chosenOptions = (codes: string[]): ProgrammeOption[] =>
  codes.map((code) => optionByCode.get(code) ?? { code, label: code });

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
    chosen: chosenOptions(item?.programmeCodes ?? []),
  };
}

interface DisseminationActionData {
  feedback: FormFeedback;
  chosen: ProgrammeOption[];
  matches: ProgrammeOption[] | null;
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const codes = form
    .getAll("programmeCodes")
    .filter((v): v is string => typeof v === "string")
    .slice(0, 100);
  const values = formValues(form);
  if (text(form, "intent") === "search") {
    const query = text(form, "zoek").slice(0, 200);
    return data<DisseminationActionData>({
      feedback: { values },
      chosen: chosenOptions([...new Set(codes)]),
      matches: searchProgrammes(query).filter((o) => !codes.includes(o.code)),
    });
  }
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
    extra: { chosen: chosenOptions([...new Set(codes)]), matches: null },
  });
}

function ProgrammeCheckbox(props: { option: ProgrammeOption; checked: boolean }) {
  const id = `${fieldId("programmeCodes")}-${props.option.code.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return (
    <div className="choice">
      <input
        type="checkbox"
        id={id}
        name="programmeCodes"
        value={props.option.code}
        defaultChecked={props.checked}
      />
      <label htmlFor={id}>{props.option.label}</label>
    </div>
  );
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
  const programmesId = fieldId("programmeCodes");
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
      <AppForm feedback={reply?.feedback} labels={labels}>
        <TextField name="title" label={labels.title} required defaultValue={item?.title} />
        <SelectField
          name="resourceType"
          label={labels.resourceType}
          required
          options={disseminationResourceTypes.map((r) => ({
            value: r,
            label: t(`plan.resourceType.${r}`),
          }))}
          defaultValue={item?.resourceType}
        />
        <fieldset
          className={`field choices${programmeError ? " field--error" : ""}`}
          id={programmesId}
          aria-describedby={`${programmesId}-hint${programmeError ? ` ${programmesId}-fout` : ""}`}
        >
          <legend>{labels.programmeCodes}</legend>
          <p className="field__hint" id={`${programmesId}-hint`}>
            {t("plan.item.programmesHint")}
          </p>
          {programmeError && (
            <p className="field__error" id={`${programmesId}-fout`}>
              {t("error.invalidChoice")}
            </p>
          )}
          {chosen.length === 0 && <p className="muted">{t("plan.item.noProgrammesChosen")}</p>}
          {chosen.map((o) => (
            <ProgrammeCheckbox key={o.code} option={o} checked />
          ))}
          <TextField
            name="zoek"
            type="search"
            width="medium"
            label={t("plan.item.programmeSearch")}
          />
          <SubmitButton name="intent" value="search" secondary>
            {t("plan.item.programmeSearchButton")}
          </SubmitButton>
          {reply?.matches && (
            <div role="status">
              <p>
                {reply.matches.length === 0
                  ? t("plan.item.noProgrammeMatches")
                  : t("plan.item.programmeMatches", { count: reply.matches.length })}
              </p>
              {reply.matches.map((o) => (
                <ProgrammeCheckbox key={o.code} option={o} checked={false} />
              ))}
            </div>
          )}
        </fieldset>
        <SelectField
          name="licence"
          label={labels.licence}
          conditional
          hint={t("plan.item.licenceHint")}
          options={planLicences.map((l) => ({ value: l, label: t(`plan.licence.${l}`) }))}
          defaultValue={item?.licence}
        />
        <TextField
          name="releaseOn"
          type="date"
          width="medium"
          label={labels.releaseOn}
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
