import { href, Link } from "react-router";
import { changeDeadline } from "../../../src/applications/change-deadline";
import { isCallPublic } from "../../../src/calls/model";
import { callsPolicy } from "../../../src/calls/policy";
import { getCall } from "../../../src/calls/read-calls";
import { formatBrussels, toBrusselsInput } from "../../../src/platform/time";
import { AppForm, SubmitButton, TextAreaField, TextField } from "../../components/form";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { formValues } from "../../lib/form-data.server";
import { useLocale, useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/call-deadline";

// Moving the deadline of a published call: the one change a published call allows, with a
// reason for the audit log. The drafts' reminders move with it (src/calls/change-deadline.ts).

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(matches, "deadline.title", { title: loaderData?.call.title ?? "" });

async function load(request: Request, callId: string) {
  const actor = await requireActor(request);
  if (!callsPolicy.changeDeadline(actor)) forbidden();
  const { database } = await services();
  const view = await getCall(database.db, callId, actor, new Date());
  if (!view || !isCallPublic(view.call.status)) notFound();
  return { actor, db: database.db, view };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { view } = await load(request, params.callId);
  const c = view.call;
  return {
    constraints: formConstraints(changeDeadline.spec.input),
    call: {
      id: c.id,
      title: c.title,
      version: c.version,
      closesAt: c.closesAt?.toISOString() ?? null,
      closesAtInput: c.closesAt ? toBrusselsInput(c.closesAt) : "",
    },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { actor, db } = await load(request, params.callId);
  const values = formValues(await request.formData());
  const result = await changeDeadline(
    { db, actor },
    {
      id: params.callId,
      version: values.version,
      closesAt: values.closesAt,
      reason: values.reason,
    },
  );
  return answer(result, {
    success: () => ({ redirect: href("/oproepen/:callId", params), flash: "deadline.changed" }),
    values,
  });
}

export default function CallDeadline({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { call } = loaderData;
  const labels = { closesAt: t("deadline.field.closesAt"), reason: t("deadline.field.reason") };
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/beheer/oproepen"), label: t("call.manageTitle") },
          { to: href("/oproepen/:callId", { callId: call.id }), label: call.title },
          { label: t("deadline.breadcrumb") },
        ]}
      />
      <PageHeader title={t("deadline.title", { title: call.title })} lead={t("deadline.lead")} />
      <p>
        {t("deadline.current", {
          date: call.closesAt ? formatBrussels(new Date(call.closesAt), locale) : t("common.none"),
        })}
      </p>
      <AppForm constraints={loaderData.constraints} feedback={actionData?.feedback} labels={labels}>
        <input type="hidden" name="version" value={call.version} />
        <TextField
          name="closesAt"
          type="datetime-local"
          hint={t("deadline.hint.closesAt")}
          defaultValue={call.closesAtInput}
          width="medium"
        />
        <TextAreaField name="reason" hint={t("deadline.hint.reason")} rows={3} />
        <div className="button-row">
          <SubmitButton>{t("deadline.submit")}</SubmitButton>
          <Link to={href("/beheer/oproepen")}>{t("common.cancel")}</Link>
        </div>
      </AppForm>
    </>
  );
}
