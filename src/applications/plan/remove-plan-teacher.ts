import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { defineUseCase } from "../../platform/use-case";
import { mayEditApplication, touchApplication } from "../editable-draft";
import { itemGone, lockPlanDraft } from "./plan-draft";
import { teacherOf } from "./read-plan";
import { planTeacher } from "./schema";

export const removePlanTeacherInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  teacherId: z.uuid("plan.error.itemGone"),
});

/** Removes a teacher (and their professionalisation) from a draft's plan. */
export const removePlanTeacher = defineUseCase({
  name: "application.plan.removeTeacher",
  input: removePlanTeacherInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    await lockPlanDraft(tx, input.applicationId, now);
    const [row] = await tx
      .delete(planTeacher)
      .where(
        and(
          eq(planTeacher.id, input.teacherId),
          eq(planTeacher.applicationId, input.applicationId),
        ),
      )
      .returning();
    if (!row) throw itemGone();
    await touchApplication(tx, input.applicationId, now);
    return {
      value: { id: row.id },
      audit: {
        subjectType: "application",
        subjectId: input.applicationId,
        before: { planTeacher: teacherOf(row) },
        after: null,
      },
    };
  },
});
