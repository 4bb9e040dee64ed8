import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { canonicalJson, type FormDefinition } from "../../calls/form-definition";
import { call, callFormVersion } from "../../calls/schema";
import type { DbExecutor } from "../../db/client";
import { organisation } from "../../directory/schema";
import type { Attachment } from "../attachments/model";
import { readAttachments } from "../attachments/read-attachments";
import type { BudgetLine } from "../budget/model";
import { readBudgetLines } from "../budget/read-budget";
import { type Consortium, readConsortium } from "../consortium/read-consortium";
import type { Answers } from "../model";
import type { Plan } from "../plan/model";
import { readPlan } from "../plan/read-plan";
import { application } from "../schema";

// The dossier: everything an application holds, read as one plain, serialisable object. The
// check-your-answers page shows it, the eligibility check reads it, and at submission it is
// frozen as the snapshot whose canonical JSON is fingerprinted with SHA-256.

export interface Dossier {
  application: { id: string; title: string };
  leadSchool: { id: string; name: string };
  call: {
    id: string;
    title: string;
    /** ISO 8601 instant. */
    closesAt: string | null;
    maxPerProjectCents: number | null;
    minCoFinancingPercent: number | null;
    minLabourMarketPartners: number;
    minEducationPartners: number;
  };
  form: { versionId: string; contentHash: string; definition: FormDefinition };
  answers: Answers;
  /** The schools with their programmes and the partners with their confirmations. */
  consortium: Consortium;
  budget: { lines: BudgetLine[] };
  /** The plan step: actions, teachers and their professionalisation, dissemination. */
  plan: Plan;
  /** The attachments step; a snapshot refers to each file by its SHA-256 (not stored again). */
  attachments: Attachment[];
}

/** What a submission froze: the dossier, and when and by whom it was submitted. */
export interface SubmissionSnapshot extends Dossier {
  submission: { sequence: number; submittedAt: string; submittedBy: { id: string; name: string } };
}

/** The dossier of an application, or null when it does not exist. No policy: callers check it. */
export async function readDossier(db: DbExecutor, applicationId: string): Promise<Dossier | null> {
  const [row] = await db
    .select({
      application,
      call,
      form: callFormVersion,
      leadSchoolName: organisation.name,
    })
    .from(application)
    .innerJoin(call, eq(call.id, application.callId))
    .innerJoin(callFormVersion, eq(callFormVersion.id, application.formVersionId))
    .innerJoin(organisation, eq(organisation.id, application.leadOrganisationId))
    .where(eq(application.id, applicationId));
  if (!row) return null;
  const consortium = await readConsortium(db, applicationId);
  if (!consortium) return null;
  const plan = await readPlan(db, applicationId);
  if (!plan) return null;
  const attachments = await readAttachments(db, applicationId);
  return {
    application: { id: row.application.id, title: row.application.title },
    leadSchool: { id: row.application.leadOrganisationId, name: row.leadSchoolName },
    call: {
      id: row.call.id,
      title: row.call.title,
      closesAt: row.call.closesAt?.toISOString() ?? null,
      maxPerProjectCents: row.call.maxPerProjectCents,
      minCoFinancingPercent: row.call.minCoFinancingPercent,
      minLabourMarketPartners: row.call.minLabourMarketPartners,
      minEducationPartners: row.call.minEducationPartners,
    },
    form: {
      versionId: row.form.id,
      contentHash: row.form.contentHash,
      definition: row.form.definition,
    },
    answers: row.application.answers,
    consortium,
    budget: { lines: await readBudgetLines(db, applicationId) },
    plan,
    attachments,
  };
}

/** The SHA-256 fingerprint (hex) of a snapshot: of its canonical JSON, keys sorted. */
export function snapshotFingerprint(snapshot: SubmissionSnapshot): string {
  return createHash("sha256").update(canonicalJson(snapshot), "utf8").digest("hex");
}
