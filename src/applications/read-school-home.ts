import { asc, desc, eq, inArray } from "drizzle-orm";
import { type CallPhase, callPhase } from "../calls/model";
import { call } from "../calls/schema";
import type { DbExecutor } from "../db/client";
import { organisation } from "../directory/schema";
import type { Actor } from "../identity/actor";
import type { Role } from "../identity/roles";
import type { ApprovalState } from "./approval/model";
import { readApproval } from "./approval/read-approval";
import { type ApplicationStatus, type ApplicationStep, sectionStatus } from "./model";
import { application } from "./schema";
import { readDossier } from "./submission/dossier";
import { applicationProblems } from "./submission/eligibility";
import { taskListSteps } from "./task-list";

// The dashboard of a school's coordinator and director: their school's applications, each with
// its deadline, what is still missing (the task list's own rules) and the director's approval.

/** Something of an application's task list that is not complete yet. */
export type MissingPart =
  | { kind: "section"; id: string; title: string }
  | { kind: "step"; id: ApplicationStep };

export interface SchoolHomeApplication {
  id: string;
  title: string;
  status: ApplicationStatus;
  schoolName: string;
  callTitle: string;
  /** ISO 8601. */
  closesAt: string | null;
  phase: CallPhase | null;
  /** For drafts: the sections and steps not complete yet, in task-list order. */
  missing: MissingPart[];
  /** For drafts: how many problems the eligibility check finds. */
  problems: number;
  approval: ApprovalState;
  /** A draft without problems in an open call that waits for the director (or lapsed). */
  waitsForApproval: boolean;
}

/** At most this many applications on a dashboard (the list page has them all). */
export const homeApplicationLimit = 50;

/**
 * The applications of the schools where the actor holds `role`, open calls first by deadline,
 * then the rest newest first.
 */
export async function readSchoolHome(
  db: DbExecutor,
  actor: Actor,
  role: Extract<Role, "schoolCoordinator" | "schoolDirector">,
  now: Date,
): Promise<SchoolHomeApplication[]> {
  const schools = actor.memberships.filter((m) => m.role === role).map((m) => m.organisationId);
  if (schools.length === 0) return [];
  const rows = await db
    .select({
      id: application.id,
      title: application.title,
      status: application.status,
      schoolName: organisation.name,
      callTitle: call.title,
      opensAt: call.opensAt,
      closesAt: call.closesAt,
    })
    .from(application)
    .innerJoin(call, eq(call.id, application.callId))
    .innerJoin(organisation, eq(organisation.id, application.leadOrganisationId))
    .where(inArray(application.leadOrganisationId, schools))
    .orderBy(asc(call.closesAt), desc(application.updatedAt))
    .limit(homeApplicationLimit);
  const result: SchoolHomeApplication[] = [];
  for (const row of rows) {
    const phase =
      row.opensAt && row.closesAt
        ? callPhase({ opensAt: row.opensAt, closesAt: row.closesAt }, now)
        : null;
    const dossier = await readDossier(db, row.id);
    if (!dossier) continue;
    const draft = row.status === "draft";
    const missing: MissingPart[] = draft
      ? [
          ...dossier.form.definition.sections
            .filter((s) => sectionStatus(s, dossier.answers) !== "completed")
            .map((s) => ({ kind: "section" as const, id: s.id, title: s.title })),
          ...taskListSteps(dossier)
            .filter((s) => s.status !== "completed")
            .map((s) => ({ kind: "step" as const, id: s.id })),
        ]
      : [];
    const problems = draft ? applicationProblems(dossier).length : 0;
    const approval = (await readApproval(db, dossier)).state;
    result.push({
      id: row.id,
      title: row.title,
      status: row.status,
      schoolName: row.schoolName,
      callTitle: row.callTitle,
      closesAt: row.closesAt?.toISOString() ?? null,
      phase,
      missing,
      problems,
      approval,
      waitsForApproval:
        draft &&
        phase === "open" &&
        problems === 0 &&
        (approval === "waiting" || approval === "lapsed"),
    });
  }
  const rank = (a: SchoolHomeApplication) => (a.phase === "open" ? 0 : 1);
  return result.sort((a, b) => rank(a) - rank(b));
}
