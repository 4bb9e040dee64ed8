import { z } from "zod";
import { parseEnterpriseNumber } from "../../directory/enterprise-number";
import { partnerKinds } from "../../directory/model";
import { blankToUndefined, several } from "../../platform/form-input";
import { parseEuroCents } from "../../platform/money";
import { maxCommitmentLength, partnerRoles } from "./model";

// The partner form, once: used by the add and update use cases and by their pages. Every message
// is a catalogue key. Amounts are typed in euro the Flemish way ("12.500,50") and kept in cents.

const requiredText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z.string({ error: "error.required" }).trim().min(1, "error.required").max(max, "error.tooLong"),
  );

/** A euro amount; blank is nothing (0). */
const euro = z.preprocess(
  blankToUndefined,
  z
    .union([z.string(), z.number()], { error: "consortium.error.invalidAmount" })
    .transform((value, ctx) => {
      const cents = parseEuroCents(value);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: "consortium.error.invalidAmount" });
        return z.NEVER;
      }
      return cents;
    })
    .optional()
    .transform((v) => v ?? 0),
);

/** What a partner commits to: the fields a coordinator fills in and may change later. */
export const partnerFields = {
  roles: several(partnerRoles).refine((roles) => roles.length > 0, "consortium.error.roleRequired"),
  commitment: requiredText(maxCommitmentLength),
  inKind: euro,
  cash: euro,
  contactName: requiredText(200),
  contactEmail: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "error.required" })
      .trim()
      .max(254, "error.invalidEmail")
      .pipe(z.email("error.invalidEmail")),
  ),
};

/** An organisation that is not in the directory yet, proposed with its KBO number. */
export const proposedOrganisationFields = {
  proposedName: requiredText(200),
  proposedKind: z.preprocess(
    blankToUndefined,
    z.enum(partnerKinds, {
      error: (issue) => (issue.input === undefined ? "error.required" : "error.invalidChoice"),
    }),
  ),
  proposedEnterpriseNumber: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "consortium.error.enterpriseNumberRequired" })
      .max(30, "error.invalidEnterpriseNumber")
      .transform((value, ctx) => {
        const parsed = parseEnterpriseNumber(value);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: "custom", message: "error.invalidEnterpriseNumber" });
        return z.NEVER;
      }),
  ),
};

/** What a partner row says about its commitment: a change to any of these needs a new "yes". */
export function commitmentOf(row: {
  roles: readonly string[];
  commitment: string;
  inKindCents: number;
  cashCents: number;
}) {
  return {
    roles: [...row.roles].sort(),
    commitment: row.commitment,
    inKindCents: row.inKindCents,
    cashCents: row.cashCents,
  };
}
