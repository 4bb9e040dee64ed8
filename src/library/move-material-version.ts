import { and, count, desc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { evenWhenFieldsFail } from "../platform/form-input";
import { defineUseCase, fail } from "../platform/use-case";
import { announceHarvestChange } from "./harvesting/horizon";
import { lockVersion, mayOnVersion } from "./locked-version";
import { nextState } from "./model";
import { mayMakeMove } from "./policy";
import { versionProblems } from "./problems";
import { material, materialFile, materialVersion, moderationEvent } from "./schema";

// One use case for the moderation state machine (model.ts holds the allowed moves as data): the
// moves share their locking, checks, event row and audit; what differs is a few lines each.

export const moveMaterialVersionInput = z
  .object({
    versionId: z.uuid("library.error.unknownVersion"),
    move: z.enum(["submit", "startReview", "requestChanges", "publish", "withdraw"], {
      error: "error.invalidChoice",
    }),
    note: z.preprocess(
      (v) => v ?? "",
      z.string({ error: "error.invalidValue" }).trim().max(5000, "error.tooLong"),
    ),
  })
  .check(
    z.superRefine((input, ctx) => {
      // Sending back and withdrawing always say why: the authors and the public read it.
      if ((input.move === "requestChanges" || input.move === "withdraw") && input.note === "")
        ctx.addIssue({ code: "custom", path: ["note"], message: "library.error.noteRequired" });
    }, evenWhenFieldsFail),
  );

/**
 * Moves a version through moderation: authors submit; moderators take it in review, send it
 * back with notes or publish it; a published version is withdrawn with a reason by either. On
 * publication it becomes the material's current version; on withdrawal the latest other
 * published version does, and with none left the material is a tombstone.
 */
export const moveMaterialVersion = defineUseCase({
  name: "material.moderate",
  input: moveMaterialVersionInput,
  authorize: (actor, input, tx) =>
    mayOnVersion(actor, input.versionId, tx, (a, subject) => mayMakeMove(a, subject, input.move)),
  run: async (tx, input, { actor, now }) => {
    // Publishing and withdrawing change a harvested record: open harvests must wait for it.
    if (input.move === "publish" || input.move === "withdraw") await announceHarvestChange(tx, now);
    const { version, material: owner } = await lockVersion(tx, input.versionId);
    const to = nextState(version.state, input.move);
    if (!to) throw fail.conflict("library.error.moveNotAllowed");
    if (input.move === "submit") {
      const [files] = await tx
        .select({ n: count() })
        .from(materialFile)
        .where(eq(materialFile.versionId, version.id));
      if (versionProblems(version, files?.n ?? 0).length > 0)
        throw fail.conflict("library.error.incomplete");
    }
    const changes: Partial<typeof materialVersion.$inferInsert> = { state: to, updatedAt: now };
    if (input.move === "submit") changes.submittedAt = now;
    if (input.move === "publish")
      Object.assign(changes, { publishedAt: now, publishedBy: actor.userId });
    if (input.move === "withdraw")
      Object.assign(changes, { withdrawnAt: now, withdrawalReason: input.note });
    await tx.update(materialVersion).set(changes).where(eq(materialVersion.id, version.id));
    await tx.insert(moderationEvent).values({
      versionId: version.id,
      fromState: version.state,
      toState: to,
      note: input.note,
      actorId: actor.userId,
      at: now,
    });
    if (input.move === "publish")
      await tx
        .update(material)
        .set({
          currentVersionId: version.id,
          withdrawnAt: null,
          withdrawalReason: null,
          updatedAt: now,
        })
        .where(eq(material.id, owner.id));
    if (input.move === "withdraw") {
      const [other] = await tx
        .select({ id: materialVersion.id })
        .from(materialVersion)
        .where(
          and(
            eq(materialVersion.materialId, owner.id),
            eq(materialVersion.state, "published"),
            ne(materialVersion.id, version.id),
          ),
        )
        .orderBy(desc(materialVersion.number))
        .limit(1);
      await tx
        .update(material)
        .set(
          other
            ? { currentVersionId: other.id, updatedAt: now }
            : { withdrawnAt: now, withdrawalReason: input.note, updatedAt: now },
        )
        .where(eq(material.id, owner.id));
    }
    return {
      value: { versionId: version.id, state: to },
      audit: {
        subjectType: "material",
        subjectId: owner.id,
        action: `material.${input.move}`,
        before: { version: version.number, state: version.state },
        after: { version: version.number, state: to, note: input.note || null },
      },
    };
  },
});
