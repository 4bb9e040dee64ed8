import { eq } from "drizzle-orm";
import { z } from "zod";
import { application } from "../applications/schema";
import { defineUseCase, fail } from "../platform/use-case";
import { versionFields } from "./material-input";
import { libraryPolicy } from "./policy";
import { material, materialVersion } from "./schema";
import { refreshVersionSearchParts } from "./version-search-text";

export const createMaterialInput = z.object({
  ...versionFields,
  organisationId: z.uuid("library.error.organisationRequired"),
  /** The InnoVET application that produced it (optional); it must be of the same organisation. */
  applicationId: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.uuid("error.invalidChoice").optional(),
  ),
});

/**
 * A teacher, school or partner starts a material for their organisation: the material and its
 * first version, a draft only its makers (and moderators) see until it is published.
 */
export const createMaterial = defineUseCase({
  name: "material.create",
  input: createMaterialInput,
  authorize: (actor, input) =>
    libraryPolicy.createMaterial(actor, { organisationId: input.organisationId }),
  run: async (tx, input, { actor, now }) => {
    const { organisationId, applicationId, ...fields } = input;
    if (applicationId) {
      const [producing] = await tx
        .select({ lead: application.leadOrganisationId })
        .from(application)
        .where(eq(application.id, applicationId));
      if (producing?.lead !== organisationId)
        throw fail.field("applicationId", "library.error.applicationOfOtherOrganisation");
    }
    const [created] = await tx
      .insert(material)
      .values({
        createdBy: actor.userId,
        organisationId,
        applicationId: applicationId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: material.id });
    if (!created) throw new Error("insert returned no row");
    const [version] = await tx
      .insert(materialVersion)
      .values({
        ...fields,
        materialId: created.id,
        number: 1,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!version) throw new Error("insert returned no row");
    await refreshVersionSearchParts(tx, version.id);
    return {
      value: { materialId: created.id, versionId: version.id },
      audit: {
        subjectType: "material",
        subjectId: created.id,
        before: null,
        after: { organisationId, applicationId: applicationId ?? null, version: 1, ...fields },
      },
    };
  },
});
