import { defineUseCase } from "../platform/use-case";
import { assertIdentifiersFree, identifierConflict } from "./organisation-identifiers";
import { createOrganisationInput } from "./organisation-input";
import { directoryPolicy } from "./policy";
import { organisation } from "./schema";

/** An administrator adds a school or partner to the directory. */
export const createOrganisation = defineUseCase({
  name: "organisation.create",
  input: createOrganisationInput,
  authorize: (actor) => directoryPolicy.createOrganisation(actor),
  run: async (tx, input, { now }) => {
    await assertIdentifiersFree(tx, input);
    const [created] = await tx
      .insert(organisation)
      .values({ ...input, version: 1, createdAt: now, updatedAt: now })
      .returning()
      .catch((error: unknown) => {
        throw identifierConflict(error);
      });
    if (!created) throw new Error("insert returned no row");
    const { searchText: _searchText, ...after } = created;
    return {
      value: { id: created.id },
      audit: { subjectType: "organisation", subjectId: created.id, before: null, after },
    };
  },
});
