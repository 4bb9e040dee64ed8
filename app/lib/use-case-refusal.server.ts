import { data } from "react-router";
import { isMessageKey } from "../../src/i18n/translate";
import type { UseCaseResult } from "../../src/platform/use-case";
import type { FormFeedback } from "../components/form";
import { forbidden, notFound } from "./actor.server";

/**
 * What an action answers when a use case refused: 404 or 403 through the error boundary, or the
 * form again (400) with its field errors, a conflict's message and what was typed.
 */
export function refusal<Extra extends Record<string, unknown> = Record<never, never>>(
  result: Exclude<UseCaseResult<unknown>, { ok: true }>,
  values?: Record<string, string>,
  /** More for the page to show again (values of fields with several values, say). */
  extra?: Extra,
) {
  if (result.reason === "notFound") notFound();
  if (result.reason === "forbidden") forbidden();
  const feedback: FormFeedback =
    result.reason === "invalid"
      ? { fieldErrors: result.fieldErrors, formErrors: result.formErrors, values }
      : { formErrors: [isMessageKey(result.message) ? result.message : "errorPage.text"], values };
  return data({ feedback, ...(extra as Extra) }, 400);
}
