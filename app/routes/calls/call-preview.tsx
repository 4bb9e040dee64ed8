import { data, href, Link } from "react-router";
import { isCallEditable } from "../../../src/calls/model";
import { callsPolicy } from "../../../src/calls/policy";
import { publishCall } from "../../../src/calls/publish-call";
import { getCall } from "../../../src/calls/read-calls";
import type { MessageKey } from "../../../src/i18n/translate";
import { AppForm, type FormFeedback, SubmitButton } from "../../components/form";
import { Breadcrumbs, FlashNotice, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { attachmentCeiling } from "../../lib/attachment-ceiling.server";
import { useContentLang, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/call-preview";
import { callFieldLabels, formProblemLabel } from "./call-form";
import { CallDetails, callViewData } from "./call-view";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(matches, "call.previewTitle", { title: loaderData?.call.title ?? "" });

async function load(request: Request, callId: string) {
  const actor = await requireActor(request);
  if (!callsPolicy.viewDraftCall(actor)) forbidden();
  const { database } = await services();
  const view = await getCall(database.db, callId, actor, new Date());
  if (!view) notFound();
  return { actor, db: database.db, view };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { actor, view } = await load(request, params.callId);
  return {
    call: callViewData(view, await attachmentCeiling()),
    version: view.call.version,
    canPublish: isCallEditable(view.call.status) && callsPolicy.publishCall(actor),
    canEdit: isCallEditable(view.call.status) && callsPolicy.updateCall(actor),
    /** The form editor is the programme managers' (read-only once the call is published). */
    canManage: callsPolicy.updateCall(actor),
  };
}

interface PublishFeedback {
  feedback: FormFeedback;
  /** The call's problems that stop its publication, by field. */
  problems?: Array<{ field: string; message: string }>;
}

export async function action({ request, params }: Route.ActionArgs) {
  const { actor, db } = await load(request, params.callId);
  const form = await request.formData();
  if (form.get("confirm") !== "yes")
    return data<PublishFeedback>({ feedback: { formErrors: ["error.call.confirmPublish"] } }, 400);
  const result = await publishCall(
    { db, actor },
    { id: params.callId, version: form.get("version") },
  );
  return answer(result, {
    success: () => ({ redirect: href("/oproepen/:callId", params), flash: "call.published" }),
    // The problems are the call's, listed on their own: the form has only the button.
    errors: ({ formErrors }) => ({ fieldErrors: {}, formErrors }),
    extra: (refusal) => ({
      problems:
        refusal.reason === "invalid"
          ? Object.entries(refusal.fieldErrors).flatMap(([field, messages]) =>
              messages.map((message) => ({ field, message })),
            )
          : [],
    }),
  });
}

export default function CallPreview({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const content = useContentLang();
  const c = loaderData.call;
  const labels = callFieldLabels(t);
  const result = actionData as PublishFeedback | undefined;
  const editUrl = href("/beheer/oproepen/:callId/bewerken", { callId: c.id });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/"), label: t("nav.home") },
          { to: href("/beheer/oproepen"), label: t("call.manageTitle") },
          { label: t("call.previewTitle", { title: c.title }) },
        ]}
      />
      <PageHeader
        title={c.title}
        titleLang={content.lang}
        lead={<span className="tag">{t(`call.status.${c.status}`)}</span>}
        actions={
          loaderData.canManage && (
            <>
              {loaderData.canEdit && <Link to={editUrl}>{t("call.edit")}</Link>}{" "}
              <Link to={href("/beheer/oproepen/:callId/formulier", { callId: c.id })}>
                {t(loaderData.canEdit ? "formEditor.link" : "formEditor.linkReadOnly")}
              </Link>
            </>
          )
        }
      />
      <FlashNotice />
      {c.status === "draft" && <p className="notice notice--info">{t("call.previewNotice")}</p>}

      {loaderData.canPublish && (
        <section aria-labelledby="publish-title" className="publish-panel">
          <h2 id="publish-title">{t("call.publishTitle")}</h2>
          {(result?.feedback.formErrors?.length || result?.problems?.length) && (
            <div className="error-summary" role="alert" aria-labelledby="publish-problems-title">
              <h3 id="publish-problems-title">{t("form.errorSummaryTitle")}</h3>
              {result.feedback.formErrors?.map((m) => (
                <p key={m}>{t(m as MessageKey)}</p>
              ))}
              {result.problems && result.problems.length > 0 && (
                <ul>
                  {result.problems.map((p) => (
                    <li key={`${p.field}-${p.message}`}>
                      <a href={`${editUrl}#veld-${p.field}`}>
                        {(p.field.startsWith("form.")
                          ? formProblemLabel(t, p.field)
                          : labels[p.field]) ?? p.field}
                        : {t(p.message as MessageKey)}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <AppForm aria-label={t("call.publishTitle")}>
            <input type="hidden" name="version" value={String(loaderData.version)} readOnly />
            <div className="field">
              <label className="checkbox">
                <input type="checkbox" name="confirm" value="yes" /> {t("call.publishConfirm")}
              </label>
            </div>
            <div className="button-row">
              <SubmitButton>{t("call.publish")}</SubmitButton>
              {loaderData.canEdit && <Link to={editUrl}>{t("call.edit")}</Link>}
            </div>
          </AppForm>
        </section>
      )}

      <CallDetails call={c} agendaLink={c.status === "published"} />
    </>
  );
}
