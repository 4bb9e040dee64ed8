import { asc, eq } from "drizzle-orm";
import { call } from "../../calls/schema";
import type { DbExecutor } from "../../db/client";
import { application } from "../schema";
import type { DisseminationItem, Plan, PlanAction, PlanTeacher } from "./model";
import { planAction, planDisseminationItem, planTeacher } from "./schema";

// Reading the plan as one plain, serialisable object: for its pages, the task list, the dossier
// and so the submitted snapshot. No policy here: callers check who may see the application.

export function actionOf(row: typeof planAction.$inferSelect): PlanAction {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    milestones: row.milestones,
  };
}

export function teacherOf(row: typeof planTeacher.$inferSelect): PlanTeacher {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    organisationId: row.organisationId,
    learningGoal: row.learningGoal,
    learningMethod: row.learningMethod,
    learningWith: row.learningWith,
    plannedHours: row.plannedHours,
  };
}

export function disseminationItemOf(
  row: typeof planDisseminationItem.$inferSelect,
): DisseminationItem {
  return {
    id: row.id,
    title: row.title,
    resourceType: row.resourceType,
    programmeCodes: row.programmeCodes,
    licence: row.licence,
    releaseOn: row.releaseOn,
  };
}

/** The plan of an application (actions by start date, the rest in the order they were added). */
export async function readPlan(db: DbExecutor, applicationId: string): Promise<Plan | null> {
  const [owner] = await db
    .select({ schoolYears: call.schoolYears, maxDurationMonths: call.maxDurationMonths })
    .from(application)
    .innerJoin(call, eq(call.id, application.callId))
    .where(eq(application.id, applicationId));
  if (!owner) return null;
  // One after the other: inside a transaction they share one connection anyway.
  const actions = await db
    .select()
    .from(planAction)
    .where(eq(planAction.applicationId, applicationId))
    .orderBy(asc(planAction.startsOn), asc(planAction.createdAt), asc(planAction.id));
  const teachers = await db
    .select()
    .from(planTeacher)
    .where(eq(planTeacher.applicationId, applicationId))
    .orderBy(asc(planTeacher.createdAt), asc(planTeacher.id));
  const items = await db
    .select()
    .from(planDisseminationItem)
    .where(eq(planDisseminationItem.applicationId, applicationId))
    .orderBy(asc(planDisseminationItem.createdAt), asc(planDisseminationItem.id));
  return {
    callRules: { schoolYears: owner.schoolYears, maxDurationMonths: owner.maxDurationMonths },
    actions: actions.map(actionOf),
    teachers: teachers.map(teacherOf),
    dissemination: items.map(disseminationItemOf),
  };
}
