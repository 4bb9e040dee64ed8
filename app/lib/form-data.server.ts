import type { FormFeedback } from "../components/form";

/** The submitted fields as strings (files and the CSRF token left out), to validate and echo back. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) {
    if (key === "csrf" || typeof value !== "string") continue;
    values[key] = value;
  }
  return values;
}

/** Form feedback that keeps what was typed, minus secrets. */
export function feedback(
  values: Record<string, string>,
  errors: { fieldErrors?: Record<string, string[]>; formErrors?: string[] },
  omit: string[] = ["password"],
): FormFeedback {
  const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !omit.includes(k)));
  return { values: kept, fieldErrors: errors.fieldErrors, formErrors: errors.formErrors };
}
