import { Fragment } from "react";
import { data } from "react-router";
import { getOrganisation } from "../../../src/directory/get-organisation";
import { municipalityOptions } from "../../../src/directory/municipality-options";
import { organisationFormFields } from "../../../src/directory/organisation-input";
import { directoryPolicy } from "../../../src/directory/policy";
import { updateOrganisation } from "../../../src/directory/update-organisation";
import { AppForm, type FormFeedback, SubmitButton } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { redirectWithFlash } from "../../lib/flash.server";
import { feedback, formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/organisation-edit";
import {
  OrganisationFields,
  organisationFieldLabels,
  organisationFormValues,
} from "./organisation-form";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(matches, "organisation.editTitle", { name: loaderData?.organisation.name ?? "" });

/** The signed-in administrator and the organisation, or the right error page. */
async function load(request: Request, organisationId: string) {
  const actor = await requireActor(request);
  if (!directoryPolicy.updateOrganisation(actor, { organisationId })) forbidden();
  const { database } = await services();
  const view = await getOrganisation(database.db, organisationId, actor);
  if (!view) notFound();
  return { actor, db: database.db, organisation: view.organisation };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { organisation } = await load(request, params.organisationId);
  return {
    constraints: formConstraints(updateOrganisation.spec.input),
    organisation: {
      id: organisation.id,
      name: organisation.name,
      version: organisation.version,
    },
    defaults: organisationFormValues(organisation),
    municipalities: municipalityOptions(),
  };
}

type EditFeedback = FormFeedback & {
  /** On a conflict: the saved values that differ from what was entered. */
  current?: Array<{ field: string; value: string }>;
};

export async function action({ request, params }: Route.ActionArgs) {
  const { actor, db } = await load(request, params.organisationId);
  const values = formValues(await request.formData());
  const id = params.organisationId;
  const result = await updateOrganisation({ db, actor }, { ...values, id });
  if (result.ok) return redirectWithFlash(`/gids/${id}`, "organisation.saved");
  switch (result.reason) {
    case "invalid":
      return data<EditFeedback>(feedback(values, result), 400);
    case "forbidden":
      return forbidden();
    case "notFound":
      return notFound();
    case "conflict": {
      // Keep what was typed, show what is saved now, and let the next save start from it.
      const latest = await getOrganisation(db, id, actor);
      if (!latest) return notFound();
      const saved = organisationFormValues(latest.organisation);
      const current = organisationFormFields
        .filter((field) => saved[field].trim() !== (values[field] ?? "").trim())
        .map((field) => ({ field, value: saved[field] }));
      const kept = { ...values, version: String(latest.organisation.version) };
      return data<EditFeedback>(
        { ...feedback(kept, { formErrors: [result.message] }), current },
        409,
      );
    }
  }
}

export default function OrganisationEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const labels = organisationFieldLabels(t);
  const { organisation } = loaderData;
  const result = actionData as EditFeedback | undefined;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("nav.home") },
          { to: "/gids", label: t("directory.title") },
          { to: `/gids/${organisation.id}`, label: organisation.name },
          { label: t("organisation.edit") },
        ]}
      />
      <PageHeader title={t("organisation.editTitle", { name: organisation.name })} />
      <AppForm constraints={loaderData.constraints} feedback={result} labels={labels}>
        {result?.current && result.current.length > 0 && (
          <div className="notice notice--warning">
            <p>{t("organisation.conflictCurrent")}</p>
            <dl className="summary-list">
              {result.current.map((c) => (
                <Fragment key={c.field}>
                  <dt>{labels[c.field as keyof typeof labels] ?? c.field}</dt>
                  <dd>{c.value || t("common.none")}</dd>
                </Fragment>
              ))}
            </dl>
          </div>
        )}
        <input
          type="hidden"
          name="version"
          value={result?.values?.version ?? String(organisation.version)}
          readOnly
        />
        <OrganisationFields
          defaults={loaderData.defaults}
          municipalities={loaderData.municipalities}
        />
        <div className="button-row">
          <SubmitButton>{t("organisation.save")}</SubmitButton>
          <a href={`/gids/${organisation.id}`}>{t("common.cancel")}</a>
        </div>
      </AppForm>
    </>
  );
}
