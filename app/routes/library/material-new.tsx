import { href, Link } from "react-router";
import { listApplications } from "../../../src/applications/read-applications";
import { organisationsByIds } from "../../../src/directory/organisations-of";
import { programmeChoicesByCode } from "../../../src/directory/programme-options";
import { createMaterial } from "../../../src/library/create-material";
import { libraryPolicy } from "../../../src/library/policy";
import { organisationsWhere } from "../../../src/platform/policy";
import { AppForm, type FormFeedback, SelectField, SubmitButton } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { programmeSearchReply } from "../../lib/programme-picker.server";
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
  const ids = organisationsWhere(actor, libraryPolicy.createMaterial);
  if (ids.length === 0) forbidden();
  const organisations = await organisationsByIds(database.db, ids);
  return { actor, db: database.db, organisations };
}

export async function loader({ request }: Route.LoaderArgs) {
  const { actor, db, organisations } = await publishingOrganisations(request);
  // The InnoVET applications this material may come from: those the actor sees of the
  // publishing schools (create-material refuses one of another organisation).
  const publishing = new Set(organisations.map((o) => o.id));
  const applications = (await listApplications(db, actor))
    .filter((a) => publishing.has(a.leadOrganisationId))
    .map((a) => ({ value: a.id, label: `${a.title} (${a.leadOrganisationName})` }));
  return { organisations, applications, constraints: formConstraints(createMaterial.spec.input) };
}

export async function action({ request }: Route.ActionArgs) {
  const { actor, db } = await publishingOrganisations(request);
  const form = await request.formData();
  const values = materialFormInput(form);
  const search = programmeSearchReply(form, { programmeCodes: programmeChoicesByCode });
  if (search) return { values, search, feedback: undefined };
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
      <AppForm
        feedback={feedback}
        labels={materialFieldLabels(t)}
        constraints={loaderData.constraints}
      >
        <SelectField
          name="organisationId"
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
            hint={t("library.hint.applicationId")}
            placeholder={t("library.noApplication")}
            defaultValue={
              typeof values.applicationId === "string" ? values.applicationId : undefined
            }
            options={loaderData.applications}
          />
        )}
        <MaterialFields
          values={values}
          feedback={feedback}
          search={actionData && "search" in actionData ? actionData.search : null}
        />
        <div className="button-row">
          <SubmitButton>{t("library.saveDraft")}</SubmitButton>
          <Link to={href("/bibliotheek")}>{t("common.cancel")}</Link>
        </div>
      </AppForm>
    </>
  );
}
