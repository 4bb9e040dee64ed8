import { href, Link } from "react-router";
import { addConsortiumSchool } from "../../../src/applications/consortium/add-school";
import { getApplication } from "../../../src/applications/read-applications";
import { searchDirectory } from "../../../src/directory/search-directory";
import { AppForm, ErrorSummary, SubmitButton } from "../../components/form";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer, atTheTop } from "../../lib/answer.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/consortium-school-new";
import { DirectorySearch, searchTerm } from "./consortium-search";

// Adding a co-applicant school: search the directory's schools, choose one (a button per row
// posts it), then choose its sites and programmes on the school's own page.

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, "consortium.schoolNewTitle");

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const view = await getApplication(database.db, params.applicationId, actor, new Date());
  if (!view) notFound();
  if (!view.mayChange) forbidden();
  const query = searchTerm(request);
  const rows = query
    ? (await searchDirectory(database.db, { query, kind: "school" }, 1)).rows.filter(
        (r) => r.id !== view.leadOrganisationId,
      )
    : null;
  return { id: view.id, title: view.title, query, rows };
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const { database } = await services();
  const result = await addConsortiumSchool(
    { db: database.db, actor },
    { applicationId: params.applicationId, organisationId: form.get("organisationId") },
  );
  return answer(result, {
    success: ({ organisationId }) => ({
      redirect: href("/aanvragen/:applicationId/consortium/scholen/:organisationId", {
        applicationId: params.applicationId,
        organisationId,
      }),
      flash: "consortium.schoolAdded",
    }),
    errors: atTheTop,
  });
}

export default function ConsortiumSchoolNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const base = href("/aanvragen/:applicationId/consortium", { applicationId: loaderData.id });
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
          { label: t("consortium.schoolNewTitle") },
        ]}
      />
      <PageHeader title={t("consortium.schoolNewTitle")} lead={t("consortium.schoolNewLead")} />
      <ErrorSummary feedback={actionData?.feedback} />
      <DirectorySearch
        query={loaderData.query}
        rows={loaderData.rows}
        choose={(row) => (
          <AppForm aria-label={t("consortium.chooseLabel", { name: row.name })}>
            <input type="hidden" name="organisationId" value={row.id} />
            <SubmitButton secondary>{t("consortium.chooseLabel", { name: row.name })}</SubmitButton>
          </AppForm>
        )}
      />
      <p>
        <Link to={base}>{t("consortium.backToConsortium")}</Link>
      </p>
    </>
  );
}
