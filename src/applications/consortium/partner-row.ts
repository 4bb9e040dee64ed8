import { and, eq } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { fail } from "../../platform/use-case";
import { applicationPartner } from "./schema";

// The partner a coordinator's use case is about: locked, and only when it belongs to the
// application named in the same input (an id of another application's partner is not found).

export type PartnerRow = typeof applicationPartner.$inferSelect;

/** Locks a partner of the application; call after lockEditableDraft (one lock order). */
export async function lockPartner(
  tx: Transaction,
  applicationId: string,
  partnerId: string,
): Promise<PartnerRow> {
  const [row] = await tx
    .select()
    .from(applicationPartner)
    .where(
      and(
        eq(applicationPartner.id, partnerId),
        eq(applicationPartner.applicationId, applicationId),
      ),
    )
    .for("update");
  if (!row) throw fail.notFound();
  return row;
}

/** What the audit log keeps of a partner: its commitment and where it stands, not its token. */
export function partnerAuditState(row: PartnerRow) {
  return {
    partner: row.organisationId ?? row.proposedName,
    roles: row.roles,
    commitment: row.commitment,
    inKindCents: row.inKindCents,
    cashCents: row.cashCents,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    status: row.status,
  };
}
