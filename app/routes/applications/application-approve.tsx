import { href, Link } from "react-router";
import { approveApplication } from "../../../src/applications/approval/approve-application";
import { readApproval } from "../../../src/applications/approval/read-approval";
import { withdrawApproval } from "../../../src/applications/approval/withdraw-approval";
import { applicationsPolicy } from "../../../src/applications/policy";
import { getApplication } from "../../../src/applications/read-applications";
import { readDossier } from "../../../src/applications/submission/dossier";
import { applicationProblems } from "../../../src/applications/submission/eligibility";
import { AppForm, SubmitButton } from "../../components/form";
import { Breadcrumbs, FlashNotice, PageHeader } from "../../components/page";
import { notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { useT } from "../../lib/i18n";
import { pageTitleAbout } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/application-approve";
import { ApprovalStatus } from "./approval-status";

// The director's approval of an application before it is submitted, when the call asks for it
// (ADR 0033): where it stands, a link to read the whole application, and the approve (or
// withdraw) form. The approve form carries the fingerprint of the version on the page, so the
// director approves what they read. Others who may see the application see where it stands.

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  loaderData ? pageTitleAbout(matches, "approval.title", loaderData.applicationTitle) : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const view = await getApplication(database.db, params.applicationId, actor, new Date());
  if (!view) notFound();
  const dossier = await readDossier(database.db, view.id);
  if (!dossier) notFound();
  const approval = await readApproval(database.db, dossier);
  if (approval.state === "notRequired") notFound();
  return {
    applicationId: view.id,
    applicationTitle: view.title,
    schoolName: view.leadOrganisationName,
    status: view.status,
    open: view.call.phase === "open",
    complete: view.status === "draft" && applicationProblems(dossier).length === 0,
    mayApprove: applicationsPolicy.approveApplication(actor, {
      organisationId: view.leadOrganisationId,
    }),
    approval,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const { database } = await services();
  const ctx = { db: database.db, actor };
  const applicationId = params.applicationId;
  const here = href("/aanvragen/:applicationId/goedkeuren", { applicationId });
  if (form.get("intent") === "withdraw")
    return answer(await withdrawApproval(ctx, { applicationId }), {
      success: () => ({ redirect: here, flash: "approval.withdrawn" }),
    });
  return answer(
    await approveApplication(ctx, {
      applicationId,
      fingerprint: form.get("fingerprint") ?? undefined,
    }),
    {
      success: () => ({
        redirect: href("/aanvragen/:applicationId", { applicationId }),
        flash: "approval.approved",
      }),
    },
  );
}

export default function ApplicationApprove({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const a = loaderData;
  const base = href("/aanvragen/:applicationId", { applicationId: a.applicationId });
  const draft = a.status === "draft";
  const approved = a.approval.state === "approved";
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/aanvragen", label: t("application.listTitle") },
          { to: base, label: a.applicationTitle },
          { label: t("approval.title") },
        ]}
      />
      <PageHeader
        title={t("approval.title")}
        lead={a.mayApprove ? t("approval.lead") : undefined}
      />
      <FlashNotice />
      <ApprovalStatus approval={a.approval} schoolName={a.schoolName} />
      <p>
        <Link to={href("/aanvragen/:applicationId/indienen", { applicationId: a.applicationId })}>
          {t("approval.readLink")}
        </Link>
      </p>
      {a.mayApprove && !draft && <p className="notice notice--info">{t("approval.notDraft")}</p>}
      {a.mayApprove && draft && !a.open && (
        <p className="notice notice--warning">{t("approval.closed")}</p>
      )}
      {a.mayApprove && draft && a.open && !approved && !a.complete && (
        <p className="notice notice--info">{t("approval.notReady")}</p>
      )}
      {a.mayApprove && draft && a.open && !approved && a.complete && (
        <AppForm feedback={actionData?.feedback}>
          <input type="hidden" name="intent" value="approve" />
          <input type="hidden" name="fingerprint" value={a.approval.fingerprint} />
          <SubmitButton>{t("approval.approve")}</SubmitButton>
        </AppForm>
      )}
      {a.mayApprove && draft && a.open && a.approval.state !== "waiting" && (
        <section aria-labelledby="intrekken">
          <h2 id="intrekken">{t("approval.withdraw")}</h2>
          <p>{t("approval.withdrawLead")}</p>
          <AppForm feedback={approved || !a.complete ? actionData?.feedback : undefined}>
            <input type="hidden" name="intent" value="withdraw" />
            <SubmitButton secondary>{t("approval.withdraw")}</SubmitButton>
          </AppForm>
        </section>
      )}
      <p>
        <Link to={base}>{t("submission.backToApplication")}</Link>
      </p>
    </>
  );
}
