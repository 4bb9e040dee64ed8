import { z } from "zod";
import { mayEditApplication } from "../editable-draft";
import { planTeachers } from "./plan-draft";

export const removePlanTeacherInput = z.object({
  applicationId: z.uuid("application.error.unknown"),
  teacherId: z.uuid("plan.error.itemGone"),
});

/** Removes a teacher (and their professionalisation) from a draft's plan. */
export const removePlanTeacher = planTeachers.remove({
  name: "application.plan.removeTeacher",
  input: removePlanTeacherInput,
  authorize: (actor, input, tx) => mayEditApplication(actor, input.applicationId, tx),
  itemId: (input) => input.teacherId,
});
