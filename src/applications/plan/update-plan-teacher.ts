import { and, eq } from "drizzle-orm";
import { defineUseCase } from "../../platform/use-case";
import { mayEditApplication, touchApplication } from "../editable-draft";
import { invalid, itemGone, lockPlanDraft } from "./plan-draft";
import { updateTeacherInput } from "./plan-input";
import { teacherOf } from "./read-plan";
import { planTeacher } from "./schema";

/**
 * Changes a teacher of a draft's plan and their professionalisation; the school is one of the
 * consortium's schools or none.
 */
export const updatePlanTeacher = defineUseCase({
  name: "application.plan.updateTeacher",
  input: updateTeacherInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    const { schoolIds } = await lockPlanDraft(tx, input.applicationId, now);
    const { applicationId, teacherId, ...fields } = input;
    const of = and(eq(planTeacher.id, teacherId), eq(planTeacher.applicationId, applicationId));
    const [current] = await tx.select().from(planTeacher).where(of);
    if (!current) throw itemGone();
    if (fields.organisationId !== null && !schoolIds.includes(fields.organisationId))
      throw invalid({ organisationId: ["error.invalidChoice"] });
    const [row] = await tx.update(planTeacher).set(fields).where(of).returning();
    if (!row) throw itemGone();
    await touchApplication(tx, applicationId, now);
    const teacher = teacherOf(row);
    return {
      value: teacher,
      audit: {
        subjectType: "application",
        subjectId: applicationId,
        before: { planTeacher: teacherOf(current) },
        after: { planTeacher: teacher },
      },
    };
  },
});
