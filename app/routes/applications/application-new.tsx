import { href } from "react-router";
import { schoolsForStarting } from "../../../src/applications/read-applications";
import { startApplication } from "../../../src/applications/start-application";
import { isCallPublic } from "../../../src/calls/model";
import { getCall } from "../../../src/calls/read-calls";
import { AppForm, SelectField, SubmitButton, TextField } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/application-new";

// Starting an application for an open call (/aanvragen/nieuw?oproep=…): a working title and, for a
// coordinator of more than one school, the lead school. A plain form: works without JavaScript.

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, "application.startTitle");

async function load(request: Request) {
  const actor = await requireActor(request);
  const callId = new URL(request.url).searchParams.get("oproep") ?? "";
  const { database, config } = await services();
  const view = await getCall(database.db, callId, actor, new Date());
  if (!view || !isCallPublic(view.call.status)) notFound();
  const schools = await schoolsForStarting(database.db, actor);
  if (schools.length === 0) forbidden();
  return { actor, view, schools, database, baseUrl: config.BASE_URL };
}

export async function loader({ request }: Route.LoaderArgs) {
  const { view, schools } = await load(request);
  return {
    constraints: formConstraints(startApplication.spec.input),
    call: { id: view.call.id, title: view.call.title },
    open: view.phase === "open",
    schools,
  };
}

export async function action({ request }: Route.ActionArgs) {
  const { actor, view, schools, database, baseUrl } = await load(request);
  const values = formValues(await request.formData());
  const organisationId =
    schools.length === 1 ? (schools[0]?.id ?? "") : (values.organisationId ?? "");
  const result = await startApplication(
    { db: database.db, actor },
    { callId: view.call.id, organisationId, title: values.title ?? "", baseUrl },
  );
  return answer(result, {
    success: ({ id }) => ({
      redirect: href("/aanvragen/:applicationId", { applicationId: id }),
      flash: "application.started",
    }),
    values,
  });
}

export default function ApplicationNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { call, schools } = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/oproepen"), label: t("call.listTitle") },
          { to: href("/oproepen/:callId", { callId: call.id }), label: call.title },
          { label: t("application.startTitle") },
        ]}
      />
      <PageHeader
        title={t("application.startTitle")}
        lead={t("application.startLead", { call: call.title })}
      />
      {loaderData.open ? (
        <AppForm
          constraints={loaderData.constraints}
          feedback={actionData?.feedback}
          labels={{
            title: t("application.field.title"),
            organisationId: t("application.field.leadSchool"),
          }}
          aria-label={t("application.startTitle")}
        >
          <TextField name="title" hint={t("application.hint.title")} />
          {schools.length > 1 ? (
            <SelectField
              name="organisationId"
              options={schools.map((s) => ({ value: s.id, label: s.name }))}
            />
          ) : (
            <p>
              <strong>{t("application.field.leadSchool")}:</strong> {schools[0]?.name}
            </p>
          )}
          <SubmitButton>{t("application.start")}</SubmitButton>
        </AppForm>
      ) : (
        <p className="notice notice--warning">{t("application.callNotOpen")}</p>
      )}
    </>
  );
}
