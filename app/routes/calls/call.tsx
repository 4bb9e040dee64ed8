import { Link } from "react-router";
import { callsPolicy } from "../../../src/calls/policy";
import { getCall } from "../../../src/calls/read-calls";
import { Breadcrumbs, FlashNotice, PageHeader } from "../../components/page";
import { getActor, notFound } from "../../lib/actor.server";
import { useT } from "../../lib/i18n";
import { plainTitle } from "../../lib/meta";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/call";
import { CallDetails, callViewData } from "./call-view";

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? plainTitle(loaderData.call.title) : [];

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await getActor(request);
  const { database } = await services();
  const view = await getCall(database.db, params.callId, actor, new Date());
  // The public page shows published calls only; a draft is seen through the preview.
  if (view?.call.status !== "published") notFound();
  return { call: callViewData(view), canManage: callsPolicy.viewDraftCall(actor) };
}

export default function CallPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const c = loaderData.call;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("nav.home") },
          { to: "/oproepen", label: t("call.listTitle") },
          { label: c.title },
        ]}
      />
      <PageHeader
        title={c.title}
        lead={
          c.phase ? (
            <span className={`tag tag--${c.phase}`}>{t(`call.phase.${c.phase}`)}</span>
          ) : undefined
        }
        actions={loaderData.canManage && <Link to="/beheer/oproepen">{t("nav.callsManage")}</Link>}
      />
      <FlashNotice />
      <CallDetails call={c} agendaLink />
    </>
  );
}
