import { redirect } from "react-router";
import { reopenApplication } from "../../../src/applications/submission/reopen-application";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { redirectWithFlash } from "../../lib/flash.server";
import { isMessageKey } from "../../lib/i18n";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/application-reopen";

// Reopening a withdrawn application: a button on the task list posts here.

export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/aanvragen/${params.applicationId}`);
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const result = await reopenApplication(
    { db: database.db, actor },
    { applicationId: params.applicationId },
  );
  const back = `/aanvragen/${params.applicationId}`;
  if (result.ok) return redirectWithFlash(back, "submission.reopened");
  if (result.reason === "notFound") notFound();
  if (result.reason === "forbidden") forbidden();
  const message = result.reason === "conflict" ? result.message : "errorPage.text";
  return redirectWithFlash(back, isMessageKey(message) ? message : "errorPage.text");
}
