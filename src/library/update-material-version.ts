import { eq } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase, fail } from "../platform/use-case";
import { lockVersion, mayOnVersion } from "./locked-version";
import { versionFields } from "./material-input";
import { isEditable } from "./model";
import { libraryPolicy } from "./policy";
import { materialVersion } from "./schema";
import { refreshVersionSearchParts } from "./version-search-text";

export const updateMaterialVersionInput = z.object({
  versionId: z.uuid("library.error.unknownVersion"),
  revision: z.coerce.number({ error: "error.required" }).int().positive("error.required"),
  ...versionFields,
});

/**
 * Saves a version's metadata while it is with its authors (draft, or sent back with notes). A
 * save based on a stale revision is refused: two authors never overwrite each other silently.
 */
export const updateMaterialVersion = defineUseCase({
  name: "material.updateVersion",
  input: updateMaterialVersionInput,
  authorize: (actor, input, tx) =>
    mayOnVersion(actor, input.versionId, tx, libraryPolicy.editMaterial),
  run: async (tx, input, { now }) => {
    const { version } = await lockVersion(tx, input.versionId);
    if (!isEditable(version.state)) throw fail.conflict("library.error.notEditable");
    if (version.revision !== input.revision) throw fail.conflict("library.error.conflict");
    const { versionId: _id, revision: _revision, ...fields } = input;
    const [saved] = await tx
      .update(materialVersion)
      .set({ ...fields, revision: version.revision + 1, updatedAt: now })
      .where(eq(materialVersion.id, version.id))
      .returning();
    if (!saved) throw fail.notFound();
    await refreshVersionSearchParts(tx, saved.id);
    const before = Object.fromEntries(
      Object.keys(fields).map((k) => [k, version[k as keyof typeof version]]),
    );
    return {
      value: { versionId: saved.id, revision: saved.revision },
      audit: {
        subjectType: "material",
        subjectId: version.materialId,
        before: { version: version.number, ...before },
        after: { version: version.number, ...fields },
      },
    };
  },
});
