import { count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "../db/client";
import { defaultArchiveLimits } from "../platform/files/archive-check";
import { sanitiseFileName } from "../platform/files/file-name";
import type { FileStore } from "../platform/files/file-store";
import { hasText, inspectFile } from "../platform/files/inspect-file";
import { readUpload } from "../platform/files/read-upload";
import { materialTypes } from "../platform/files/sniff";
import { defineUseCase, fail } from "../platform/use-case";
import { lockVersion, mayOnVersion } from "./locked-version";
import {
  archiveProblemMessage,
  checkMaterialBytes,
  isZipKind,
  type MaterialFileLimits,
} from "./material-files";
import { isEditable } from "./model";
import { libraryPolicy } from "./policy";
import { materialFile } from "./schema";
import { refreshVersionSearchText } from "./version-search-text";

export const addMaterialFileInput = z.object({
  versionId: z.uuid("library.error.unknownMaterial"),
  /** The uploaded file as the Web `FormData` gives it (a File, a Blob in tests). */
  file: z.instanceof(Blob, { error: "library.file.error.fileRequired" }),
});

/** The version is with its makers and has room for one more file (locks it). */
async function checkRoom(tx: Transaction, versionId: string, limits: MaterialFileLimits) {
  const { version, material } = await lockVersion(tx, versionId);
  if (!isEditable(version.state)) throw fail.conflict("library.error.notEditable");
  const [current] = await tx
    .select({ n: count() })
    .from(materialFile)
    .where(eq(materialFile.versionId, version.id));
  if ((current?.n ?? 0) >= limits.maxCount) throw fail.field("file", "library.file.error.tooMany");
  return { version, material };
}

/**
 * Adds a file to a version while it is with its makers (draft, changes requested). What the file
 * is, is read from its content; programs, archive bombs (every zip entry really inflated, within a
 * cap), empty and too large files are refused, and so is one more than the limit per version. Its
 * text is extracted for search by the inspection worker, under time and memory limits: a file
 * whose text cannot be read within them is kept without text. All of that, and storing the file
 * under a random key, happens before the transaction (ADR 0023); the transaction checks the
 * version again and writes the row, and if it does not commit, the stored file is removed again.
 */
export function addMaterialFile(store: FileStore, limits: MaterialFileLimits) {
  return defineUseCase({
    name: "material.file.add",
    input: addMaterialFileInput,
    authorize: (actor, input, tx) =>
      mayOnVersion(actor, input.versionId, tx, libraryPolicy.editMaterial),
    precheck: async (tx, input) => {
      await checkRoom(tx, input.versionId, limits);
    },
    prepare: async (input) => {
      const name = input.file instanceof File ? input.file.name : "";
      if (input.file.size === 0)
        throw fail.field(
          "file",
          name ? "library.file.error.empty" : "library.file.error.fileRequired",
        );
      if (input.file.size > limits.maxBytes)
        throw fail.field("file", "library.file.error.tooLarge");
      const { bytes, sha256 } = await readUpload(input.file);
      const checked = checkMaterialBytes(bytes);
      if ("problem" in checked) throw fail.field("file", checked.problem);
      const { kind } = checked;
      let extractedText = "";
      if (isZipKind(kind) || hasText(kind)) {
        const inspection = await inspectFile(bytes, {
          kind,
          archive: isZipKind(kind)
            ? { ...defaultArchiveLimits, maxUncompressed: limits.maxUncompressed }
            : null,
          extractText: hasText(kind),
          timeoutMs: limits.inspectionTimeoutMs,
        });
        if (inspection.problem) throw fail.field("file", archiveProblemMessage[inspection.problem]);
        extractedText = inspection.text;
      }
      const storageKey = await store.put(bytes);
      return {
        storageKey,
        sha256,
        kind,
        size: bytes.length,
        fileName: sanitiseFileName(name, `bestand.${kind}`),
        extractedText,
      };
    },
    discard: (prepared) => store.delete(prepared.storageKey),
    run: async (tx, input, { prepared }) => {
      const { version } = await checkRoom(tx, input.versionId, limits);
      const { storageKey, sha256, kind, size, fileName, extractedText } = prepared;
      const contentType = materialTypes[kind];
      const [row] = await tx
        .insert(materialFile)
        .values({
          versionId: version.id,
          name: fileName,
          contentType,
          size,
          sha256,
          storageKey,
          extractedText,
        })
        .returning({ id: materialFile.id });
      if (!row) throw new Error("insert returned no row");
      await refreshVersionSearchText(tx, version.id);
      const after = { id: row.id, name: fileName, contentType, size, sha256 };
      return {
        value: { ...after, extractedChars: extractedText.length },
        audit: {
          subjectType: "material",
          subjectId: version.materialId,
          before: null,
          after: { version: version.number, file: after },
        },
      };
    },
  });
}
