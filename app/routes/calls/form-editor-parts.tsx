import { href } from "react-router";
import type { Question } from "../../../src/calls/form-definition";
import { fieldsOfType } from "../../../src/calls/form-editing";
import { type QuestionType, wordsPerPage } from "../../../src/calls/question-types";
import type { Translate } from "../../../src/i18n/translate";
import { euroInputText, formatEuro } from "../../../src/platform/money";
import { SelectField, TextAreaField, TextField } from "../../components/form";
import { Breadcrumbs } from "../../components/page";
import { useLocale, useT } from "../../lib/i18n";

// The parts the form editor's pages share (not a route): the breadcrumbs, a question's one-line
// summary for the outline, and the fields of a question of each type with their Dutch labels.

export const editorUrl = (callId: string) => href("/beheer/oproepen/:callId/formulier", { callId });

export function EditorBreadcrumbs(props: {
  call: { id: string; title: string };
  /** The page's own label; absent on the outline itself. */
  current?: string;
}) {
  const t = useT();
  const outline = t("call.field.form");
  return (
    <Breadcrumbs
      items={[
        { to: href("/"), label: t("nav.home") },
        { to: href("/beheer/oproepen"), label: t("call.manageTitle") },
        {
          to: href("/beheer/oproepen/:callId/bewerken", { callId: props.call.id }),
          label: props.call.title,
        },
        { to: editorUrl(props.call.id), label: outline },
        ...(props.current ? [{ label: props.current }] : []),
      ]}
    />
  );
}

const decimal = (n: number | undefined) => (n === undefined ? "" : String(n).replace(".", ","));

/** The limits of a question in a few words, e.g. "max. 3 pagina's"; null when it has none. */
export function questionSummary(t: Translate, locale: "nl" | "en", q: Question): string | null {
  switch (q.type) {
    case "text":
      return t(q.limit.unit === "pages" ? "formEditor.summary.pages" : "formEditor.summary.words", {
        max: q.limit.max,
      });
    case "number":
      if (q.min !== undefined && q.max !== undefined)
        return t("formEditor.summary.numberRange", { min: decimal(q.min), max: decimal(q.max) });
      if (q.min !== undefined) return t("formEditor.summary.numberMin", { min: decimal(q.min) });
      if (q.max !== undefined) return t("formEditor.summary.numberMax", { max: decimal(q.max) });
      return null;
    case "money":
      return q.maxCents === undefined
        ? null
        : t("formEditor.summary.money", { amount: formatEuro(q.maxCents, locale) });
    case "choice":
      return t(q.multiple ? "formEditor.summary.choiceMultiple" : "formEditor.summary.choice", {
        count: q.options.length,
      });
    case "attachments":
      return t("formEditor.summary.attachments", { files: q.maxFiles, size: q.maxSizeMb });
    default:
      return null;
  }
}

/** A stored question as the strings its edit form shows. */
export function questionValues(q: Question, sectionId: string): Record<string, string> {
  const values: Record<string, string> = {
    label: q.label,
    help: q.help ?? "",
    required: q.required ? "yes" : "",
    sectionId,
  };
  switch (q.type) {
    case "text":
      return { ...values, limitUnit: q.limit.unit, limitMax: String(q.limit.max) };
    case "number":
      return { ...values, min: decimal(q.min), max: decimal(q.max), unit: q.unit ?? "" };
    case "money":
      return { ...values, maxAmount: q.maxCents === undefined ? "" : euroInputText(q.maxCents) };
    case "choice":
      return {
        ...values,
        options: q.options.map((o) => o.label).join("\n"),
        multiple: q.multiple ? "yes" : "",
      };
    case "attachments":
      return { ...values, maxFiles: String(q.maxFiles), maxSizeMb: String(q.maxSizeMb) };
    default:
      return values;
  }
}

/** What a new question of a type starts with: required, a limit in pages, the schema's defaults. */
export const newQuestionValues: Record<string, string> = {
  required: "yes",
  limitUnit: "pages",
  maxFiles: "5",
  maxSizeMb: "10",
};

export function questionFieldLabels(t: Translate): Record<string, string> {
  return {
    label: t("formEditor.field.label"),
    help: t("formEditor.field.help"),
    required: t("formEditor.field.required"),
    limitUnit: t("formEditor.field.limitUnit"),
    limitMax: t("formEditor.field.limitMax"),
    min: t("formEditor.field.min"),
    max: t("formEditor.field.max"),
    unit: t("formEditor.field.unit"),
    maxAmount: t("formEditor.field.maxAmount"),
    options: t("formEditor.field.options"),
    multiple: t("formEditor.field.multiple"),
    maxFiles: t("formEditor.field.maxFiles"),
    maxSizeMb: t("formEditor.field.maxSizeMb"),
    sectionId: t("formEditor.field.section"),
    type: t("formEditor.chooseType"),
  };
}

/**
 * A checkbox that posts "yes" when ticked. The form kit has none for single yes/no fields; the
 * page passes the value it shows (what was posted, or what is stored), so a box the person
 * cleared stays cleared when the form comes back with an error.
 */
export function CheckboxField(props: { name: string; label: string; checked: boolean }) {
  return (
    <div className="field">
      <label className="checkbox">
        <input type="checkbox" name={props.name} value="yes" defaultChecked={props.checked} />{" "}
        {props.label}
      </label>
    </div>
  );
}

/** The fields of a question of the given type, after its label, help and "required". */
export function QuestionFields(props: {
  type: QuestionType;
  values: Record<string, string>;
  /** On the edit page: the sections it can move to. */
  sections?: ReadonlyArray<{ id: string; title: string }>;
}) {
  const t = useT();
  const labels = questionFieldLabels(t);
  const v = props.values;
  const extra = fieldsOfType[props.type];
  return (
    <>
      <TextAreaField
        name="label"
        label={labels.label ?? ""}
        hint={t("formEditor.hint.label")}
        required
        rows={2}
        defaultValue={v.label}
      />
      <TextAreaField
        name="help"
        label={labels.help ?? ""}
        hint={t("formEditor.hint.help")}
        rows={3}
        defaultValue={v.help}
      />
      <CheckboxField name="required" label={labels.required ?? ""} checked={v.required === "yes"} />
      {extra.includes("limitUnit") && (
        <>
          <SelectField
            name="limitUnit"
            label={labels.limitUnit ?? ""}
            hint={t("formEditor.hint.limitUnit", { perPage: wordsPerPage })}
            required
            defaultValue={v.limitUnit}
            options={[
              { value: "pages", label: t("formEditor.unit.pages") },
              { value: "words", label: t("formEditor.unit.words") },
            ]}
          />
          <TextField
            name="limitMax"
            label={labels.limitMax ?? ""}
            hint={t("formEditor.hint.limitMax")}
            required
            inputMode="numeric"
            width="short"
            defaultValue={v.limitMax}
          />
        </>
      )}
      {extra.includes("min") && (
        <>
          {(["min", "max"] as const).map((name) => (
            <TextField
              key={name}
              name={name}
              label={labels[name] ?? ""}
              hint={t("formEditor.hint.number")}
              inputMode="text"
              width="short"
              defaultValue={v[name]}
            />
          ))}
          <TextField
            name="unit"
            label={labels.unit ?? ""}
            hint={t("formEditor.hint.unit")}
            width="medium"
            defaultValue={v.unit}
          />
        </>
      )}
      {extra.includes("maxAmount") && (
        <TextField
          name="maxAmount"
          label={labels.maxAmount ?? ""}
          hint={t("formEditor.hint.maxAmount")}
          width="medium"
          defaultValue={v.maxAmount}
        />
      )}
      {extra.includes("options") && (
        <>
          <TextAreaField
            name="options"
            label={labels.options ?? ""}
            hint={t("formEditor.hint.options")}
            required
            rows={6}
            defaultValue={v.options}
          />
          <CheckboxField
            name="multiple"
            label={labels.multiple ?? ""}
            checked={v.multiple === "yes"}
          />
        </>
      )}
      {extra.includes("maxFiles") && (
        <>
          <TextField
            name="maxFiles"
            label={labels.maxFiles ?? ""}
            hint={t("formEditor.hint.maxFiles")}
            required
            inputMode="numeric"
            width="short"
            defaultValue={v.maxFiles}
          />
          <TextField
            name="maxSizeMb"
            label={labels.maxSizeMb ?? ""}
            hint={t("formEditor.hint.maxSizeMb")}
            required
            inputMode="numeric"
            width="short"
            defaultValue={v.maxSizeMb}
          />
        </>
      )}
      {extra.length === 0 && <p className="field__hint">{t("formEditor.noFields")}</p>}
      {props.sections && props.sections.length > 1 && (
        <SelectField
          name="sectionId"
          label={labels.sectionId ?? ""}
          hint={t("formEditor.hint.section")}
          required
          defaultValue={v.sectionId}
          options={props.sections.map((s) => ({ value: s.id, label: s.title }))}
        />
      )}
    </>
  );
}

/** The type's name for a sentence ("tekst") and the outline's summary line. */
export function useQuestionLine() {
  const t = useT();
  const locale = useLocale();
  return (q: Question) =>
    [
      t(`call.questionType.${q.type}`),
      q.required ? t("form.required") : t("form.optional"),
      questionSummary(t, locale, q),
    ]
      .filter(Boolean)
      .join(", ");
}

/** The fields of a section, on its "new" and "change" pages. */
export function SectionFields(props: { values?: Record<string, string> }) {
  const t = useT();
  return (
    <>
      <TextField
        name="title"
        label={t("formEditor.field.title")}
        required
        defaultValue={props.values?.title}
      />
      <TextAreaField
        name="intro"
        label={t("formEditor.field.intro")}
        hint={t("formEditor.hint.intro")}
        rows={4}
        defaultValue={props.values?.intro}
      />
    </>
  );
}

export const sectionFieldLabels = (t: Translate) => ({
  title: t("formEditor.field.title"),
  intro: t("formEditor.field.intro"),
});
