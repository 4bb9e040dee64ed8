import { href } from "react-router";
import { createOrganisation } from "../../../src/directory/create-organisation";
import { municipalityOptions } from "../../../src/directory/municipality-options";
import { directoryPolicy } from "../../../src/directory/policy";
import { AppForm, SubmitButton } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/organisation-new";
import { OrganisationFields, organisationFieldLabels } from "./organisation-form";

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, "organisation.newTitle");

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  if (!directoryPolicy.createOrganisation(actor)) forbidden();
  return {
    municipalities: municipalityOptions(),
    constraints: formConstraints(createOrganisation.spec.input),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const actor = await requireActor(request);
  if (!directoryPolicy.createOrganisation(actor)) forbidden();
  const values = formValues(await request.formData());
  const { database } = await services();
  const result = await createOrganisation({ db: database.db, actor }, values);
  return answer(result, {
    success: ({ id }) => ({
      redirect: href("/gids/:organisationId", { organisationId: id }),
      flash: "organisation.created",
    }),
    values,
  });
}

export default function OrganisationNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/"), label: t("nav.home") },
          { to: href("/gids"), label: t("directory.title") },
          { label: t("organisation.newTitle") },
        ]}
      />
      <PageHeader title={t("organisation.newTitle")} />
      <AppForm
        constraints={loaderData.constraints}
        feedback={actionData?.feedback}
        labels={organisationFieldLabels(t)}
      >
        <OrganisationFields municipalities={loaderData.municipalities} />
        <div className="button-row">
          <SubmitButton>{t("organisation.save")}</SubmitButton>
          <a href={href("/gids")}>{t("common.cancel")}</a>
        </div>
      </AppForm>
    </>
  );
}
