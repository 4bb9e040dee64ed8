import { href } from "react-router";
import { createCall } from "../../../src/calls/create-call";
import { cycleOneForm } from "../../../src/calls/form-definition";
import { callsPolicy } from "../../../src/calls/policy";
import { formConstraints } from "../../components/form-constraints.server";
import { Breadcrumbs, PageHeader } from "../../components/page";
import { forbidden, requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { useT } from "../../lib/i18n";
import { pageTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/call-new";
import { CallForm, callFormInput, formJson } from "./call-form";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "call.newTitle");

async function load(request: Request) {
  const actor = await requireActor(request);
  if (!callsPolicy.createCall(actor)) forbidden();
  return actor;
}

export async function loader({ request }: Route.LoaderArgs) {
  await load(request);
  return {
    defaults: { form: formJson(cycleOneForm) },
    constraints: formConstraints(createCall.spec.input),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const actor = await load(request);
  const { database } = await services();
  const { input, values } = callFormInput(await request.formData());
  const result = await createCall({ db: database.db, actor }, input);
  return answer(result, {
    success: ({ id }) => ({
      redirect: href("/beheer/oproepen/:callId/voorbeeld", { callId: id }),
      flash: "call.created",
    }),
    values,
  });
}

export default function CallNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const result = actionData?.feedback;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: href("/"), label: t("nav.home") },
          { to: href("/beheer/oproepen"), label: t("call.manageTitle") },
          { label: t("call.newTitle") },
        ]}
      />
      <PageHeader title={t("call.newTitle")} lead={t("call.newLead")} />
      <CallForm
        defaults={loaderData.defaults}
        feedback={result}
        constraints={loaderData.constraints}
      />
    </>
  );
}
