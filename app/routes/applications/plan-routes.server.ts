import { data } from "react-router";
import { getApplication } from "../../../src/applications/read-applications";
import { isMessageKey, type MessageKey } from "../../../src/i18n/translate";
import type { UseCaseResult } from "../../../src/platform/use-case";
import type { FormFeedback } from "../../components/form";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { redirectWithFlash } from "../../lib/flash.server";
import { services } from "../../lib/services.server";

// Shared by the plan's and the attachments' pages: the application as the actor may see it (a
// 404 for anyone else), and one way to answer a use case's result: back to the overview with a
// confirmation, or the form again with its errors and what was typed.

export async function loadStepPage(request: Request, applicationId: string) {
  const actor = await requireActor(request);
  const { database } = await services();
  const view = await getApplication(database.db, applicationId, actor, new Date());
  if (!view) notFound();
  return { actor, view, db: database.db };
}

export interface StepActionData {
  feedback: FormFeedback;
  conflict: boolean;
}

export async function answerStepChange(
  result: UseCaseResult<unknown>,
  options: { redirectTo: string; flash: MessageKey; values: Record<string, string> },
) {
  if (result.ok) return redirectWithFlash(options.redirectTo, options.flash);
  if (result.reason === "notFound") notFound();
  if (result.reason === "forbidden") forbidden();
  if (result.reason === "invalid")
    return data<StepActionData>(
      {
        feedback: {
          fieldErrors: result.fieldErrors,
          formErrors: result.formErrors,
          values: options.values,
        },
        conflict: false,
      },
      400,
    );
  return data<StepActionData>(
    {
      feedback: {
        formErrors: [isMessageKey(result.message) ? result.message : "errorPage.text"],
        values: options.values,
      },
      conflict: true,
    },
    409,
  );
}

/** A posted field as text ("" when absent or a file). */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
