import { mayEditApplication } from "../editable-draft";
import { invalid, planTeachers } from "./plan-draft";
import { addTeacherInput } from "./plan-input";
import { teacherOf } from "./read-plan";

/**
 * Adds a teacher involved in the project, with their professionalisation, to a draft's plan. The
 * school is one of the consortium's schools (the lead school or a co-applicant school) or none.
 */
export const addPlanTeacher = planTeachers.add({
  name: "application.plan.addTeacher",
  input: addTeacherInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  values: ({ applicationId: _, ...fields }, { locked }) => {
    if (fields.organisationId !== null && !locked.schoolIds.includes(fields.organisationId))
      throw invalid({ organisationId: ["error.invalidChoice"] });
    return fields;
  },
  value: teacherOf,
});
