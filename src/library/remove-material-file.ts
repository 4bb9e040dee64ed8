import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { FileStore } from "../platform/files/file-store";
import { defineUseCase, fail, type UseCaseContext } from "../platform/use-case";
import { lockVersion, mayOnVersion } from "./locked-version";
import { isEditable } from "./model";
import { libraryPolicy } from "./policy";
import { materialFile } from "./schema";
import { refreshVersionSearchText } from "./version-search-text";

export const removeMaterialFileInput = z.object({
  versionId: z.uuid("library.error.unknownMaterial"),
  fileId: z.uuid("library.file.error.gone"),
});

/**
 * Removes a file from a version while it is with its makers. Versions share stored bytes (a new
 * version copies the rows, not the files), so the stored file is deleted only when no other row
 * of any version points to it, and only after the transaction committed.
 */
export function removeMaterialFile(store: FileStore) {
  const useCase = defineUseCase({
    name: "material.file.remove",
    input: removeMaterialFileInput,
    authorize: (actor, input, tx) =>
      mayOnVersion(actor, input.versionId, tx, libraryPolicy.editMaterial),
    run: async (tx, input) => {
      const { version } = await lockVersion(tx, input.versionId);
      if (!isEditable(version.state)) throw fail.conflict("library.error.notEditable");
      const of = and(eq(materialFile.id, input.fileId), eq(materialFile.versionId, version.id));
      const [row] = await tx.select().from(materialFile).where(of);
      if (!row) throw fail.conflict("library.file.error.gone");
      await tx.delete(materialFile).where(of);
      await refreshVersionSearchText(tx, version.id);
      const [shared] = await tx
        .select({ id: materialFile.id })
        .from(materialFile)
        .where(and(eq(materialFile.storageKey, row.storageKey), ne(materialFile.id, row.id)))
        .limit(1);
      return {
        value: { id: row.id, unusedFile: shared ? null : row.storageKey },
        audit: {
          subjectType: "material",
          subjectId: version.materialId,
          before: {
            version: version.number,
            file: {
              id: row.id,
              name: row.name,
              contentType: row.contentType,
              size: row.size,
              sha256: row.sha256,
            },
          },
          after: null,
        },
      };
    },
  });
  const execute = async (ctx: UseCaseContext, raw: unknown) => {
    const result = await useCase(ctx, raw);
    if (result.ok && result.value.unusedFile) await store.delete(result.value.unusedFile);
    return result;
  };
  return Object.assign(execute, { spec: useCase.spec });
}
