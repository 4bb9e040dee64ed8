import { href, redirect } from "react-router";
import { reopenApplication } from "../../../src/applications/submission/reopen-application";
import { requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/application-reopen";

// Reopening a withdrawn application: a button on the task list posts here.

export function loader({ params }: Route.LoaderArgs) {
  return redirect(href("/aanvragen/:applicationId", params));
}

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const result = await reopenApplication(
    { db: database.db, actor },
    { applicationId: params.applicationId },
  );
  // A button on the task list: a refusal is told there, as its flash message.
  const back = href("/aanvragen/:applicationId", params);
  return answer(result, {
    success: () => ({ redirect: back, flash: "submission.reopened" }),
    conflict: { redirect: back },
    // Only an address that names no application is invalid here.
    invalid: "page",
  });
}
