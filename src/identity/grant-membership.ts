import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbExecutor } from "../db/client";
import { parseEnterpriseNumber } from "../directory/enterprise-number";
import { organisation } from "../directory/schema";
import { defineUseCase, fail } from "../platform/use-case";
import { identityPolicy } from "./policy";
import { roles } from "./roles";
import { membership, user } from "./schema";

// Gives a person a role in an organisation. The administrator picks the organisation from a
// search (its id), or names it the way people know it: its instellingsnummer, its
// ondernemingsnummer (in any usual notation), or its exact name.

export const grantMembershipInput = z.object({
  userId: z.string({ error: "error.required" }).min(1, "error.required").max(100),
  organisation: z
    .string({ error: "error.required" })
    .trim()
    .min(1, "error.required")
    .max(300, "error.tooLong"),
  role: z.enum(roles, { error: "error.invalidChoice" }),
});

type OrganisationMatch =
  | { found: true; id: string; name: string }
  | { found: false; reason: "unknown" | "ambiguous" };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds one organisation by id, instellingsnummer, ondernemingsnummer or exact name (any case). */
export async function findOrganisationByIdentifier(
  db: DbExecutor,
  identifier: string,
): Promise<OrganisationMatch> {
  const text = identifier.trim();
  const columns = { id: organisation.id, name: organisation.name };
  if (uuidPattern.test(text)) {
    const [picked] = await db.select(columns).from(organisation).where(eq(organisation.id, text));
    if (picked) return { found: true, ...picked };
  }
  if (/^\d{1,6}$/.test(text)) {
    const [school] = await db
      .select(columns)
      .from(organisation)
      .where(eq(organisation.institutionNumber, text));
    if (school) return { found: true, ...school };
  }
  const enterpriseNumber = parseEnterpriseNumber(text);
  if (enterpriseNumber.ok) {
    const [company] = await db
      .select(columns)
      .from(organisation)
      .where(eq(organisation.enterpriseNumber, enterpriseNumber.value));
    if (company) return { found: true, ...company };
  }
  const byName = await db
    .select(columns)
    .from(organisation)
    .where(eq(sql`lower(${organisation.name})`, text.toLowerCase()))
    .limit(2);
  if (byName.length > 1) return { found: false, reason: "ambiguous" };
  const [named] = byName;
  return named ? { found: true, ...named } : { found: false, reason: "unknown" };
}

export const grantMembership = defineUseCase({
  name: "membership.grant",
  input: grantMembershipInput,
  authorize: (actor) => identityPolicy.grantMembership(actor),
  async run(tx, input, { now }) {
    const [person] = await tx.select({ id: user.id }).from(user).where(eq(user.id, input.userId));
    if (!person) throw fail.notFound();

    const match = await findOrganisationByIdentifier(tx, input.organisation);
    if (!match.found) {
      throw fail.field(
        "organisation",
        match.reason === "ambiguous" ? "error.ambiguousOrganisation" : "error.unknownOrganisation",
      );
    }

    const [created] = await tx
      .insert(membership)
      .values({ userId: person.id, organisationId: match.id, role: input.role, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!created) throw fail.field("role", "error.membershipExists");

    // Memberships are recorded under the person, so a person's history shows their roles.
    return {
      value: { membershipId: created.id },
      audit: {
        subjectType: "person",
        subjectId: person.id,
        before: null,
        after: {
          membershipId: created.id,
          organisationId: match.id,
          organisationName: match.name,
          role: created.role,
        },
      },
    };
  },
});
