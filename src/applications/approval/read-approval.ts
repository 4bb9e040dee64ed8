import { eq } from "drizzle-orm";
import { call } from "../../calls/schema";
import type { DbExecutor } from "../../db/client";
import { user } from "../../identity/schema";
import { application } from "../schema";
import type { Dossier } from "../submission/dossier";
import { type ApprovalState, approvalState, draftFingerprint } from "./model";

// Where an application stands with the director's approval (ADR 0033), for the task list, the
// check page, the approval page and the dashboards. No policy: callers read what they may see.

export interface ApprovalView {
  state: ApprovalState;
  /** The draft's fingerprint now: the approval form carries it, so the director approves this. */
  fingerprint: string;
  /** ISO 8601; when the approval on record was given (also when it lapsed since). */
  approvedAt: string | null;
  approvedByName: string | null;
}

export async function readApproval(db: DbExecutor, dossier: Dossier): Promise<ApprovalView> {
  const [row] = await db
    .select({
      required: call.directorApprovalRequired,
      status: application.status,
      approvedFingerprint: application.approvedFingerprint,
      approvedAt: application.approvedAt,
      approvedByName: user.name,
    })
    .from(application)
    .innerJoin(call, eq(call.id, application.callId))
    .leftJoin(user, eq(user.id, application.approvedBy))
    .where(eq(application.id, dossier.application.id));
  const fingerprint = draftFingerprint(dossier);
  if (!row) return { state: "notRequired", fingerprint, approvedAt: null, approvedByName: null };
  return {
    state: approvalState({ ...row, currentFingerprint: fingerprint }),
    fingerprint,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    approvedByName: row.approvedByName,
  };
}
