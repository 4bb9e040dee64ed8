import { asc, desc, eq } from "drizzle-orm";
import type { DbExecutor } from "../db/client";
import type { Actor } from "../identity/actor";
import type { FormDefinition } from "./form-definition";
import { type CallPhase, callPhase } from "./model";
import { callsPolicy } from "./policy";
import { call, callFormVersion } from "./schema";

// Reading calls: the public lists (published calls by phase) and one call in full. Drafts are
// returned only to those the policy lets see them.

export type CallRow = typeof call.$inferSelect;

export interface CallSummary {
  id: string;
  title: string;
  summary: string;
  status: CallRow["status"];
  phase: CallPhase | null;
  schoolYears: string[];
  opensAt: Date | null;
  closesAt: Date | null;
  totalBudgetCents: number | null;
}

function summaryOf(row: CallRow, now: Date): CallSummary {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    phase:
      row.status === "published" && row.opensAt && row.closesAt
        ? callPhase({ opensAt: row.opensAt, closesAt: row.closesAt }, now)
        : null,
    schoolYears: row.schoolYears,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    totalBudgetCents: row.totalBudgetCents,
  };
}

/** Published calls by phase: open ones by deadline, upcoming by opening, closed newest first. */
export async function listPublishedCalls(
  db: DbExecutor,
  now: Date,
): Promise<Record<CallPhase, CallSummary[]>> {
  const rows = await db
    .select()
    .from(call)
    .where(eq(call.status, "published"))
    .orderBy(asc(call.closesAt));
  const all = rows.map((r) => summaryOf(r, now));
  const time = (d: Date | null) => d?.getTime() ?? 0;
  return {
    open: all.filter((c) => c.phase === "open"),
    upcoming: all
      .filter((c) => c.phase === "upcoming")
      .sort((a, b) => time(a.opensAt) - time(b.opensAt)),
    closed: all
      .filter((c) => c.phase === "closed")
      .sort((a, b) => time(b.closesAt) - time(a.closesAt)),
  };
}

/** Every call, drafts first, for the programme team. */
export async function listAllCalls(db: DbExecutor, now: Date): Promise<CallSummary[]> {
  const rows = await db.select().from(call).orderBy(asc(call.status), desc(call.updatedAt));
  return rows.map((r) => summaryOf(r, now));
}

export interface CallView {
  call: CallRow;
  phase: CallPhase | null;
  /** The frozen form of a published call, or the draft's form. */
  form: FormDefinition;
  formContentHash: string | null;
  /** When the form was fixed (the call's publication); null for a draft's form. */
  formFixedAt: Date | null;
}

/** One call in full, or null when it does not exist or the actor may not see it. */
export async function getCall(
  db: DbExecutor,
  id: string,
  actor: Actor | null,
  now: Date,
): Promise<CallView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select({ call, frozen: callFormVersion })
    .from(call)
    .leftJoin(callFormVersion, eq(callFormVersion.id, call.formVersionId))
    .where(eq(call.id, id));
  if (!row) return null;
  const visible =
    row.call.status === "published"
      ? callsPolicy.viewPublishedCall(actor)
      : callsPolicy.viewDraftCall(actor);
  if (!visible) return null;
  return {
    call: row.call,
    phase: summaryOf(row.call, now).phase,
    form: row.frozen?.definition ?? row.call.formDraft,
    formContentHash: row.frozen?.contentHash ?? null,
    formFixedAt: row.frozen?.createdAt ?? null,
  };
}
