import { href, Link } from "react-router";
import { callsPolicy } from "../../../src/calls/policy";
import { getCall } from "../../../src/calls/read-calls";
import { updateCall } from "../../../src/calls/update-call";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, FlashNotice, PageHeader } from "../../components/page";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/call-edit";
import { CallForm, callFormInput, callFormValues } from "./call-form";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(matches, "call.editTitle", { title: loaderData?.call.title ?? "" });

async function load(request: Request, callId: string) {
  const actor = await requireActor(request);
  if (!callsPolicy.updateCall(actor)) forbidden();
  const { database } = await services();
  const view = await getCall(database.db, callId, actor, new Date());
  if (!view) notFound();
  return { actor, db: database.db, view };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { view } = await load(request, params.callId);
  const c = view.call;
  return {
    call: { id: c.id, title: c.title, version: c.version, status: c.status },
    defaults: callFormValues(c),
    constraints: formConstraints(updateCall.spec.input),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { actor, db } = await load(request, params.callId);
  const { input, values } = callFormInput(await request.formData());
  const id = params.callId;
  const result = await updateCall({ db, actor }, { ...input, id });
  return answer(result, {
    success: () => ({
      redirect: href("/beheer/oproepen/:callId/voorbeeld", params),
      flash: "call.saved",
    }),
    values: async (refusal) => {
      if (refusal.reason !== "conflict") return values;
      // Keep what was typed; the next save starts from the version saved in between.
      const latest = await getCall(db, id, actor, new Date());
      if (!latest) notFound();
      return { ...values, version: String(latest.call.version) };
    },
  });
}

export default function CallEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { call } = loaderData;
  const result = actionData?.feedback;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/"), label: t("nav.home") },
          { to: href("/beheer/oproepen"), label: t("call.manageTitle") },
          { label: t("call.editTitle", { title: call.title }) },
        ]}
      />
      <PageHeader
        title={t("call.editTitle", { title: call.title })}
        actions={
          <>
            <Link to={href("/beheer/oproepen/:callId/voorbeeld", { callId: call.id })}>
              {t("call.previewAndPublish")}
            </Link>{" "}
            <Link to={href("/beheer/oproepen/:callId/formulier", { callId: call.id })}>
              {t(call.status === "draft" ? "formEditor.link" : "formEditor.linkReadOnly")}
            </Link>
          </>
        }
      />
      <FlashNotice />
      {call.status === "draft" ? (
        <CallForm
          defaults={loaderData.defaults}
          feedback={result}
          constraints={loaderData.constraints}
          formEditorUrl={href("/beheer/oproepen/:callId/formulier", { callId: call.id })}
        >
          <input
            type="hidden"
            name="version"
            value={result?.values?.version ?? String(call.version)}
            readOnly
          />
        </CallForm>
      ) : (
        <p className="notice notice--info">{t("call.alreadyPublished")}</p>
      )}
    </>
  );
}
