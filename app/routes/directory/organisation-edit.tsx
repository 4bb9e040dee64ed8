import { Fragment } from "react";
import { href } from "react-router";
import { getOrganisation } from "../../../src/directory/get-organisation";
import { municipalityOptions } from "../../../src/directory/municipality-options";
import { organisationFormFields } from "../../../src/directory/organisation-input";
import { directoryPolicy } from "../../../src/directory/policy";
import { updateOrganisation } from "../../../src/directory/update-organisation";
import { AppForm, SubmitButton } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { type Answered, answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
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

interface EditExtra {
  /** On a conflict: the version saved now, which the next save starts from. */
  version?: string;
  /** On a conflict: the saved values that differ from what was entered. */
  current?: Array<{ field: string; value: string }>;
}

export async function action({ request, params }: Route.ActionArgs) {
  const { actor, db } = await load(request, params.organisationId);
  const values = formValues(await request.formData());
  const id = params.organisationId;
  const result = await updateOrganisation({ db, actor }, { ...values, id });
  // Saved by someone else meanwhile: keep what was typed, show what is saved now, and let the
  // next save start from it.
  const savedNow = async () => {
    const latest = await getOrganisation(db, id, actor);
    if (!latest) notFound();
    return latest.organisation;
  };
  return answer(result, {
    success: () => ({
      redirect: href("/gids/:organisationId", params),
      flash: "organisation.saved",
    }),
    values,
    extra: async (refusal): Promise<EditExtra> => {
      if (refusal.reason !== "conflict") return {};
      const saved = await savedNow();
      const savedValues = organisationFormValues(saved);
      return {
        version: String(saved.version),
        current: organisationFormFields
          .filter((field) => savedValues[field].trim() !== (values[field] ?? "").trim())
          .map((field) => ({ field, value: savedValues[field] })),
      };
    },
  });
}

export default function OrganisationEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const labels = organisationFieldLabels(t);
  const { organisation } = loaderData;
  const result = actionData as Answered<EditExtra> | undefined;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/"), label: t("nav.home") },
          { to: href("/gids"), label: t("directory.title") },
          {
            to: href("/gids/:organisationId", { organisationId: organisation.id }),
            label: organisation.name,
          },
          { label: t("organisation.edit") },
        ]}
      />
      <PageHeader title={t("organisation.editTitle", { name: organisation.name })} />
      <AppForm constraints={loaderData.constraints} feedback={result?.feedback} labels={labels}>
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
          value={
            result?.version ?? result?.feedback.values?.version ?? String(organisation.version)
          }
          readOnly
        />
        <OrganisationFields
          defaults={loaderData.defaults}
          municipalities={loaderData.municipalities}
        />
        <div className="button-row">
          <SubmitButton>{t("organisation.save")}</SubmitButton>
          <a href={href("/gids/:organisationId", { organisationId: organisation.id })}>
            {t("common.cancel")}
          </a>
        </div>
      </AppForm>
    </>
  );
}
