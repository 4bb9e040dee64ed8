import { eq } from "drizzle-orm";
import { href } from "react-router";
import { z } from "zod";
import { callPhase, isCallPublic } from "../calls/model";
import { call } from "../calls/schema";
import { organisation } from "../directory/schema";
import { scheduleDeadlineReminders } from "../notifications/deadline-reminders";
import { defineUseCase, fail } from "../platform/use-case";
import { touchApplication } from "./editable-draft";
import { applicationsPolicy } from "./policy";
import { application } from "./schema";

export const startApplicationInput = z.object({
  callId: z.uuid("error.call.unknown"),
  organisationId: z.uuid("application.error.leadSchoolRequired"),
  title: z
    .string({ error: "error.required" })
    .trim()
    .min(1, "error.required")
    .max(200, "error.tooLong"),
  /** The platform's own address (configuration, never the form), for the links in e-mails. */
  baseUrl: z.url(),
});

/** The address of an application's task list, for e-mails. */
export function applicationUrl(applicationId: string, baseUrl: string): string {
  return new URL(href("/aanvragen/:applicationId", { applicationId }), baseUrl).toString();
}

/**
 * A school coordinator starts a draft application of their school for a published call that is
 * open by the server clock. The draft answers the call's frozen form version; the deadline
 * reminders (7 days and 1 day before) are scheduled for the coordinator in the same transaction.
 */
export const startApplication = defineUseCase({
  name: "application.start",
  input: startApplicationInput,
  authorize: (actor, input) =>
    applicationsPolicy.startApplication(actor, { organisationId: input.organisationId }),
  run: async (tx, input, { actor, now }) => {
    const [school] = await tx
      .select({ kind: organisation.kind })
      .from(organisation)
      .where(eq(organisation.id, input.organisationId));
    if (school?.kind !== "school")
      throw fail.field("organisationId", "application.error.notASchool");
    const [target] = await tx.select().from(call).where(eq(call.id, input.callId));
    if (!target || !isCallPublic(target.status)) throw fail.notFound();
    if (
      !target.formVersionId ||
      !target.opensAt ||
      !target.closesAt ||
      callPhase({ opensAt: target.opensAt, closesAt: target.closesAt }, now) !== "open"
    )
      throw fail.conflict("application.error.callNotOpen");
    const [created] = await tx
      .insert(application)
      .values({
        callId: target.id,
        formVersionId: target.formVersionId,
        leadOrganisationId: input.organisationId,
        title: input.title,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    await touchApplication(tx, created.id, now);
    const reminders = await scheduleDeadlineReminders(
      tx,
      {
        callId: target.id,
        callTitle: target.title,
        deadline: target.closesAt,
        recipients: [
          {
            userId: actor.userId,
            applicationId: created.id,
            applicationUrl: applicationUrl(created.id, input.baseUrl),
          },
        ],
      },
      now,
    );
    return {
      value: { id: created.id, version: created.version, reminders },
      audit: {
        subjectType: "application",
        subjectId: created.id,
        before: null,
        after: {
          callId: created.callId,
          formVersionId: created.formVersionId,
          leadOrganisationId: created.leadOrganisationId,
          title: created.title,
          status: created.status,
          version: created.version,
        },
      },
    };
  },
});
