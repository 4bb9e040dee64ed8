import {
  createContext,
  type MouseEvent,
  type ReactNode,
  useContext,
  useEffect,
  useRef,
} from "react";
import {
  UNSAFE_DataRouterDataContext as DataRouterDataContext,
  UNSAFE_DataRouterStateContext as DataRouterStateContext,
  Form,
  UNSAFE_FrameworkContext as FrameworkContext,
  Meta,
  type MetaDescriptor,
  useLocation,
  useNavigation,
} from "react-router";
import type { MessageKey } from "../../src/i18n/translate";
import { useRootData, useT } from "../lib/i18n";

// The form kit: labels, hints, field errors, an error summary that links to the fields (GOV.UK
// pattern), the entered data kept on error, and the CSRF token in every form. Works without
// JavaScript: the server renders errors and values, the summary has `autofocus` and the page
// title starts with "Fout: ". With JavaScript the summary takes focus after every failed submit,
// and its links focus their field without changing the location: a hash change is a navigation
// to React Router, which drops the action's data, and with it every error on the page (ADR 0020).

/** What an action returns when input is refused. Messages are catalogue keys. */
export interface FormFeedback {
  fieldErrors?: Record<string, string[]>;
  formErrors?: string[];
  /** Values for the placeholders of a form error's message, by its key (e.g. a time to wait). */
  formErrorParams?: Record<string, Record<string, string>>;
  values?: Record<string, string>;
}

/**
 * What the browser is told about a field: derived on the server from the zod schema that checks
 * it (`formConstraints` in `form-constraints.server.ts`, ADR 0031), so it says what the server
 * refuses and no more.
 */
export interface FieldConstraint {
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  type?: "email" | "url";
  inputMode?: "numeric" | "decimal" | "email" | "url";
}

/** Constraints by field name; a list's rows as `[]` (`milestones[].title`). */
export type FormConstraints = Record<string, FieldConstraint>;

const FeedbackContext = createContext<FormFeedback | undefined>(undefined);
const ConstraintsContext = createContext<FormConstraints | undefined>(undefined);
/** The form's labels, once: each field's label and the error summary's name for it. */
const LabelsContext = createContext<Record<string, string> | undefined>(undefined);

/** A field's constraint: by its name, or by its list's pattern (`a.2.b` as `a[].b`). */
function constraintOf(constraints: FormConstraints | undefined, name: string): FieldConstraint {
  if (!constraints) return {};
  return constraints[name] ?? constraints[name.replace(/\.\d+(?=\.|$)/g, "[]")] ?? {};
}
/**
 * Problems of what is already saved, by field: a draft keeps a value over a limit that belongs
 * to the submission (ADR 0020), and the field says so. Shown like an error at the field, but the
 * save did not fail: no summary, no "Fout: " title, no focus.
 */
const ProblemsContext = createContext<Record<string, string[]> | undefined>(undefined);

export function fieldId(name: string): string {
  return `veld-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

export function CsrfField() {
  const token = useRootData()?.csrfToken ?? "";
  return <input type="hidden" name="csrf" value={token} />;
}

export function AppForm(props: {
  feedback?: FormFeedback;
  /** Saved values' problems to fix before submission, by field (see ProblemsContext). */
  problems?: Record<string, string[]>;
  /**
   * Field labels by name, declared once: the fields take their label from here (unless given
   * one), and the error summary says which field each message is about.
   */
  labels?: Record<string, string>;
  /** The fields' HTML constraints, from the use case's schema (`formConstraints`). */
  constraints?: FormConstraints;
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
      <ProblemsContext.Provider value={props.problems}>
        <ConstraintsContext.Provider value={props.constraints}>
          <LabelsContext.Provider value={props.labels}>
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
          </LabelsContext.Provider>
        </ConstraintsContext.Provider>
      </ProblemsContext.Provider>
    </FeedbackContext.Provider>
  );
}

/**
 * Whether an action's reply says that its form was refused: the kit's convention is a
 * `FormFeedback` (or a use case's failure) at the top of the reply or under `feedback`.
 */
export function hasFormErrors(reply: unknown, depth = 0): boolean {
  if (typeof reply !== "object" || reply === null) return false;
  const { fieldErrors, formErrors, feedback } = reply as Record<string, unknown>;
  if (typeof fieldErrors === "object" && fieldErrors !== null && Object.keys(fieldErrors).length)
    return true;
  if (Array.isArray(formErrors) && formErrors.length > 0) return true;
  return depth === 0 && hasFormErrors(feedback, 1);
}

/**
 * The document's title as the routes' `meta` make it, with "Fout: " in front while the page
 * shows a refused form, so a screen reader hears that the save failed before anything else
 * (GOV.UK pattern). Rendered in place of `<Meta />`. React Router gives `meta` no action data,
 * so the leaf's title is computed here the way `<Meta />` computes it and put first: the
 * document's title is its first `<title>`, and React keeps a newly mounted one first.
 */
export function MetaWithErrorTitle() {
  const state = useContext(DataRouterStateContext);
  const routeData = useContext(DataRouterDataContext);
  const framework = useContext(FrameworkContext);
  const location = useLocation();
  const t = useT();
  let title: string | undefined;
  const refused =
    routeData &&
    !routeData.errors &&
    Object.values(routeData.actionData ?? {}).some((r) => hasFormErrors(r));
  if (refused && state && framework) {
    let meta: MetaDescriptor[] = [];
    const matches: Array<Record<string, unknown>> = [];
    for (const m of state.matches) {
      const routeMeta = framework.routeModules[m.route.id]?.meta;
      const match = {
        id: m.route.id,
        loaderData: routeData.loaderData[m.route.id],
        meta,
        params: m.params,
        pathname: m.pathname,
        handle: m.route.handle,
        error: undefined,
      };
      matches.push(match);
      if (typeof routeMeta === "function")
        meta =
          routeMeta({
            loaderData: match.loaderData,
            params: m.params,
            location,
            matches: matches as never,
            error: undefined,
          } as never) ?? [];
      else if (Array.isArray(routeMeta)) meta = [...routeMeta];
      match.meta = meta;
    }
    const found = meta.find((d): d is { title: string } => !!d && "title" in d);
    if (found) title = String(found.title);
  }
  return (
    <>
      {title !== undefined && <title>{`${t("form.errorTitlePrefix")}${title}`}</title>}
      <Meta />
    </>
  );
}

/**
 * Moves focus to a field of this page, as the error summary's links do (GOV.UK's script): the
 * first control of a group, its label or legend scrolled into view, and no change of location.
 * False when there is no such element, so the browser may follow the link itself.
 */
export function focusField(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  const group = target instanceof HTMLFieldSetElement;
  const control =
    (group && target.querySelector<HTMLElement>("input, select, textarea, button")) || target;
  const caption = group
    ? target.querySelector("legend")
    : document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (caption ?? target).scrollIntoView();
  // A part of the page that is no control (a heading, a list) takes focus only with a tabindex.
  if (control.tabIndex < 0 && !control.hasAttribute("tabindex"))
    control.setAttribute("tabindex", "-1");
  control.focus({ preventScroll: true });
  return true;
}

/** A link to an element of this page (a field, a part): focuses it instead of navigating. */
export function InPageLink(props: { to: string; children: ReactNode; className?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    if (focusField(props.to)) event.preventDefault();
  };
  return (
    <a href={`#${props.to}`} className={props.className} onClick={onClick}>
      {props.children}
    </a>
  );
}

export function ErrorSummary(props: { feedback?: FormFeedback; labels?: Record<string, string> }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const navigation = useNavigation();
  const fieldErrors = Object.entries(props.feedback?.fieldErrors ?? {});
  const formErrors = props.feedback?.formErrors ?? [];
  const hasErrors = fieldErrors.length > 0 || formErrors.length > 0;
  // Focus after every submission that ends refused, the second and later ones too (the summary
  // may stay mounted with the same errors, so "errors appeared" is not the signal: the end of a
  // navigation is), and on a page that arrives with errors.
  const busy = navigation.state !== "idle";
  const wasBusy = useRef(true);
  useEffect(() => {
    if (busy) {
      wasBusy.current = true;
      return;
    }
    if (wasBusy.current && hasErrors) ref.current?.focus();
    wasBusy.current = false;
  }, [busy, hasErrors]);
  if (!hasErrors) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      ref={ref}
      // Without JavaScript the browser focuses the summary when the refused page loads, so a
      // screen reader reads it first (the effect above does this with JavaScript).
      // biome-ignore lint/a11y/noAutofocus: the GOV.UK error summary takes focus on purpose
      autoFocus
    >
      <h2 id="error-summary-title">{t("form.errorSummaryTitle")}</h2>
      <ul>
        {formErrors.map((m) => (
          <li key={m}>{t(m as MessageKey, props.feedback?.formErrorParams?.[m])}</li>
        ))}
        {fieldErrors.map(([name, messages]) => (
          <li key={name}>
            <InPageLink to={fieldId(name)}>
              {props.labels?.[name] ? `${props.labels[name]}: ` : ""}
              {t((messages[0] ?? "error.required") as MessageKey)}
            </InPageLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

function useField(name: string, fallback?: string | null) {
  const feedback = useContext(FeedbackContext);
  const problems = useContext(ProblemsContext);
  const constraint = constraintOf(useContext(ConstraintsContext), name);
  const label = useContext(LabelsContext)?.[name];
  const t = useT();
  // A refused post shows its own errors; otherwise the saved value's problems.
  const errors = feedback?.fieldErrors ? feedback.fieldErrors[name] : problems?.[name];
  const value = feedback?.values?.[name] ?? fallback ?? "";
  const id = fieldId(name);
  return {
    id,
    value,
    constraint,
    label,
    error: errors?.[0] ? t(errors[0] as MessageKey) : undefined,
    errorId: `${id}-fout`,
    hintId: `${id}-hint`,
  };
}

interface FieldProps {
  name: string;
  /** The label; by default the form's `labels[name]` (a node where part is people's text in
   * another language, marked with ContentText: WCAG 3.1.2). */
  label?: ReactNode;
  hint?: ReactNode;
  /** Whether the field must be filled; by default what the form's constraints say. */
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
        {props.label ?? props.field.label}
        {!isRequired(props, props.field) && !props.conditional && (
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

function isRequired(props: FieldProps, field: ReturnType<typeof useField>): boolean {
  return props.required ?? field.constraint.required ?? false;
}

function describedBy(props: FieldProps, field: ReturnType<typeof useField>, more?: string) {
  const ids = [props.hint ? field.hintId : null, field.error ? field.errorId : null, more].filter(
    Boolean,
  );
  return ids.length ? ids.join(" ") : undefined;
}

/**
 * The kit's field frame (label with "optional", hint, error at the field) around a control of
 * the page's own, for what the kit has no field for. The control gets the id, the description
 * and the state to put on it.
 */
export function Field(
  props: FieldProps & {
    children: (control: {
      id: string;
      name: string;
      value: string;
      required: boolean;
      "aria-invalid": true | undefined;
      "aria-describedby": string | undefined;
    }) => ReactNode;
  },
) {
  const field = useField(props.name, props.defaultValue);
  return (
    <FieldFrame {...props} field={field}>
      {props.children({
        id: field.id,
        name: props.name,
        value: field.value,
        required: isRequired(props, field),
        "aria-invalid": field.error ? true : undefined,
        "aria-describedby": describedBy(props, field),
      })}
    </FieldFrame>
  );
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
    inputMode?: "numeric" | "decimal" | "text" | "email" | "tel" | "url";
    width?: "short" | "medium" | "full";
    readOnly?: boolean;
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
  const c = field.constraint;
  const type = props.type ?? c.type ?? "text";
  const ranged = type === "number";
  return (
    <FieldFrame {...props} field={field}>
      <input
        ref={ref}
        id={field.id}
        name={props.name}
        type={type}
        defaultValue={isPassword ? undefined : field.value}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode ?? c.inputMode}
        required={isRequired(props, field)}
        maxLength={c.maxLength}
        min={ranged ? c.min : undefined}
        max={ranged ? c.max : undefined}
        readOnly={props.readOnly}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(props, field)}
        className={`input input--${props.width ?? "full"}`}
      />
    </FieldFrame>
  );
}

export function TextAreaField(
  props: FieldProps & {
    rows?: number;
    /** A longest length the server refuses beyond, where no schema gives the form one. */
    maxLength?: number;
    readOnly?: boolean;
    onInput?: (value: string) => void;
    /** Shown under the text area (a word count), with this id, which describes the field. */
    after?: { id: string; content: ReactNode; className?: string };
  },
) {
  const field = useField(props.name, props.defaultValue);
  return (
    <FieldFrame {...props} field={field}>
      <textarea
        id={field.id}
        name={props.name}
        defaultValue={field.value}
        rows={props.rows ?? 5}
        required={isRequired(props, field)}
        maxLength={props.maxLength ?? field.constraint.maxLength}
        readOnly={props.readOnly}
        onInput={props.onInput && ((e) => props.onInput?.(e.currentTarget.value))}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(props, field, props.after?.id)}
        className="input input--full"
      />
      {props.after && (
        <p id={props.after.id} className={props.after.className}>
          {props.after.content}
        </p>
      )}
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
        required={isRequired(props, field)}
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
        required={isRequired(props, field)}
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
  /** The question; by default the form's `labels[name]`. */
  legend?: ReactNode;
  hint?: ReactNode;
  type: "checkbox" | "radio";
  options: ReadonlyArray<{ value: string; label: ReactNode }>;
  defaultValues?: readonly string[];
  required?: boolean;
  /** Required in some cases only (the hint or a later check says when): no "optional" shown. */
  conditional?: boolean;
  /** Shown but not to be changed (a read-only page). */
  disabled?: boolean;
}) {
  const feedback = useContext(FeedbackContext);
  const problems = useContext(ProblemsContext);
  const constraint = constraintOf(useContext(ConstraintsContext), props.name);
  const labels = useContext(LabelsContext);
  const legend = props.legend ?? labels?.[props.name];
  const required = props.required ?? constraint.required ?? false;
  const t = useT();
  const id = fieldId(props.name);
  const errors = feedback?.fieldErrors ? feedback.fieldErrors[props.name] : problems?.[props.name];
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
      disabled={props.disabled}
    >
      <legend>
        {legend}
        {!required && !props.conditional && (
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
            // A required radio group is one choice among them; a required checkbox would be each.
            required={props.type === "radio" && required ? true : undefined}
          />{" "}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
