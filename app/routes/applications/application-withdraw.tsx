import { href, Link } from "react-router";
import { getApplication } from "../../../src/applications/read-applications";
import { withdrawApplication } from "../../../src/applications/submission/withdraw-application";
import { AppForm, SubmitButton, TextAreaField } from "../../components/form";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/application-withdraw";

// Withdrawing a submitted application, until the deadline, with an optional reason for the
// audit log. A page of its own, so that withdrawing is a deliberate second step.

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? plainTitle(loaderData.title) : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const view = await getApplication(database.db, params.applicationId, actor, new Date());
  if (!view) notFound();
  if (!view.mayChange) forbidden();
  return { id: view.id, title: view.title, status: view.status, phase: view.call.phase };
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const { database } = await services();
  const reason = form.get("reason");
  const result = await withdrawApplication(
    { db: database.db, actor },
    { applicationId: params.applicationId, reason: typeof reason === "string" ? reason : "" },
  );
  return answer(result, {
    success: () => ({
      redirect: href("/aanvragen/:applicationId", params),
      flash: "submission.withdrawn",
    }),
    values: { reason: typeof reason === "string" ? reason : "" },
  });
}

export default function ApplicationWithdraw({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const base = href("/aanvragen/:applicationId", { applicationId: loaderData.id });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/aanvragen"), label: t("application.listTitle") },
          { to: base, label: loaderData.title },
          { label: t("submission.withdrawTitle") },
        ]}
      />
      <PageHeader title={t("submission.withdrawTitle")} lead={t("submission.withdrawLead")} />
      <AppForm feedback={actionData?.feedback}>
        <TextAreaField name="reason" label={t("submission.withdrawReason")} rows={4} />
        <SubmitButton>{t("submission.withdraw")}</SubmitButton>
      </AppForm>
      <p>
        <Link to={base}>{t("submission.backToApplication")}</Link>
      </p>
    </>
  );
}
