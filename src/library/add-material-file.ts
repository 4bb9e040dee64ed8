import { createHash } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { z } from "zod";
import { extractText } from "../platform/files/extract-text";
import { sanitiseFileName } from "../platform/files/file-name";
import type { FileStore } from "../platform/files/file-store";
import { materialTypes } from "../platform/files/sniff";
import { defineUseCase, fail } from "../platform/use-case";
import { lockVersion, mayOnVersion } from "./locked-version";
import { checkMaterialBytes, type MaterialFileLimits } from "./material-files";
import { isEditable } from "./model";
import { materialFile } from "./schema";
import { refreshVersionSearchText } from "./version-search-text";

export const addMaterialFileInput = z.object({
  versionId: z.uuid("library.error.unknownMaterial"),
  /** The uploaded file as the Web `FormData` gives it (a File, a Blob in tests). */
  file: z.instanceof(Blob, { error: "library.file.error.fileRequired" }),
});

/** The bytes of an upload, read chunk by chunk with the SHA-256 computed along the way. */
async function readHashed(file: Blob): Promise<{ bytes: Uint8Array; sha256: string }> {
  const hash = createHash("sha256");
  const chunks: Uint8Array[] = [];
  for await (const chunk of file.stream()) {
    hash.update(chunk);
    chunks.push(chunk);
  }
  return { bytes: new Uint8Array(Buffer.concat(chunks)), sha256: hash.digest("hex") };
}

/**
 * Adds a file to a version while it is with its makers (draft, changes requested). What the file
 * is, is read from its content; programs, archive bombs, empty and too large files are refused,
 * and so is one more than the limit per version. Its text is extracted for search. The file is
 * stored under a random key before the row is written; if the row is not written, it is removed.
 */
export function addMaterialFile(store: FileStore, limits: MaterialFileLimits) {
  return defineUseCase({
    name: "material.file.add",
    input: addMaterialFileInput,
    authorize: (actor, input, tx) => mayOnVersion(actor, input.versionId, tx, "editMaterial"),
    run: async (tx, input) => {
      const { version } = await lockVersion(tx, input.versionId);
      if (!isEditable(version.state)) throw fail.conflict("library.error.notEditable");
      const [current] = await tx
        .select({ n: count() })
        .from(materialFile)
        .where(eq(materialFile.versionId, version.id));
      if ((current?.n ?? 0) >= limits.maxCount)
        throw fail.field("file", "library.file.error.tooMany");
      const name = input.file instanceof File ? input.file.name : "";
      if (input.file.size === 0)
        throw fail.field(
          "file",
          name ? "library.file.error.empty" : "library.file.error.fileRequired",
        );
      if (input.file.size > limits.maxBytes)
        throw fail.field("file", "library.file.error.tooLarge");
      const { bytes, sha256 } = await readHashed(input.file);
      const checked = checkMaterialBytes(bytes, limits);
      if ("problem" in checked) throw fail.field("file", checked.problem);
      const contentType = materialTypes[checked.kind];
      const fileName = sanitiseFileName(name, `bestand.${checked.kind}`);
      const extractedText = extractText(bytes, checked.kind);
      const storageKey = await store.put(bytes);
      try {
        const [row] = await tx
          .insert(materialFile)
          .values({
            versionId: version.id,
            name: fileName,
            contentType,
            size: bytes.length,
            sha256,
            storageKey,
            extractedText,
          })
          .returning({ id: materialFile.id });
        if (!row) throw new Error("insert returned no row");
        await refreshVersionSearchText(tx, version.id);
        const after = { id: row.id, name: fileName, contentType, size: bytes.length, sha256 };
        return {
          value: { ...after, extractedChars: extractedText.length },
          audit: {
            subjectType: "material",
            subjectId: version.materialId,
            before: null,
            after: { version: version.number, file: after },
          },
        };
      } catch (error) {
        await store.delete(storageKey);
        throw error;
      }
    },
  });
}
