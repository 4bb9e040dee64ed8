import { href } from "react-router";
import { callCalendar } from "../../../src/calls/call-calendar";
import { isCallPublic } from "../../../src/calls/model";
import { getCall } from "../../../src/calls/read-calls";
import { getActor, notFound } from "../../lib/actor.server";
import { getLocale } from "../../lib/locale.server";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/agenda";

/** The call's opening, deadline and decision date as an iCalendar file (RFC 5545). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await getActor(request);
  const { database, config } = await services();
  const now = new Date();
  const view = await getCall(database.db, params.callId, actor, now);
  if (!view || !isCallPublic(view.call.status)) notFound();
  const body = callCalendar(view.call, {
    url: `${config.BASE_URL}${href("/oproepen/:callId", { callId: view.call.id })}`,
    locale: getLocale(request),
    now,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="oproep-${view.call.id}.ics"`,
      "Cache-Control": "no-cache",
    },
  });
}
