import { href, Link } from "react-router";
import { programmeChoicesByCode } from "../../../src/directory/programme-options";
import { isEditable } from "../../../src/library/model";
import { getMaterialPage } from "../../../src/library/read-material";
import { updateMaterialVersion } from "../../../src/library/update-material-version";
import { AppForm, type FormFeedback, SubmitButton } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { programmeSearchReply } from "../../lib/programme-picker.server";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/material-edit";
import {
  MaterialFields,
  type MaterialFormValues,
  materialFieldLabels,
  materialFormInput,
  versionFormValues,
} from "./material-form";

// Editing a version while it is with its makers (a draft, or sent back with notes). The form
// carries the revision it was loaded at; a save in between is refused instead of overwritten.

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? plainTitle(loaderData.title) : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const page = await getMaterialPage(database.db, params.materialId, actor, Number(params.number));
  if (!page) notFound();
  if (!page.canEdit || !isEditable(page.version.state)) forbidden();
  const v = page.version;
  return {
    constraints: formConstraints(updateMaterialVersion.spec.input),
    title: v.title,
    materialId: page.id,
    number: v.number,
    versionId: v.id,
    revision: v.revision,
    values: versionFormValues(v),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const values = materialFormInput(form);
  const search = programmeSearchReply(form, { programmeCodes: programmeChoicesByCode });
  if (search) return { values, search, feedback: undefined };
  const { database } = await services();
  const result = await updateMaterialVersion({ db: database.db, actor }, values);
  return answer(result, {
    success: () => ({
      redirect: `${href("/bibliotheek/:materialId", params)}?versie=${params.number}`,
      flash: "library.saved",
    }),
    extra: { values },
  });
}

export default function MaterialEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const l = loaderData;
  const values: MaterialFormValues = actionData?.values ?? l.values;
  const feedback: FormFeedback | undefined = actionData?.feedback;
  const back = `${href("/bibliotheek/:materialId", { materialId: l.materialId })}?versie=${l.number}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/bibliotheek"), label: t("library.title") },
          { to: back, label: l.title },
          { label: t("library.editTitle", { number: l.number }) },
        ]}
      />
      <PageHeader title={t("library.editTitle", { number: l.number })} lead={l.title} />
      <AppForm
        feedback={feedback}
        labels={materialFieldLabels(t)}
        constraints={loaderData.constraints}
      >
        <input type="hidden" name="versionId" value={l.versionId} />
        <input type="hidden" name="revision" value={String(values.revision ?? l.revision)} />
        <MaterialFields
          values={values}
          feedback={feedback}
          search={actionData && "search" in actionData ? actionData.search : null}
        />
        <div className="button-row">
          <SubmitButton>{t("library.saveDraft")}</SubmitButton>
          <Link to={back}>{t("common.cancel")}</Link>
        </div>
      </AppForm>
      <p>
        <Link
          to={href("/bibliotheek/:materialId/versies/:number/bestanden", {
            materialId: l.materialId,
            number: String(l.number),
          })}
        >
          {t("library.files.manage")}
        </Link>
      </p>
    </>
  );
}
