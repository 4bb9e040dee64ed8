import { href, Link } from "react-router";
import { listApplications } from "../../../src/applications/read-applications";
import { organisationsByIds } from "../../../src/directory/organisations-of";
import { createMaterial } from "../../../src/library/create-material";
import { libraryPolicy } from "../../../src/library/policy";
import { AppForm, type FormFeedback, SelectField, SubmitButton } from "../../components/form";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/material-new";
import {
  MaterialFields,
  type MaterialFormValues,
  materialFieldLabels,
  materialFormInput,
} from "./material-form";

// Publishing starts here: the material and its first version, a draft that only its makers (and
// moderators) see until a moderator publishes it.

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "library.newTitle");

async function publishingOrganisations(request: Request) {
  const actor = await requireActor(request);
  const { database } = await services();
  const ids = actor.memberships
    .map((m) => m.organisationId)
    .filter((id) => libraryPolicy.createMaterial(actor, { organisationId: id }));
  if (ids.length === 0) forbidden();
  const organisations = await organisationsByIds(database.db, [...new Set(ids)]);
  return { actor, db: database.db, organisations };
}

export async function loader({ request }: Route.LoaderArgs) {
  const { actor, db, organisations } = await publishingOrganisations(request);
  // The InnoVET applications this material may come from: those of the publishing schools.
  const applications = actor.memberships.some(
    (m) => m.role === "schoolCoordinator" || m.role === "schoolDirector",
  )
    ? (await listApplications(db, actor)).map((a) => ({
        value: a.id,
        label: `${a.title} (${a.leadOrganisationName})`,
      }))
    : [];
  return { organisations, applications };
}

export async function action({ request }: Route.ActionArgs) {
  const { actor, db } = await publishingOrganisations(request);
  const values = materialFormInput(await request.formData());
  const result = await createMaterial({ db, actor }, values);
  return answer(result, {
    success: ({ materialId }) => ({
      redirect: href("/bibliotheek/:materialId", { materialId }),
      flash: "library.created",
    }),
    extra: { values },
  });
}

export default function MaterialNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const values: MaterialFormValues = actionData?.values ?? {};
  const feedback: FormFeedback | undefined = actionData?.feedback;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/bibliotheek"), label: t("library.title") },
          { label: t("library.newTitle") },
        ]}
      />
      <PageHeader title={t("library.newTitle")} lead={t("library.newLead")} />
      <AppForm feedback={feedback} labels={materialFieldLabels(t)}>
        <SelectField
          name="organisationId"
          label={t("library.field.organisationId")}
          required
          defaultValue={
            typeof values.organisationId === "string"
              ? values.organisationId
              : loaderData.organisations.length === 1
                ? loaderData.organisations[0]?.id
                : undefined
          }
          options={loaderData.organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        {loaderData.applications.length > 0 && (
          <SelectField
            name="applicationId"
            label={t("library.field.applicationId")}
            hint={t("library.hint.applicationId")}
            placeholder={t("library.noApplication")}
            defaultValue={
              typeof values.applicationId === "string" ? values.applicationId : undefined
            }
            options={loaderData.applications}
          />
        )}
        <MaterialFields values={values} feedback={feedback} />
        <div className="button-row">
          <SubmitButton>{t("library.saveDraft")}</SubmitButton>
          <Link to={href("/bibliotheek")}>{t("common.cancel")}</Link>
        </div>
      </AppForm>
    </>
  );
}
