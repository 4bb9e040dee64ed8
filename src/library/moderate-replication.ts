import { eq } from "drizzle-orm";
import { z } from "zod";
import { evenWhenFieldsFail } from "../platform/form-input";
import { defineUseCase, fail } from "../platform/use-case";
import { libraryPolicy } from "./policy";
import { replicationReport } from "./schema";

export const moderateReplicationInput = z
  .object({
    reportId: z.uuid("library.error.unknownReport"),
    decision: z.enum(["publish", "reject"], { error: "error.invalidChoice" }),
    note: z.preprocess((v) => v ?? "", z.string().trim().max(5000, "error.tooLong")),
  })
  .check(
    z.superRefine((input, ctx) => {
      if (input.decision === "reject" && input.note === "")
        ctx.addIssue({ code: "custom", path: ["note"], message: "library.error.noteRequired" });
    }, evenWhenFieldsFail),
  );

/** A moderator publishes a replication report on the material's page, or rejects it with a note. */
export const moderateReplication = defineUseCase({
  name: "material.moderateReplication",
  input: moderateReplicationInput,
  authorize: (actor) => libraryPolicy.moderateReplication(actor),
  run: async (tx, input, { actor, now }) => {
    const [report] = await tx
      .select()
      .from(replicationReport)
      .where(eq(replicationReport.id, input.reportId))
      .for("update");
    if (!report) throw fail.notFound();
    if (report.state !== "submitted") throw fail.conflict("library.error.moveNotAllowed");
    const state = input.decision === "publish" ? "published" : "rejected";
    await tx
      .update(replicationReport)
      .set({ state, moderationNote: input.note, moderatedBy: actor.userId, moderatedAt: now })
      .where(eq(replicationReport.id, report.id));
    return {
      value: { reportId: report.id, state },
      audit: {
        subjectType: "material",
        subjectId: report.materialId,
        action: `material.replication.${input.decision}`,
        before: { replicationReport: report.id, state: report.state },
        after: { replicationReport: report.id, state, note: input.note || null },
      },
    };
  },
});
