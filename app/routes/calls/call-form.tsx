import type { ReactNode } from "react";
import { href, Link } from "react-router";
import type { callFormFields } from "../../../src/calls/call-input";
import type { FormDefinition } from "../../../src/calls/form-definition";
import { envelopeCodes, envelopeDimensions, multiValuedCallFields } from "../../../src/calls/model";
import { canonicalJson } from "../../../src/calls/question-types";
import type { CallRow } from "../../../src/calls/read-calls";
import {
  changeLevels,
  educationForms,
  finalities,
  studyDomains,
  transitionAreas,
} from "../../../src/directory/model";
import type { MessageKey, Translate } from "../../../src/i18n/translate";
import { euroInputText } from "../../../src/platform/money";
import { toBrusselsInput } from "../../../src/platform/time";
import {
  AppForm,
  ChoiceGroup,
  type FormConstraints,
  type FormFeedback,
  fieldId,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../../components/form";
import { useT } from "../../lib/i18n";

// The fields of the call form, shared by the "new" and "edit" pages (not a route). Multi-valued
// fields are checkbox groups. The application form has its own structured editor (form-editor*.tsx);
// its JSON stays here as an advanced option.

type FormField = (typeof callFormFields)[number];

export function callFieldLabels(t: Translate): Record<string, string> {
  const labels: Record<FormField | "envelopes", string> = {
    title: t("call.field.title"),
    summary: t("call.field.summary"),
    body: t("call.field.body"),
    schoolYears: t("call.field.schoolYears"),
    maxDurationMonths: t("call.field.maxDurationMonths"),
    themes: t("call.field.themes"),
    changeLevels: t("call.field.changeLevels"),
    educationForms: t("call.field.educationForms"),
    finalities: t("call.field.finalities"),
    studyDomains: t("call.field.studyDomains"),
    minLabourMarketPartners: t("call.field.minLabourMarketPartners"),
    minEducationPartners: t("call.field.minEducationPartners"),
    totalBudget: t("call.field.totalBudget"),
    maxPerProject: t("call.field.maxPerProject"),
    minCoFinancingPercent: t("call.field.minCoFinancingPercent"),
    directorApproval: t("call.field.directorApproval"),
    envelopeDimension: t("call.field.envelopeDimension"),
    envelopes: t("call.field.envelopes"),
    opensAt: t("call.field.opensAt"),
    closesAt: t("call.field.closesAt"),
    decisionAt: t("call.field.decisionAt"),
    form: t("call.field.form"),
  };
  return labels;
}

/** "form.sections.1.questions.0.limit.max" -> "Aanvraagformulier, sectie 2, vraag 1 (limit.max)". */
export function formProblemLabel(t: Translate, key: string): string {
  const path = key.split(".").slice(1);
  const section = path[0] === "sections" && path[1] !== undefined ? Number(path[1]) + 1 : null;
  const question = path[2] === "questions" && path[3] !== undefined ? Number(path[3]) + 1 : null;
  const rest = path.slice(question !== null ? 4 : section !== null ? 2 : 0).join(".");
  const place =
    question !== null
      ? t("call.formPlaceQuestion", { section: section ?? 0, question })
      : section !== null
        ? t("call.formPlaceSection", { section })
        : t("call.formPlaceWhole");
  return `${t("call.field.form")}, ${place}${rest ? ` (${rest})` : ""}`;
}

/** The labels for the error summary, including one per problem in the application form. */
export function labelsFor(t: Translate, feedback?: FormFeedback): Record<string, string> {
  const labels = callFieldLabels(t);
  for (const key of Object.keys(feedback?.fieldErrors ?? {})) {
    if (key.startsWith("form.")) labels[key] = formProblemLabel(t, key);
    if (key.startsWith("envelopes."))
      labels[key] = `${labels.envelopes}, ${t(`province.${key.slice(10)}` as MessageKey)}`;
  }
  return labels;
}

/** A stored call as the strings the form shows. */
export function callFormValues(c: CallRow): Record<string, string> {
  const values: Record<string, string> = {
    title: c.title,
    summary: c.summary,
    body: c.body,
    schoolYears: c.schoolYears.join(", "),
    maxDurationMonths: c.maxDurationMonths?.toString() ?? "",
    themes: c.themes.join(","),
    changeLevels: c.changeLevels.join(","),
    educationForms: c.educationForms.join(","),
    finalities: c.finalities.join(","),
    studyDomains: c.studyDomains.join(","),
    minLabourMarketPartners: String(c.minLabourMarketPartners),
    minEducationPartners: String(c.minEducationPartners),
    totalBudget: euroInputText(c.totalBudgetCents),
    maxPerProject: euroInputText(c.maxPerProjectCents),
    minCoFinancingPercent: c.minCoFinancingPercent?.toString() ?? "",
    directorApproval: c.directorApprovalRequired ? "required" : "notRequired",
    envelopeDimension: c.envelopeDimension ?? "",
    opensAt: c.opensAt ? toBrusselsInput(c.opensAt) : "",
    closesAt: c.closesAt ? toBrusselsInput(c.closesAt) : "",
    decisionAt: c.decisionAt ? toBrusselsInput(c.decisionAt) : "",
    form: formJson(c.formDraft),
  };
  for (const e of c.envelopes) values[`envelopes.${e.code}`] = euroInputText(e.amountCents);
  return values;
}

/** The application form as readable JSON, keys in a stable order. */
export function formJson(form: FormDefinition): string {
  return JSON.stringify(JSON.parse(canonicalJson(form)), null, 2);
}

/**
 * The posted form as use-case input (multi-valued fields as arrays, envelopes as an object) and
 * as strings to echo back on error.
 */
export function callFormInput(form: FormData): {
  input: Record<string, unknown>;
  values: Record<string, string>;
} {
  const input: Record<string, unknown> = {};
  const values: Record<string, string> = {};
  const envelopes: Record<string, string> = {};
  for (const [key, value] of form) {
    if (key === "csrf" || typeof value !== "string") continue;
    if ((multiValuedCallFields as readonly string[]).includes(key)) continue;
    values[key] = value;
    if (key.startsWith("envelopes.")) envelopes[key.slice(10)] = value;
    else input[key] = value;
  }
  for (const key of multiValuedCallFields) {
    const list = form.getAll(key).filter((v): v is string => typeof v === "string");
    input[key] = list;
    values[key] = list.join(",");
  }
  input.envelopes = envelopes;
  return { input, values };
}

/**
 * The form of the "new" and "edit" pages: the fields, saved as a draft. `children` come before the
 * fields (the edit page's version, for the conflict check).
 */
export function CallForm(props: {
  defaults?: Record<string, string>;
  feedback?: FormFeedback;
  children?: ReactNode;
  /** The structured form editor of this call (the edit page); the JSON stays as "advanced". */
  formEditorUrl?: string;
  /** From the use case's schema (ADR 0031), computed by the page's loader. */
  constraints: FormConstraints;
}) {
  const t = useT();
  return (
    <AppForm
      feedback={props.feedback}
      labels={labelsFor(t, props.feedback)}
      constraints={props.constraints}
    >
      {props.children}
      <CallFields
        defaults={props.defaults}
        feedback={props.feedback}
        formEditorUrl={props.formEditorUrl}
      />
      <div className="button-row">
        <SubmitButton>{t("call.saveDraft")}</SubmitButton>
        <a href={href("/beheer/oproepen")}>{t("common.cancel")}</a>
      </div>
    </AppForm>
  );
}

function CallFields(props: {
  defaults?: Record<string, string>;
  feedback?: FormFeedback;
  formEditorUrl?: string;
}) {
  const t = useT();
  const labels = callFieldLabels(t);
  const d = { ...props.defaults, ...props.feedback?.values };
  const errorOf = (name: string) => {
    const key = props.feedback?.fieldErrors?.[name]?.[0];
    return key ? t(key as MessageKey) : undefined;
  };
  const formProblems = Object.entries(props.feedback?.fieldErrors ?? {}).filter(([key]) =>
    key.startsWith("form."),
  );
  const group = (
    name: (typeof multiValuedCallFields)[number],
    options: { value: string; label: string }[],
  ) => (
    <ChoiceGroup
      type="checkbox"
      name={name}
      legend={labels[name] ?? name}
      options={options}
      defaultValues={(props.defaults?.[name] ?? "").split(",").filter(Boolean)}
      conditional
    />
  );
  return (
    <>
      <h2>{t("call.section.general")}</h2>
      <TextField name="title" label={labels.title ?? ""} defaultValue={d.title} />
      <TextAreaField
        name="summary"
        label={labels.summary ?? ""}
        hint={t("call.hint.summary")}
        rows={3}
        conditional
        defaultValue={d.summary}
      />
      <TextAreaField
        name="body"
        label={labels.body ?? ""}
        hint={t("call.hint.body")}
        rows={10}
        conditional
        defaultValue={d.body}
      />
      <TextField
        name="schoolYears"
        label={labels.schoolYears ?? ""}
        hint={t("call.hint.schoolYears")}
        conditional
        width="medium"
        defaultValue={d.schoolYears}
      />
      <TextField
        name="maxDurationMonths"
        label={labels.maxDurationMonths ?? ""}
        conditional
        inputMode="numeric"
        width="short"
        defaultValue={d.maxDurationMonths}
      />

      <h2>{t("call.section.themes")}</h2>
      {group(
        "themes",
        transitionAreas.map((v) => ({ value: v, label: t(`transitionArea.${v}`) })),
      )}
      {group(
        "changeLevels",
        changeLevels.map((v) => ({ value: v, label: t(`changeLevel.${v}`) })),
      )}

      <h2>{t("call.section.eligibility")}</h2>
      {group(
        "educationForms",
        educationForms.map((v) => ({ value: v, label: t(`educationForm.${v}`) })),
      )}
      {group(
        "finalities",
        finalities.map((v) => ({ value: v, label: t(`finality.${v}`) })),
      )}
      {group(
        "studyDomains",
        studyDomains.map((v) => ({ value: v, label: t(`domain.${v}`) })),
      )}
      <TextField
        name="minLabourMarketPartners"
        label={labels.minLabourMarketPartners ?? ""}
        inputMode="numeric"
        width="short"
        defaultValue={d.minLabourMarketPartners ?? "1"}
      />
      <TextField
        name="minEducationPartners"
        label={labels.minEducationPartners ?? ""}
        inputMode="numeric"
        width="short"
        defaultValue={d.minEducationPartners ?? "1"}
      />

      <h2>{t("call.section.budget")}</h2>
      <TextField
        name="totalBudget"
        label={labels.totalBudget ?? ""}
        hint={t("call.hint.money")}
        conditional
        width="medium"
        defaultValue={d.totalBudget}
      />
      <TextField
        name="maxPerProject"
        label={labels.maxPerProject ?? ""}
        hint={t("call.hint.money")}
        conditional
        width="medium"
        defaultValue={d.maxPerProject}
      />
      <TextField
        name="minCoFinancingPercent"
        label={labels.minCoFinancingPercent ?? ""}
        hint={t("call.hint.coFinancing")}
        conditional
        inputMode="numeric"
        width="short"
        defaultValue={d.minCoFinancingPercent}
      />
      <ChoiceGroup
        type="radio"
        name="directorApproval"
        legend={labels.directorApproval ?? ""}
        hint={t("call.hint.directorApproval")}
        options={(["notRequired", "required"] as const).map((v) => ({
          value: v,
          label: t(`call.directorApproval.${v}`),
        }))}
        defaultValues={[d.directorApproval || "notRequired"]}
      />
      <SelectField
        name="envelopeDimension"
        label={labels.envelopeDimension ?? ""}
        hint={t("call.hint.envelopeDimension")}
        placeholder={t("call.noEnvelopes")}
        defaultValue={d.envelopeDimension}
        options={envelopeDimensions.map((v) => ({ value: v, label: t(`envelopeDimension.${v}`) }))}
      />
      <fieldset
        id={fieldId("envelopes")}
        className={`field${errorOf("envelopes") ? " field--error" : ""}`}
      >
        <legend>{labels.envelopes}</legend>
        <p className="field__hint">{t("call.hint.envelopes")}</p>
        {errorOf("envelopes") && <p className="field__error">{errorOf("envelopes")}</p>}
        {envelopeCodes.province.map((code) => (
          <TextField
            key={code}
            name={`envelopes.${code}`}
            label={t(`province.${code}` as MessageKey)}
            width="medium"
            defaultValue={d[`envelopes.${code}`]}
          />
        ))}
      </fieldset>

      <h2>{t("call.section.timeline")}</h2>
      <p className="field__hint">{t("call.hint.timeZone")}</p>
      {(["opensAt", "closesAt", "decisionAt"] as const).map((name) => (
        <TextField
          key={name}
          name={name}
          type="datetime-local"
          label={labels[name] ?? ""}
          hint={t("call.hint.dateTime")}
          conditional
          width="medium"
          defaultValue={d[name]}
        />
      ))}

      <h2>{t("call.section.form")}</h2>
      {props.formEditorUrl && (
        <>
          <p>
            <Link to={props.formEditorUrl}>{t("formEditor.link")}</Link>
          </p>
          <h3>{t("formEditor.advancedTitle")}</h3>
          <p className="field__hint">{t("formEditor.advancedLead")}</p>
        </>
      )}
      {formProblems.length > 0 && (
        <div className="notice notice--warning">
          <p>{t("call.formProblems")}</p>
          <ul>
            {formProblems.map(([key, messages]) => (
              <li key={key} id={fieldId(key)}>
                {formProblemLabel(t, key)}: {t((messages[0] ?? "error.required") as MessageKey)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <TextAreaField
        name="form"
        label={labels.form ?? ""}
        hint={t("call.hint.form")}
        rows={24}
        conditional
        defaultValue={d.form}
      />
    </>
  );
}
