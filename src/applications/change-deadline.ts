import { and, eq } from "drizzle-orm";
import { changeDeadlineFollowedBy } from "../calls/change-deadline";
import { application } from "./schema";

// A programme manager moves a published call's deadline (the calls area's use case,
// `calls/change-deadline.ts`); the call's drafts follow it with their reminders. The drafts are
// this area's, so the use case is completed here, where calls' and applications' tables meet.

export const changeDeadline = changeDeadlineFollowedBy(async (tx, callId) => {
  const drafts = await tx
    .select({ id: application.id })
    .from(application)
    .where(and(eq(application.callId, callId), eq(application.status, "draft")));
  return drafts.map((d) => d.id);
});
