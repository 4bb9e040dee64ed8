import { defineUseCase } from "../../platform/use-case";
import { mayEditApplication, touchApplication } from "../editable-draft";
import { invalid, lockPlanDraft } from "./plan-draft";
import { addTeacherInput } from "./plan-input";
import { teacherOf } from "./read-plan";
import { planTeacher } from "./schema";

/**
 * Adds a teacher involved in the project, with their professionalisation, to a draft's plan. The
 * school is one of the consortium's schools (the lead school or a co-applicant school) or none.
 */
export const addPlanTeacher = defineUseCase({
  name: "application.plan.addTeacher",
  input: addTeacherInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  run: async (tx, input, { now }) => {
    const { schoolIds } = await lockPlanDraft(tx, input.applicationId, now);
    if (input.organisationId !== null && !schoolIds.includes(input.organisationId))
      throw invalid({ organisationId: ["error.invalidChoice"] });
    const { applicationId, ...fields } = input;
    const [row] = await tx
      .insert(planTeacher)
      .values({ applicationId, ...fields })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await touchApplication(tx, applicationId, now);
    const teacher = teacherOf(row);
    return {
      value: teacher,
      audit: {
        subjectType: "application",
        subjectId: applicationId,
        before: null,
        after: { planTeacher: teacher },
      },
    };
  },
});
