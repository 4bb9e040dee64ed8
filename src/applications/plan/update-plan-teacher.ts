import { mayEditApplication } from "../editable-draft";
import { invalid, planTeachers } from "./plan-draft";
import { updateTeacherInput } from "./plan-input";
import { teacherOf } from "./read-plan";

/**
 * Changes a teacher of a draft's plan and their professionalisation; the school is one of the
 * consortium's schools or none.
 */
export const updatePlanTeacher = planTeachers.update({
  name: "application.plan.updateTeacher",
  input: updateTeacherInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  itemId: (input) => input.teacherId,
  values: ({ applicationId: _, teacherId: __, ...fields }, { locked }) => {
    if (fields.organisationId !== null && !locked.schoolIds.includes(fields.organisationId))
      throw invalid({ organisationId: ["error.invalidChoice"] });
    return fields;
  },
  value: teacherOf,
});
