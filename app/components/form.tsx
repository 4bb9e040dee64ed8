import { createContext, type ReactNode, useContext, useEffect, useRef } from "react";
import { Form, useNavigation } from "react-router";
import type { MessageKey } from "../../src/i18n/translate";
import { useRootData, useT } from "../lib/i18n";

// The form kit: labels, hints, field errors, an error summary that links to the fields (GOV.UK
// pattern), the entered data kept on error, and the CSRF token in every form. Works without
// JavaScript: the server renders errors and values; with JavaScript the summary takes focus.

/** What an action returns when input is refused. Messages are catalogue keys. */
export interface FormFeedback {
  fieldErrors?: Record<string, string[]>;
  formErrors?: string[];
  /** Values for the placeholders of a form error's message, by its key (e.g. a time to wait). */
  formErrorParams?: Record<string, Record<string, string>>;
  values?: Record<string, string>;
}

const FeedbackContext = createContext<FormFeedback | undefined>(undefined);

export function fieldId(name: string): string {
  return `veld-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

export function CsrfField() {
  const token = useRootData()?.csrfToken ?? "";
  return <input type="hidden" name="csrf" value={token} />;
}

export function AppForm(props: {
  feedback?: FormFeedback;
  /** Field labels, so the error summary can say which field each message is about. */
  labels?: Record<string, string>;
  action?: string;
  method?: "post" | "get";
  encType?: "multipart/form-data";
  children: ReactNode;
  className?: string;
  "aria-label"?: string;
}) {
  const method = props.method ?? "post";
  return (
    <FeedbackContext.Provider value={props.feedback}>
      <Form
        method={method}
        action={props.action}
        encType={props.encType}
        noValidate
        className={props.className}
        aria-label={props["aria-label"]}
      >
        {method === "post" && <CsrfField />}
        <ErrorSummary feedback={props.feedback} labels={props.labels} />
        {props.children}
      </Form>
    </FeedbackContext.Provider>
  );
}

export function ErrorSummary(props: { feedback?: FormFeedback; labels?: Record<string, string> }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const fieldErrors = Object.entries(props.feedback?.fieldErrors ?? {});
  const formErrors = props.feedback?.formErrors ?? [];
  const hasErrors = fieldErrors.length > 0 || formErrors.length > 0;
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors]);
  if (!hasErrors) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      ref={ref}
    >
      <h2 id="error-summary-title">{t("form.errorSummaryTitle")}</h2>
      <ul>
        {formErrors.map((m) => (
          <li key={m}>{t(m as MessageKey, props.feedback?.formErrorParams?.[m])}</li>
        ))}
        {fieldErrors.map(([name, messages]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>
              {props.labels?.[name] ? `${props.labels[name]}: ` : ""}
              {t((messages[0] ?? "error.required") as MessageKey)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function useField(name: string, fallback?: string | null) {
  const feedback = useContext(FeedbackContext);
  const t = useT();
  const errors = feedback?.fieldErrors?.[name];
  const value = feedback?.values?.[name] ?? fallback ?? "";
  const id = fieldId(name);
  return {
    id,
    value,
    error: errors?.[0] ? t(errors[0] as MessageKey) : undefined,
    errorId: `${id}-fout`,
    hintId: `${id}-hint`,
  };
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** Required in some cases only (the hint says when): shows neither "required" nor "optional". */
  conditional?: boolean;
  defaultValue?: string | null;
}

function FieldFrame(
  props: FieldProps & { field: ReturnType<typeof useField>; children: ReactNode },
) {
  const t = useT();
  return (
    <div className={`field${props.field.error ? " field--error" : ""}`}>
      <label htmlFor={props.field.id}>
        {props.label}
        {!props.required && !props.conditional && (
          <span className="field__optional"> ({t("form.optional")})</span>
        )}
      </label>
      {props.hint && (
        <p className="field__hint" id={props.field.hintId}>
          {props.hint}
        </p>
      )}
      {props.field.error && (
        <p className="field__error" id={props.field.errorId}>
          {props.field.error}
        </p>
      )}
      {props.children}
    </div>
  );
}

function describedBy(props: FieldProps, field: ReturnType<typeof useField>) {
  const ids = [props.hint ? field.hintId : null, field.error ? field.errorId : null].filter(
    Boolean,
  );
  return ids.length ? ids.join(" ") : undefined;
}

export function TextField(
  props: FieldProps & {
    type?:
      | "text"
      | "email"
      | "password"
      | "url"
      | "tel"
      | "search"
      | "number"
      | "date"
      | "datetime-local";
    autoComplete?: string;
    inputMode?: "numeric" | "text" | "email" | "tel" | "url";
    width?: "short" | "medium" | "full";
  },
) {
  const isPassword = props.type === "password";
  const field = useField(props.name, isPassword ? "" : props.defaultValue);
  const feedback = useContext(FeedbackContext);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // A refused form never keeps a password. Without JavaScript the server renders it empty;
    // with JavaScript the input stays mounted after the action, so it is emptied here.
    if (isPassword && feedback && ref.current) ref.current.value = "";
  }, [isPassword, feedback]);
  return (
    <FieldFrame {...props} field={field}>
      <input
        ref={ref}
        id={field.id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={isPassword ? undefined : field.value}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        required={props.required}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(props, field)}
        className={`input input--${props.width ?? "full"}`}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: FieldProps & { rows?: number }) {
  const field = useField(props.name, props.defaultValue);
  return (
    <FieldFrame {...props} field={field}>
      <textarea
        id={field.id}
        name={props.name}
        defaultValue={field.value}
        rows={props.rows ?? 5}
        required={props.required}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(props, field)}
        className="input input--full"
      />
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & {
    options: ReadonlyArray<{ value: string; label: string }>;
    placeholder?: string;
  },
) {
  const field = useField(props.name, props.defaultValue);
  const t = useT();
  return (
    <FieldFrame {...props} field={field}>
      <select
        id={field.id}
        name={props.name}
        defaultValue={field.value}
        required={props.required}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(props, field)}
        className="input input--medium"
      >
        <option value="">{props.placeholder ?? t("form.choose")}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/**
 * A file input (one file, sent as multipart): the server checks the file by its content, so
 * `accept` only helps the browser's picker.
 */
export function FileField(props: FieldProps & { accept: string }) {
  const field = useField(props.name);
  return (
    <FieldFrame {...props} field={field}>
      <input
        id={field.id}
        name={props.name}
        type="file"
        required={props.required}
        accept={props.accept}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(props, field)}
      />
    </FieldFrame>
  );
}

export function SubmitButton(props: {
  children: ReactNode;
  name?: string;
  value?: string;
  secondary?: boolean;
}) {
  const navigation = useNavigation();
  return (
    <button
      type="submit"
      name={props.name}
      value={props.value}
      className={props.secondary ? "button button--secondary" : "button"}
      aria-disabled={navigation.state === "submitting" ? true : undefined}
    >
      {props.children}
    </button>
  );
}

/**
 * A group of checkboxes (several choices) or radio buttons (one), in a fieldset whose legend is
 * the question. After a refused post the choices come back from the feedback's values (a list
 * joined with commas, so option values contain no comma).
 */
export function ChoiceGroup(props: {
  name: string;
  legend: string;
  hint?: string;
  type: "checkbox" | "radio";
  options: ReadonlyArray<{ value: string; label: string }>;
  defaultValues?: readonly string[];
  required?: boolean;
  /** Required in some cases only (the hint or a later check says when): no "optional" shown. */
  conditional?: boolean;
}) {
  const feedback = useContext(FeedbackContext);
  const t = useT();
  const id = fieldId(props.name);
  const errors = feedback?.fieldErrors?.[props.name];
  const error = errors?.[0] ? t(errors[0] as MessageKey) : undefined;
  const posted = feedback?.values?.[props.name];
  const chosen = new Set(
    posted !== undefined ? posted.split(",").filter(Boolean) : (props.defaultValues ?? []),
  );
  const described = [props.hint ? `${id}-hint` : null, error ? `${id}-fout` : null].filter(Boolean);
  return (
    <fieldset
      id={id}
      className={`field checkboxes${error ? " field--error" : ""}`}
      aria-describedby={described.length ? described.join(" ") : undefined}
    >
      <legend>
        {props.legend}
        {!props.required && !props.conditional && (
          <span className="field__optional"> ({t("form.optional")})</span>
        )}
      </legend>
      {props.hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-fout`}>
          {error}
        </p>
      )}
      {props.options.map((o) => (
        <label key={o.value} className="checkbox">
          <input
            type={props.type}
            name={props.name}
            value={o.value}
            defaultChecked={chosen.has(o.value)}
          />{" "}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
