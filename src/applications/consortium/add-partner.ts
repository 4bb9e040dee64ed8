import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { organisation } from "../../directory/schema";
import { defineUseCase, fail } from "../../platform/use-case";
import { lockEditableDraft, mayEditApplication, touchApplication } from "../editable-draft";
import { isPartnerKind } from "./model";
import { partnerFields, proposedOrganisationFields } from "./partner-input";
import { partnerAuditState } from "./partner-row";
import { applicationPartner } from "./schema";

export const addConsortiumPartnerInput = z.discriminatedUnion(
  "source",
  [
    z.object({
      source: z.literal("directory"),
      applicationId: z.uuid("application.error.unknown"),
      organisationId: z.uuid("consortium.error.choosePartner"),
      ...partnerFields,
    }),
    z.object({
      source: z.literal("proposed"),
      applicationId: z.uuid("application.error.unknown"),
      ...proposedOrganisationFields,
      ...partnerFields,
    }),
  ],
  { error: "error.invalidValue" },
);

/**
 * Adds a partner to a draft's consortium: an organisation of the directory (a partner, never a
 * school), or a new one proposed with its name, kind and KBO number. An organisation is a partner
 * once; a proposed KBO number that the directory knows must be chosen from the directory.
 */
export const addConsortiumPartner = defineUseCase({
  name: "application.consortium.addPartner",
  input: addConsortiumPartnerInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    await lockEditableDraft(tx, input.applicationId, now);
    const ofThisApplication = eq(applicationPartner.applicationId, input.applicationId);
    let identity: {
      organisationId: string | null;
      proposedName: string | null;
      proposedKind: (typeof applicationPartner.$inferInsert)["proposedKind"];
      proposedEnterpriseNumber: string | null;
    };
    if (input.source === "directory") {
      const [found] = await tx
        .select({ id: organisation.id, kind: organisation.kind })
        .from(organisation)
        .where(eq(organisation.id, input.organisationId));
      if (!found) throw fail.field("organisationId", "consortium.error.choosePartner");
      if (!isPartnerKind(found.kind))
        throw fail.field("organisationId", "consortium.error.schoolIsNoPartner");
      const [twice] = await tx
        .select({ id: applicationPartner.id })
        .from(applicationPartner)
        .where(and(ofThisApplication, eq(applicationPartner.organisationId, found.id)));
      if (twice) throw fail.field("organisationId", "consortium.error.partnerAlready");
      identity = {
        organisationId: found.id,
        proposedName: null,
        proposedKind: null,
        proposedEnterpriseNumber: null,
      };
    } else {
      const [known] = await tx
        .select({ id: organisation.id })
        .from(organisation)
        .where(eq(organisation.enterpriseNumber, input.proposedEnterpriseNumber));
      if (known)
        throw fail.field("proposedEnterpriseNumber", "consortium.error.proposedInDirectory");
      const [twice] = await tx
        .select({ id: applicationPartner.id })
        .from(applicationPartner)
        .where(
          and(
            ofThisApplication,
            eq(applicationPartner.proposedEnterpriseNumber, input.proposedEnterpriseNumber),
          ),
        );
      if (twice) throw fail.field("proposedEnterpriseNumber", "consortium.error.partnerAlready");
      identity = {
        organisationId: null,
        proposedName: input.proposedName,
        proposedKind: input.proposedKind,
        proposedEnterpriseNumber: input.proposedEnterpriseNumber,
      };
    }
    const [created] = await tx
      .insert(applicationPartner)
      .values({
        applicationId: input.applicationId,
        ...identity,
        roles: input.roles,
        commitment: input.commitment,
        inKindCents: input.inKind,
        cashCents: input.cash,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    await touchApplication(tx, input.applicationId, now);
    return {
      value: { partnerId: created.id },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: null,
        after: partnerAuditState(created),
      },
    };
  },
});
