import { partnerRoles } from "../../../src/applications/consortium/model";
import { ChoiceGroup, TextAreaField, TextField } from "../../components/form";
import { useT } from "../../lib/i18n";

// The partner fields shared by the "add" and "change" pages, and reading them from a posted form.

/** The posted partner fields as use-case input, and as strings to show again after a refusal. */
export function partnerInputFromForm(form: FormData): {
  input: Record<string, unknown>;
  values: Record<string, string>;
} {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const roles = form.getAll("roles").filter((v): v is string => typeof v === "string");
  const names = [
    "source",
    "organisationId",
    "proposedName",
    "proposedKind",
    "proposedEnterpriseNumber",
    "commitment",
    "inKind",
    "cash",
    "contactName",
    "contactEmail",
  ];
  const values: Record<string, string> = Object.fromEntries(names.map((n) => [n, text(n)]));
  values.roles = roles.join(",");
  return { input: { ...values, roles }, values };
}

export interface PartnerDefaults {
  roles: readonly string[];
  commitment: string;
  inKind: string;
  cash: string;
  contactName: string;
  contactEmail: string;
}

/** Roles, commitment, values and contact: what a partner is asked to confirm. */
export function PartnerFields(props: { defaults?: PartnerDefaults }) {
  const t = useT();
  const d = props.defaults;
  return (
    <>
      <ChoiceGroup
        name="roles"
        type="checkbox"
        legend={t("consortium.field.roles")}
        hint={t("consortium.hint.roles")}
        options={partnerRoles.map((r) => ({ value: r, label: t(`consortium.role.${r}`) }))}
        defaultValues={d?.roles}
      />
      <TextAreaField
        name="commitment"
        label={t("consortium.field.commitment")}
        hint={t("consortium.hint.commitment")}
        defaultValue={d?.commitment}
        rows={6}
      />
      <TextField
        name="inKind"
        label={t("consortium.field.inKind")}
        hint={t("consortium.hint.inKind")}
        defaultValue={d?.inKind}
        inputMode="text"
        width="medium"
      />
      <TextField
        name="cash"
        label={t("consortium.field.cash")}
        hint={t("consortium.hint.cash")}
        defaultValue={d?.cash}
        inputMode="text"
        width="medium"
      />
      <TextField
        name="contactName"
        label={t("consortium.field.contactName")}
        defaultValue={d?.contactName}
        autoComplete="off"
      />
      <TextField
        name="contactEmail"
        type="email"
        label={t("consortium.field.contactEmail")}
        hint={t("consortium.hint.contactEmail")}
        defaultValue={d?.contactEmail}
        autoComplete="off"
      />
    </>
  );
}

/** The labels of the partner fields, for the error summary. */
export function partnerLabels(t: ReturnType<typeof useT>): Record<string, string> {
  return {
    organisationId: t("consortium.field.organisation"),
    proposedName: t("consortium.field.proposedName"),
    proposedKind: t("consortium.field.proposedKind"),
    proposedEnterpriseNumber: t("consortium.field.proposedEnterpriseNumber"),
    roles: t("consortium.field.roles"),
    commitment: t("consortium.field.commitment"),
    inKind: t("consortium.field.inKind"),
    cash: t("consortium.field.cash"),
    contactName: t("consortium.field.contactName"),
    contactEmail: t("consortium.field.contactEmail"),
  };
}

/** An amount as the field shows it: Flemish notation ("12.500,50"), empty for nothing. */
export function centsForField(cents: number): string {
  if (cents === 0) return "";
  return new Intl.NumberFormat("nl-BE", {
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}
