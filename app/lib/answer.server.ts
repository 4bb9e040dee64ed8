import { data } from "react-router";
import type { MessageKey } from "../../src/i18n/translate";
import type { FieldErrors, UseCaseResult } from "../../src/platform/use-case";
import type { FormFeedback } from "../components/form";
import { forbidden, notFound } from "./actor.server";
import { redirectWithFlash } from "./flash.server";

// The one way a route answers a use case's result (ADR 0029):
// - success: a redirect with a confirmation (post/redirect/get), or a response of the route's own
//   (a download);
// - invalid: the form again (400) with its field errors and what was typed;
// - conflict: the form again (409) with the conflict's message, or, where there is no form to
//   show it in, the 409 page or a redirect that carries the message;
// - forbidden, notFound: the 403 and 404 pages of the error boundary.

export type Refusal = Exclude<UseCaseResult<never>, { ok: true }>;
/** The refusals a form shows; forbidden and notFound end on their page first. */
export type FormRefusal = Extract<Refusal, { reason: "invalid" | "conflict" }>;

export type InvalidErrors = { fieldErrors: FieldErrors; formErrors: string[] };

/** Every field error told at the top of the form: for a form of buttons without fields. */
export function atTheTop(errors: InvalidErrors): InvalidErrors {
  return {
    fieldErrors: {},
    formErrors: [...errors.formErrors, ...Object.values(errors.fieldErrors).flat()],
  };
}

/** A success's answer: where to go and the confirmation shown there. */
export interface Redirect {
  redirect: string;
  flash: MessageKey;
}

/** What an action answers on a refusal: the form's feedback, and what the page needs besides. */
export type Answered<Extra = Record<never, never>> = { feedback: FormFeedback } & Extra;

export interface AnswerOptions<T, Extra> {
  success: (value: T) => Redirect | Response | Promise<Redirect | Response>;
  /** What was typed, kept in the form (fields named in `omit` are left out). */
  values?: Record<string, string> | ((refusal: FormRefusal) => Promise<Record<string, string>>);
  /** Fields never sent back (secrets); by default `password`. */
  omit?: string[];
  /** More for the page on a refusal (a list's choices, what is saved now). */
  extra?: Extra | ((refusal: FormRefusal) => Extra | Promise<Extra>);
  /**
   * An invalid input's errors as the page shows them: the form's own names for the use case's
   * fields, or all at the top (`atTheTop`) where the form has buttons, not fields.
   */
  errors?: (errors: InvalidErrors) => InvalidErrors;
  /**
   * Where a conflict is told: in the form (409, the default), on the 409 page (a button with no
   * form around it), or as the flash message of a redirect back to the page the button was on.
   */
  conflict?: "form" | "page" | { redirect: string };
  /** Where an invalid input is told: in the form (400, the default) or, with no form, on the 400 page. */
  invalid?: "form" | "page";
  /**
   * A page anyone may open whose object went away while its form was open (an invitation's
   * link): the form says so (404) instead of the 404 page.
   */
  notFoundInForm?: MessageKey;
}

/** The 409 page's data: the conflict's message, rendered by the error boundary. */
export interface ConflictPage {
  conflict: MessageKey;
  params?: Record<string, string>;
}

export async function answer<T, Extra extends object = Record<never, never>>(
  result: UseCaseResult<T>,
  options: AnswerOptions<T, Extra>,
) {
  if (result.ok) {
    const success = await options.success(result.value);
    if (success instanceof Response) return success;
    return redirectWithFlash(success.redirect, success.flash);
  }
  if (result.reason === "forbidden") forbidden();
  if (result.reason === "notFound" && !options.notFoundInForm) notFound();
  if (result.reason === "invalid" && options.invalid === "page")
    throw new Response("Bad Request", { status: 400 });
  if (result.reason === "conflict" && options.conflict === "page")
    throw data<ConflictPage>({ conflict: result.message, params: result.params }, 409);
  if (result.reason === "conflict" && typeof options.conflict === "object")
    return redirectWithFlash(options.conflict.redirect, result.message);
  // What is left is told in the form.
  const refusal: FormRefusal =
    result.reason === "notFound" && options.notFoundInForm
      ? { ok: false, reason: "conflict", message: options.notFoundInForm }
      : (result as FormRefusal);
  const values =
    typeof options.values === "function" ? await options.values(refusal) : options.values;
  const omit = options.omit ?? ["password"];
  const kept =
    values && Object.fromEntries(Object.entries(values).filter(([k]) => !omit.includes(k)));
  const feedback: FormFeedback =
    refusal.reason === "invalid"
      ? { ...invalidErrors(refusal, options.errors), values: kept }
      : {
          formErrors: [refusal.message],
          ...(refusal.params ? { formErrorParams: { [refusal.message]: refusal.params } } : {}),
          values: kept,
        };
  const extra = (
    typeof options.extra === "function" ? await options.extra(refusal) : options.extra
  ) as Extra;
  const status = result.reason === "invalid" ? 400 : result.reason === "notFound" ? 404 : 409;
  return data<Answered<Extra>>({ feedback, ...extra }, status);
}

function invalidErrors(
  refusal: Extract<Refusal, { reason: "invalid" }>,
  shape?: (errors: InvalidErrors) => InvalidErrors,
): InvalidErrors {
  const errors = { fieldErrors: refusal.fieldErrors, formErrors: refusal.formErrors };
  return shape ? shape(errors) : errors;
}
