import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { FormDefinition } from "../calls/form-definition";
import { type CallPhase, callPhase } from "../calls/model";
import { call, callFormVersion } from "../calls/schema";
import type { DbExecutor } from "../db/client";
import { organisation } from "../directory/schema";
import type { Actor } from "../identity/actor";
import { organisationsWhere } from "../platform/policy";
import {
  type Answers,
  type ApplicationStatus,
  allowsChange,
  type SectionStatus,
  sectionStatus,
} from "./model";
import { applicationsPolicy } from "./policy";
import { application } from "./schema";

// Reading applications: the list a person may see and one application with its task list. What
// the policy does not let a person see is never returned (null, as if it did not exist).

export interface ApplicationSummary {
  id: string;
  title: string;
  status: ApplicationStatus;
  callId: string;
  callTitle: string;
  closesAt: Date | null;
  leadOrganisationId: string;
  leadOrganisationName: string;
  updatedAt: Date;
}

/**
 * Whose applications the list shows the actor, so the page can say so: every application (the
 * programme team, administrators), their own schools' (coordinators, directors), or none.
 */
export function applicationListAudience(actor: Actor): "all" | "school" | "none" {
  if (applicationsPolicy.listCallApplications(actor)) return "all";
  return organisationsWhere(actor, applicationsPolicy.viewApplication).length > 0
    ? "school"
    : "none";
}

/**
 * The applications of the actor's own schools, newest first; for the programme team and
 * administrators every application.
 */
export async function listApplications(
  db: DbExecutor,
  actor: Actor,
): Promise<ApplicationSummary[]> {
  // The programme team reads every application; others those of the schools the policy lets
  // them see (their coordinators and director).
  const readsAll = applicationsPolicy.listCallApplications(actor);
  const own = organisationsWhere(actor, applicationsPolicy.viewApplication);
  if (!readsAll && own.length === 0) return [];
  const where: SQL | undefined = readsAll
    ? undefined
    : inArray(application.leadOrganisationId, own);
  const rows = await db
    .select({
      id: application.id,
      title: application.title,
      status: application.status,
      callId: call.id,
      callTitle: call.title,
      closesAt: call.closesAt,
      leadOrganisationId: application.leadOrganisationId,
      leadOrganisationName: organisation.name,
      updatedAt: application.updatedAt,
    })
    .from(application)
    .innerJoin(call, eq(call.id, application.callId))
    .innerJoin(organisation, eq(organisation.id, application.leadOrganisationId))
    .where(where)
    .orderBy(desc(application.updatedAt))
    .limit(500);
  return rows;
}

export interface ApplicationView {
  id: string;
  title: string;
  status: ApplicationStatus;
  version: number;
  answers: Answers;
  leadOrganisationId: string;
  leadOrganisationName: string;
  call: { id: string; title: string; closesAt: Date | null; phase: CallPhase | null };
  form: FormDefinition;
  sections: Array<{ id: string; title: string; status: SectionStatus }>;
  canEdit: boolean;
  /** Whether the actor is one who may change it (a coordinator of the lead school), whatever its status. */
  mayChange: boolean;
  /** Whether the actor may withdraw it now, and reopen it now (applicationChanges in model.ts). */
  mayWithdraw: boolean;
  mayReopen: boolean;
}

/** One application, or null when it does not exist or the actor may not see it. */
export async function getApplication(
  db: DbExecutor,
  id: string,
  actor: Actor | null,
  now: Date,
): Promise<ApplicationView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select({
      application,
      call,
      form: callFormVersion.definition,
      leadOrganisationName: organisation.name,
    })
    .from(application)
    .innerJoin(call, eq(call.id, application.callId))
    .innerJoin(callFormVersion, eq(callFormVersion.id, application.formVersionId))
    .innerJoin(organisation, eq(organisation.id, application.leadOrganisationId))
    .where(and(eq(application.id, id)));
  if (!row) return null;
  const subject = { organisationId: row.application.leadOrganisationId };
  if (!applicationsPolicy.viewApplication(actor, subject)) return null;
  const phase =
    row.call.opensAt && row.call.closesAt
      ? callPhase({ opensAt: row.call.opensAt, closesAt: row.call.closesAt }, now)
      : null;
  const answers = row.application.answers;
  const mayChange = applicationsPolicy.editApplication(actor, subject);
  return {
    id: row.application.id,
    title: row.application.title,
    status: row.application.status,
    version: row.application.version,
    answers,
    leadOrganisationId: row.application.leadOrganisationId,
    leadOrganisationName: row.leadOrganisationName,
    call: { id: row.call.id, title: row.call.title, closesAt: row.call.closesAt, phase },
    form: row.form,
    sections: row.form.sections.map((s) => ({
      id: s.id,
      title: s.title,
      status: sectionStatus(s, answers),
    })),
    mayChange,
    canEdit: mayChange && allowsChange(row.application.status, phase, "edit"),
    mayWithdraw: mayChange && allowsChange(row.application.status, phase, "withdraw"),
    mayReopen: mayChange && allowsChange(row.application.status, phase, "reopen"),
  };
}

/** The schools for which the actor may start an application (as school coordinator). */
export async function schoolsForStarting(
  db: DbExecutor,
  actor: Actor | null,
): Promise<Array<{ id: string; name: string }>> {
  const ids = organisationsWhere(actor, applicationsPolicy.startApplication);
  if (ids.length === 0) return [];
  return db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(and(inArray(organisation.id, ids), eq(organisation.kind, "school")))
    .orderBy(organisation.name);
}
