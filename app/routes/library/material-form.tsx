import {
  changeLevels,
  educationForms,
  finalities,
  studyDomains,
  transitionAreas,
} from "../../../src/directory/model";
import {
  chosenProgrammeChoices,
  programmeChoicesByCode,
} from "../../../src/directory/programme-options";
import type { MessageKey } from "../../../src/i18n/translate";
import type { VersionRow } from "../../../src/library/locked-version";
import {
  accessibilityFeatures,
  audiences,
  grades,
  licences,
  materialLanguages,
  maturities,
  resourceTypes,
} from "../../../src/library/model";
import {
  ChoiceGroup,
  type FormFeedback,
  SelectField,
  TextAreaField,
  TextField,
} from "../../components/form";
import { ProgrammePicker } from "../../components/programme-picker";
import { useT } from "../../lib/i18n";
import type { ProgrammeSearchReply } from "../../lib/programme-picker.server";

// The fields of a material version, shared by the "publish" and "edit" pages (not a route). Each
// metadata field with several values is a checkbox group; study programmes are the form kit's
// searchable checkbox list (`ProgrammePicker`). Authors and links are typed one per line.

/** Fields posted as several values of one name. */
export const multiValuedMaterialFields = [
  "studyDomains",
  "finalities",
  "educationForms",
  "grades",
  "programmeCodes",
  "qualificationLevels",
  "transitionAreas",
  "changeLevels",
  "resourceTypes",
  "audiences",
  "accessibilityFeatures",
] as const;

export type MaterialFormValues = Record<string, string | string[]>;

/** The posted form as use-case input and as the values to show again after a refusal. */
export function materialFormInput(form: FormData): MaterialFormValues {
  const values: MaterialFormValues = {};
  for (const key of new Set(form.keys())) {
    if (key === "csrf" || key === "intent" || key.startsWith("zoek.")) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = (multiValuedMaterialFields as readonly string[]).includes(key)
      ? all
      : (all[0] ?? "");
  }
  for (const key of multiValuedMaterialFields) values[key] ??= [];
  return values;
}

/** A stored version as the values its form shows. */
export function versionFormValues(v: VersionRow): MaterialFormValues {
  return {
    title: v.title,
    description: v.description,
    keywords: v.keywords.join(", "),
    language: v.language,
    licence: v.licence,
    authors: v.authors
      .map((a) => (a.organisation ? `${a.name} (${a.organisation})` : a.name))
      .join("\n"),
    links: v.links.map((l) => `${l.url} ${l.label}`).join("\n"),
    studyDomains: v.studyDomains,
    finalities: v.finalities,
    educationForms: v.educationForms,
    grades: v.grades,
    programmeCodes: v.programmeCodes,
    qualificationLevels: v.qualificationLevels.map(String),
    transitionAreas: v.transitionAreas,
    changeLevels: v.changeLevels,
    resourceTypes: v.resourceTypes,
    audiences: v.audiences,
    accessibilityFeatures: v.accessibilityFeatures,
    timeRequiredMinutes: v.timeRequiredMinutes === null ? "" : String(v.timeRequiredMinutes),
    maturity: v.maturity,
    maturityEvidence: v.maturityEvidence,
    changeNote: v.changeNote,
  };
}

export function MaterialFields(props: {
  values: MaterialFormValues;
  feedback?: FormFeedback;
  /** The answer to the programme picker's search, if that was what was posted. */
  search?: ProgrammeSearchReply | null;
}) {
  const t = useT();
  const v = (name: string) => {
    const value = props.values[name];
    return Array.isArray(value) ? "" : (value ?? "");
  };
  const several = (name: string) => {
    const value = props.values[name];
    return Array.isArray(value) ? value : value ? [value] : [];
  };
  const errorOf = (name: string) => {
    const key = props.feedback?.fieldErrors?.[name]?.[0];
    return key ? t(key as MessageKey) : undefined;
  };
  const group = (
    name: (typeof multiValuedMaterialFields)[number],
    options: ReadonlyArray<{ value: string; label: string }>,
    hint?: string,
  ) => (
    <ChoiceGroup
      type="checkbox"
      name={name}
      options={options}
      defaultValues={several(name)}
      hint={hint}
      conditional
    />
  );
  return (
    <>
      <h2>{t("library.form.content")}</h2>
      <TextField name="title" defaultValue={v("title")} />
      <TextAreaField
        name="description"
        hint={t("library.hint.description")}
        rows={6}
        conditional
        defaultValue={v("description")}
      />
      <TextField name="keywords" hint={t("library.hint.keywords")} defaultValue={v("keywords")} />
      <TextAreaField
        name="authors"
        hint={t("library.hint.authors")}
        rows={3}
        conditional
        defaultValue={v("authors")}
      />
      <TextAreaField
        name="links"
        hint={t("library.hint.links")}
        rows={3}
        defaultValue={v("links")}
      />
      <SelectField
        name="licence"
        hint={t("library.hint.licence")}
        defaultValue={v("licence")}
        options={licences.map((l) => ({ value: l, label: t(`library.licence.${l}`) }))}
      />
      <SelectField
        name="language"
        defaultValue={v("language") || "nl"}
        options={materialLanguages.map((l) => ({ value: l, label: t(`library.language.${l}`) }))}
      />
      <h2>{t("library.form.curriculum")}</h2>
      {group(
        "studyDomains",
        studyDomains.map((d) => ({ value: d, label: t(`domain.${d}`) })),
      )}
      {group(
        "finalities",
        finalities.map((f) => ({ value: f, label: t(`finality.${f}`) })),
      )}
      {group(
        "educationForms",
        educationForms.map((f) => ({ value: f, label: t(`educationForm.${f}`) })),
      )}
      {group(
        "grades",
        grades.map((g) => ({ value: g, label: t(`library.grade.${g}`) })),
      )}
      <ProgrammePicker
        name="programmeCodes"
        label={t("library.field.programmeCodes")}
        chosen={
          props.search?.chosen ??
          chosenProgrammeChoices(programmeChoicesByCode, several("programmeCodes"))
        }
        matches={props.search?.matches ?? null}
        query={props.search?.query}
        error={errorOf("programmeCodes")}
        conditional
      />
      {group(
        "qualificationLevels",
        [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({
          value: String(n),
          label: t("library.vksLevel", { level: n }),
        })),
      )}
      {group(
        "transitionAreas",
        transitionAreas.map((a) => ({ value: a, label: t(`transitionArea.${a}`) })),
      )}
      {group(
        "changeLevels",
        changeLevels.map((c) => ({ value: c, label: t(`changeLevel.${c}`) })),
      )}
      <h2>{t("library.form.use")}</h2>
      {group(
        "resourceTypes",
        resourceTypes.map((r) => ({ value: r, label: t(`library.resourceType.${r}`) })),
      )}
      {group(
        "audiences",
        audiences.map((a) => ({ value: a, label: t(`library.audience.${a}`) })),
      )}
      <TextField
        name="timeRequiredMinutes"
        inputMode="numeric"
        width="short"
        defaultValue={v("timeRequiredMinutes")}
      />
      {group(
        "accessibilityFeatures",
        accessibilityFeatures.map((a) => ({ value: a, label: t(`library.accessibility.${a}`) })),
      )}
      <SelectField
        name="maturity"
        defaultValue={v("maturity") || "prototype"}
        options={maturities.map((m) => ({ value: m, label: t(`library.maturity.${m}`) }))}
      />
      <TextAreaField
        name="maturityEvidence"
        hint={t("library.hint.maturityEvidence")}
        rows={3}
        conditional
        defaultValue={v("maturityEvidence")}
      />
      <TextAreaField
        name="changeNote"
        hint={t("library.hint.changeNote")}
        rows={2}
        defaultValue={v("changeNote")}
      />
    </>
  );
}

/** Field labels for the error summary. */
export function materialFieldLabels(t: ReturnType<typeof useT>): Record<string, string> {
  const names = [
    "title",
    "description",
    "keywords",
    "authors",
    "links",
    "licence",
    "language",
    ...multiValuedMaterialFields,
    "timeRequiredMinutes",
    "maturity",
    "maturityEvidence",
    "changeNote",
    "organisationId",
    "applicationId",
  ];
  return Object.fromEntries(names.map((n) => [n, t(`library.field.${n}` as MessageKey)]));
}
