import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase, fail } from "../platform/use-case";
import { identityPolicy } from "./policy";
import { selectMembershipsWithOrganisation } from "./read-people";
import { membership, user } from "./schema";

// Takes a role away from a person. The row goes; the audit log keeps what it was. The platform's
// last active administrator role cannot be revoked: nobody could grant it back.

export const revokeMembershipInput = z.object({
  userId: z.string({ error: "error.required" }).min(1, "error.required").max(100),
  membershipId: z.uuid("error.required"),
});

export const revokeMembership = defineUseCase({
  name: "membership.revoke",
  input: revokeMembershipInput,
  authorize: (actor) => identityPolicy.revokeMembership(actor),
  async run(tx, input) {
    const [existing] = await selectMembershipsWithOrganisation(tx).where(
      and(eq(membership.id, input.membershipId), eq(membership.userId, input.userId)),
    );
    if (!existing) throw fail.notFound();

    if (existing.role === "platformAdmin") {
      // Locks the other administrator roles, so two concurrent revocations cannot both pass.
      const others = await tx
        .select({ id: membership.id })
        .from(membership)
        .innerJoin(user, eq(user.id, membership.userId))
        .where(
          and(
            eq(membership.role, "platformAdmin"),
            eq(user.active, true),
            ne(membership.id, existing.id),
          ),
        )
        .for("update");
      if (others.length === 0) throw fail.conflict("error.lastAdmin");
    }

    await tx.delete(membership).where(eq(membership.id, existing.id));
    return {
      value: { membershipId: existing.id },
      audit: {
        subjectType: "person",
        subjectId: existing.userId,
        before: {
          membershipId: existing.id,
          organisationId: existing.organisationId,
          organisationName: existing.organisationName,
          role: existing.role,
        },
        after: null,
      },
    };
  },
});
