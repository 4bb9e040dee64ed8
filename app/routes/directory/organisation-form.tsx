import { formatEnterpriseNumber } from "../../../src/directory/enterprise-number";
import { organisationKinds, umbrellaOrganisations } from "../../../src/directory/model";
import type { organisationFormFields } from "../../../src/directory/organisation-input";
import type { Translate } from "../../../src/i18n/translate";
import { SelectField, TextAreaField, TextField } from "../../components/form";
import { useT } from "../../lib/i18n";

// The fields of the organisation form, shared by the "new" and "edit" pages (not a route).

type FormField = (typeof organisationFormFields)[number];

export function organisationFieldLabels(t: Translate): Record<FormField, string> {
  return {
    name: t("organisation.name"),
    kind: t("organisation.kind"),
    institutionNumber: t("organisation.institutionNumber"),
    enterpriseNumber: t("organisation.enterpriseNumber"),
    umbrella: t("organisation.umbrella"),
    street: t("organisation.street"),
    postalCode: t("organisation.postalCode"),
    municipalityNis: t("directory.municipality"),
    website: t("organisation.website"),
    email: t("organisation.email"),
    phone: t("organisation.phone"),
    description: t("organisation.description"),
  };
}

/** A stored organisation as the strings the form shows. */
export function organisationFormValues(o: {
  name: string;
  kind: string;
  institutionNumber: string | null;
  enterpriseNumber: string | null;
  umbrella: string | null;
  street: string | null;
  postalCode: string | null;
  /** The current municipality (an old NIS code is shown as its successor). */
  municipality: { nis: string } | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  description: string | null;
}): Record<FormField, string> {
  let enterpriseNumber = o.enterpriseNumber ?? "";
  try {
    if (enterpriseNumber) enterpriseNumber = formatEnterpriseNumber(enterpriseNumber);
  } catch {
    // An invalid stored number is shown as it is, for the person to correct.
  }
  return {
    name: o.name,
    kind: o.kind,
    institutionNumber: o.institutionNumber ?? "",
    enterpriseNumber,
    umbrella: o.umbrella ?? "",
    street: o.street ?? "",
    postalCode: o.postalCode ?? "",
    municipalityNis: o.municipality?.nis ?? "",
    website: o.website ?? "",
    email: o.email ?? "",
    phone: o.phone ?? "",
    description: o.description ?? "",
  };
}

export function OrganisationFields(props: {
  defaults?: Partial<Record<FormField, string>>;
  municipalities: ReadonlyArray<{ value: string; label: string }>;
}) {
  const t = useT();
  const d = props.defaults ?? {};
  return (
    <>
      <TextField name="name" defaultValue={d.name} />
      <SelectField
        name="kind"
        defaultValue={d.kind}
        options={organisationKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
      />
      <TextField
        name="institutionNumber"
        hint={t("organisation.institutionNumberHint")}
        conditional
        inputMode="numeric"
        width="short"
        defaultValue={d.institutionNumber}
      />
      <TextField
        name="enterpriseNumber"
        hint={t("organisation.enterpriseNumberHint")}
        conditional
        width="medium"
        defaultValue={d.enterpriseNumber}
      />
      <SelectField
        name="umbrella"
        hint={t("organisation.umbrellaHint")}
        conditional
        defaultValue={d.umbrella}
        options={umbrellaOrganisations.map((u) => ({ value: u, label: t(`umbrella.${u}`) }))}
      />
      <TextField name="street" defaultValue={d.street} />
      <TextField name="postalCode" inputMode="numeric" width="short" defaultValue={d.postalCode} />
      <SelectField
        name="municipalityNis"
        hint={t("organisation.municipalityHint")}
        defaultValue={d.municipalityNis}
        options={props.municipalities}
      />
      <TextField
        name="website"
        hint={t("organisation.websiteHint")}
        inputMode="url"
        defaultValue={d.website}
      />
      <TextField name="email" width="medium" defaultValue={d.email} />
      <TextField name="phone" type="tel" width="medium" defaultValue={d.phone} />
      <TextAreaField name="description" defaultValue={d.description} />
    </>
  );
}
