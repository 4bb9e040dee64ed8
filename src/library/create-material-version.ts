import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase, fail } from "../platform/use-case";
import { subjectOf } from "./locked-version";
import { openVersionStates } from "./model";
import { libraryPolicy } from "./policy";
import { material, materialFile, materialVersion } from "./schema";

export const createMaterialVersionInput = z.object({
  materialId: z.uuid("library.error.unknownMaterial"),
});

/**
 * Starts the next version of a material as a draft, copying the latest version's metadata and
 * files (the stored bytes are shared, the rows are the new version's own). One version is open at
 * a time: while a draft or a version in moderation exists, it is that one to work on.
 */
export const createMaterialVersion = defineUseCase({
  name: "material.newVersion",
  input: createMaterialVersionInput,
  authorize: async (actor, input, tx) => {
    const [row] = await tx.select().from(material).where(eq(material.id, input.materialId));
    if (!row) throw fail.notFound();
    if (!libraryPolicy.viewUnpublishedMaterial(actor, subjectOf(row))) throw fail.notFound();
    return libraryPolicy.editMaterial(actor, subjectOf(row));
  },
  run: async (tx, input, { actor, now }) => {
    await tx
      .select({ id: material.id })
      .from(material)
      .where(eq(material.id, input.materialId))
      .for("update");
    const [latest] = await tx
      .select()
      .from(materialVersion)
      .where(eq(materialVersion.materialId, input.materialId))
      .orderBy(desc(materialVersion.number))
      .limit(1);
    if (!latest) throw fail.notFound();
    const [unfinished] = await tx
      .select({ id: materialVersion.id })
      .from(materialVersion)
      .where(
        and(
          eq(materialVersion.materialId, input.materialId),
          inArray(materialVersion.state, [...openVersionStates]),
        ),
      );
    if (unfinished) throw fail.conflict("library.error.versionOpen");
    const {
      id: _id,
      number,
      state: _state,
      submittedAt: _s,
      publishedAt: _p,
      publishedBy: _pb,
      withdrawnAt: _w,
      withdrawalReason: _wr,
      revision: _r,
      createdAt: _c,
      updatedAt: _u,
      createdBy: _cb,
      // Public is what the triggers make a version once published and current, never a copy.
      isPublic: _public,
      ...metadata
    } = latest;
    const [created] = await tx
      .insert(materialVersion)
      .values({
        ...metadata,
        number: number + 1,
        changeNote: "",
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: materialVersion.id, number: materialVersion.number });
    if (!created) throw new Error("insert returned no row");
    const files = await tx.select().from(materialFile).where(eq(materialFile.versionId, latest.id));
    if (files.length > 0)
      await tx.insert(materialFile).values(
        files.map(({ id: _fid, versionId: _v, createdAt: _fc, ...file }) => ({
          ...file,
          versionId: created.id,
          createdAt: now,
        })),
      );
    return {
      value: { versionId: created.id, number: created.number },
      audit: {
        subjectType: "material",
        subjectId: input.materialId,
        before: { latestVersion: number },
        after: { newVersion: created.number, copiedFiles: files.length },
      },
    };
  },
});
