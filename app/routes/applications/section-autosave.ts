import { data } from "react-router";
import { saveAnswers } from "../../../src/applications/save-answers";
import type { AutosaveReply } from "../../components/draft-autosave";
import { getActor } from "../../lib/actor.server";
import { readSubmittedForm } from "../../lib/csrf.server";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/section-autosave";
import { answersFromForm } from "./section-answers";

// The autosave endpoint of a section (JavaScript only): the same use case as the section's save
// button, answered in JSON instead of a redirect, so a signed-out session is reported to the page
// (which keeps the typed text) instead of navigating away from it.

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await getActor(request);
  if (!actor) return data<AutosaveReply>({ status: "signedOut" }, 401);
  // The page posts `new FormData(form)`, a multipart body, which the CSRF check has already read.
  const form = await readSubmittedForm(request, context);
  const { database } = await services();
  const result = await saveAnswers(
    { db: database.db, actor },
    {
      applicationId: params.applicationId,
      sectionId: params.sectionId,
      version: form.get("version"),
      answers: answersFromForm(form).answers,
    },
  );
  if (result.ok) return data<AutosaveReply>({ status: "saved", version: result.value.version });
  if (result.reason === "conflict" && result.message === "application.error.conflict")
    return data<AutosaveReply>({ status: "conflict" }, 409);
  const status = result.reason === "notFound" ? 404 : result.reason === "forbidden" ? 403 : 400;
  return data<AutosaveReply>({ status: "refused" }, status);
}

export function loader() {
  return data<AutosaveReply>({ status: "refused" }, 405);
}
