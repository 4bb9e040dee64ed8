import { and, count, eq } from "drizzle-orm";
import { defineUseCase, fail } from "../platform/use-case";
import { assertIdentifiersFree, identifierConflict } from "./organisation-identifiers";
import { updateOrganisationInput } from "./organisation-input";
import { directoryPolicy } from "./policy";
import { organisation, site } from "./schema";

/**
 * An administrator changes an organisation's details. The form carries the version it was
 * loaded at; if someone saved in between, the change is refused (nothing is overwritten).
 */
export const updateOrganisation = defineUseCase({
  name: "organisation.update",
  input: updateOrganisationInput,
  authorize: (actor, input) =>
    directoryPolicy.updateOrganisation(actor, { organisationId: input.id }),
  run: async (tx, input, { now }) => {
    const { id, version, ...fields } = input;
    const [current] = await tx
      .select()
      .from(organisation)
      .where(eq(organisation.id, id))
      .for("update");
    if (!current) throw fail.notFound();
    if (current.version !== version) throw fail.conflict("organisation.conflict");
    if (current.kind === "school" && fields.kind !== "school") {
      const [sites] = await tx.select({ n: count() }).from(site).where(eq(site.organisationId, id));
      if ((sites?.n ?? 0) > 0) throw fail.field("kind", "error.kindHasSites");
    }
    await assertIdentifiersFree(tx, fields, id);
    const [updated] = await tx
      .update(organisation)
      .set({ ...fields, version: version + 1, updatedAt: now })
      .where(and(eq(organisation.id, id), eq(organisation.version, version)))
      .returning()
      .catch((error: unknown) => {
        throw identifierConflict(error);
      });
    if (!updated) throw fail.conflict("organisation.conflict");
    const { searchText: _before, ...before } = current;
    const { searchText: _after, ...after } = updated;
    return {
      value: { id, version: updated.version },
      audit: { subjectType: "organisation", subjectId: id, before, after },
    };
  },
});
