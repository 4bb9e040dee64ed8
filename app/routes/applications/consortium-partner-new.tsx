import { href, Link } from "react-router";
import { addConsortiumPartner } from "../../../src/applications/consortium/add-partner";
import { isPartnerKind } from "../../../src/applications/consortium/model";
import { partnerAnchor } from "../../../src/applications/consortium/problems";
import { getApplication } from "../../../src/applications/read-applications";
import { getOrganisation } from "../../../src/directory/get-organisation";
import { partnerKinds } from "../../../src/directory/model";
import { anyPartner, searchDirectory } from "../../../src/directory/search-directory";
import { AppForm, fieldId, SelectField, SubmitButton, TextField } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/consortium-partner-new";
import { PartnerFields, partnerInputFromForm, partnerLabels } from "./consortium-partner-form";
import { DirectorySearch, searchTerm } from "./consortium-search";

// Adding a partner in two steps, each a plain page: find the organisation in the directory and
// choose it (?organisatie=<id>), or propose one that is not there (?nieuw=1); then say what it
// commits to. The address carries the step, so the back button and no JavaScript both work.

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, "consortium.partnerNewTitle");

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const view = await getApplication(database.db, params.applicationId, actor, new Date());
  if (!view) notFound();
  if (!view.mayChange) forbidden();
  const url = new URL(request.url);
  const chosenId = url.searchParams.get("organisatie");
  const chosen = chosenId
    ? ((await getOrganisation(database.db, chosenId, actor))?.organisation ?? null)
    : null;
  const query = searchTerm(request);
  const rows =
    query && !chosen
      ? (await searchDirectory(database.db, { query, kind: anyPartner }, 1)).rows
      : null;
  return {
    id: view.id,
    title: view.title,
    chosen: chosen && isPartnerKind(chosen.kind) ? { id: chosen.id, name: chosen.name } : null,
    proposing: url.searchParams.get("nieuw") === "1",
    query,
    rows,
    constraints: formConstraints(addConsortiumPartner.spec.input),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const { database } = await services();
  const { input, values } = partnerInputFromForm(form);
  const result = await addConsortiumPartner(
    { db: database.db, actor },
    { ...input, applicationId: params.applicationId },
  );
  return answer(result, {
    success: ({ partnerId }) => ({
      redirect: `${href("/aanvragen/:applicationId/consortium", params)}#${partnerAnchor(partnerId)}`,
      flash: "consortium.partnerAdded",
    }),
    values,
  });
}

export default function ConsortiumPartnerNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const base = href("/aanvragen/:applicationId/consortium", { applicationId: loaderData.id });
  const here = href("/aanvragen/:applicationId/consortium/partners/nieuw", {
    applicationId: loaderData.id,
  });
  const { chosen, proposing } = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/aanvragen"), label: t("application.listTitle") },
          {
            to: href("/aanvragen/:applicationId", { applicationId: loaderData.id }),
            label: loaderData.title,
          },
          { to: base, label: t("consortium.title") },
          { label: t("consortium.partnerNewTitle") },
        ]}
      />
      <PageHeader title={t("consortium.partnerNewTitle")} lead={t("consortium.partnerNewLead")} />
      {chosen || proposing ? (
        <>
          {chosen && (
            <p id={fieldId("organisationId")}>
              {t("consortium.chosenPartner", { name: chosen.name })}
            </p>
          )}
          <p>
            <Link to={here}>{t("consortium.otherPartner")}</Link>
          </p>
          <AppForm
            feedback={actionData?.feedback}
            labels={partnerLabels(t)}
            constraints={loaderData.constraints}
          >
            {chosen ? (
              <>
                <input type="hidden" name="source" value="directory" />
                <input type="hidden" name="organisationId" value={chosen.id} />
              </>
            ) : (
              <>
                <input type="hidden" name="source" value="proposed" />
                <TextField name="proposedName" label={t("consortium.field.proposedName")} />
                <SelectField
                  name="proposedKind"
                  label={t("consortium.field.proposedKind")}
                  options={partnerKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                />
                <TextField
                  name="proposedEnterpriseNumber"
                  label={t("consortium.field.proposedEnterpriseNumber")}
                  hint={t("consortium.hint.proposedEnterpriseNumber")}
                  width="medium"
                />
              </>
            )}
            <PartnerFields />
            <SubmitButton>{t("consortium.savePartner")}</SubmitButton>
          </AppForm>
        </>
      ) : (
        <>
          <DirectorySearch
            query={loaderData.query}
            rows={loaderData.rows}
            choose={(row) => (
              <Link to={`${here}?organisatie=${row.id}`}>
                {t("consortium.chooseLabel", { name: row.name })}
              </Link>
            )}
          />
          <p>
            <Link to={`${here}?nieuw=1`}>{t("consortium.proposeNew")}</Link>
          </p>
        </>
      )}
      <p>
        <Link to={base}>{t("consortium.backToConsortium")}</Link>
      </p>
    </>
  );
}
