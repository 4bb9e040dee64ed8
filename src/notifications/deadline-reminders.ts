import { eq, inArray } from "drizzle-orm";
import { href } from "react-router";
import { z } from "zod";
import type { DbExecutor } from "../db/client";
import { translate } from "../i18n/translate";
import { user } from "../identity/schema";
import { type JobHandler, PermanentJobError } from "../platform/jobs/run-due-jobs";
import { cancelJob, rescheduleJob, scheduleJob } from "../platform/jobs/schedule-job";
import { scheduledJob } from "../platform/jobs/schema";
import type { Mailer } from "../platform/mailer";
import { formatBrussels, fromBrusselsInput, toBrusselsInput } from "../platform/time";
import { wantsNotification } from "./notification-preferences";
import { sendNotificationOnce } from "./send-notification";

// Reminders to applicants with a draft, 7 days and 1 day before a call's deadline: the first job
// kind. The applications area schedules them when a draft is started (scheduleDeadlineReminders)
// and cancels them when it is submitted or withdrawn (cancelDeadlineReminders); this file knows
// nothing of applications beyond an id and a link.

export const deadlineReminderJob = "deadlineReminder";

export const deadlineReminderOffsets = [
  { label: "7d", days: 7 },
  { label: "1d", days: 1 },
] as const;

export const deadlineReminderPayload = z.object({
  recipientUserId: z.string().min(1),
  callId: z.string().min(1).optional(),
  callTitle: z.string().min(1),
  deadline: z.iso.datetime({ offset: true }),
  applicationUrl: z.url(),
});
export type DeadlineReminderPayload = z.infer<typeof deadlineReminderPayload>;

export function deadlineReminderKey(applicationId: string, label: string): string {
  return `deadline-reminder:${applicationId}:${label}`;
}

/**
 * The moment `days` calendar days before the deadline at the same Brussels wall-clock time (so a
 * reminder a week before a 17:00 deadline goes out at 17:00, also across a change to or from
 * summer time). When that time does not exist (the skipped hour in March) it is days × 24 hours.
 */
export function reminderTime(deadline: Date, days: number): Date {
  const local = toBrusselsInput(deadline);
  const [date, time] = local.split("T") as [string, string];
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const earlier = new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
  return (
    fromBrusselsInput(`${earlier}T${time}`) ?? new Date(deadline.getTime() - days * 86_400_000)
  );
}

/**
 * Schedules the 7-day and 1-day reminders for each recipient's draft, in the caller's
 * transaction. Idempotent (keyed by application): calling it again schedules nothing new.
 * Reminders whose moment has already passed are not scheduled. Returns the number scheduled.
 */
export async function scheduleDeadlineReminders(
  tx: DbExecutor,
  input: {
    callId: string;
    callTitle: string;
    deadline: Date;
    recipients: ReadonlyArray<{ userId: string; applicationId: string; applicationUrl: string }>;
  },
  now: Date = new Date(),
): Promise<number> {
  let scheduled = 0;
  for (const recipient of input.recipients) {
    for (const offset of deadlineReminderOffsets) {
      const runAt = reminderTime(input.deadline, offset.days);
      if (runAt <= now) continue;
      const payload: DeadlineReminderPayload = {
        recipientUserId: recipient.userId,
        callId: input.callId,
        callTitle: input.callTitle,
        deadline: input.deadline.toISOString(),
        applicationUrl: recipient.applicationUrl,
      };
      const created = await scheduleJob(tx, {
        kind: deadlineReminderJob,
        key: deadlineReminderKey(recipient.applicationId, offset.label),
        runAt,
        payload,
      });
      if (created) scheduled++;
    }
  }
  return scheduled;
}

/** Cancels the reminders of an application that are still to come (it was submitted). */
export async function cancelDeadlineReminders(
  tx: DbExecutor,
  applicationId: string,
  now: Date = new Date(),
): Promise<void> {
  for (const offset of deadlineReminderOffsets)
    await cancelJob(tx, deadlineReminderKey(applicationId, offset.label), now);
}

/**
 * The deadline of a call moved: every reminder of these drafts follows it. A reminder still to
 * come moves to its new moment (7 days or 1 day before the new deadline) and carries the new
 * deadline; one whose new moment has passed is cancelled; one cancelled by an earlier move comes
 * back when its moment is in the future again. A reminder that was already sent is never sent
 * again for the same draft (its job stays done; sendNotificationOnce also keys on it).
 * Runs in the caller's transaction. Returns how many reminders were moved and cancelled.
 */
export async function rescheduleDeadlineReminders(
  tx: DbExecutor,
  input: { applicationIds: readonly string[]; callTitle: string; deadline: Date },
  now: Date = new Date(),
): Promise<{ moved: number; cancelled: number }> {
  const result = { moved: 0, cancelled: 0 };
  if (input.applicationIds.length === 0) return result;
  const keys = input.applicationIds.flatMap((id) =>
    deadlineReminderOffsets.map((o) => deadlineReminderKey(id, o.label)),
  );
  const jobs = await tx
    .select({ key: scheduledJob.key, payload: scheduledJob.payload })
    .from(scheduledJob)
    .where(inArray(scheduledJob.key, keys))
    .for("update");
  const payloadOf = new Map(jobs.map((j) => [j.key, deadlineReminderPayload.safeParse(j.payload)]));
  for (const applicationId of input.applicationIds) {
    // Recipient and link come from the draft's own reminders (a draft without any has none).
    const known = deadlineReminderOffsets
      .map((o) => payloadOf.get(deadlineReminderKey(applicationId, o.label)))
      .find((p) => p?.success)?.data;
    if (!known) continue;
    for (const offset of deadlineReminderOffsets) {
      const key = deadlineReminderKey(applicationId, offset.label);
      const runAt = reminderTime(input.deadline, offset.days);
      if (runAt <= now) {
        if (await cancelJob(tx, key, now)) result.cancelled++;
        continue;
      }
      const payload: DeadlineReminderPayload = {
        ...known,
        callTitle: input.callTitle,
        deadline: input.deadline.toISOString(),
      };
      if (!payloadOf.has(key)) {
        // Not scheduled when the draft started (its moment had passed): the later deadline brings it.
        if (await scheduleJob(tx, { kind: deadlineReminderJob, key, runAt, payload }))
          result.moved++;
      } else if (await rescheduleJob(tx, key, { runAt, payload }, now)) result.moved++;
    }
  }
  return result;
}

/** The reminder e-mail in the person's language, the deadline in Brussels local time. */
export function deadlineReminderMail(
  locale: "nl" | "en",
  values: {
    name: string;
    callTitle: string;
    deadline: Date;
    applicationUrl: string;
    preferencesUrl: string;
  },
) {
  const params = {
    name: values.name,
    callTitle: values.callTitle,
    deadline: formatBrussels(values.deadline, locale),
    url: values.applicationUrl,
    preferencesUrl: values.preferencesUrl,
  };
  return {
    subject: translate(locale, "notifications.mail.deadlineReminder.subject", params),
    text: translate(locale, "notifications.mail.deadlineReminder.text", params),
  };
}

/**
 * Sends one reminder, unless the deadline has passed, the person switched these reminders off or
 * is no longer active. Sent at most once per job key and recipient (sendNotificationOnce).
 */
export function deadlineReminderHandler(deps: { mailer: Mailer; baseUrl: string }): JobHandler {
  return async (job, { db, now }) => {
    const parsed = deadlineReminderPayload.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError(`invalid payload: ${parsed.error.message}`);
    const payload = parsed.data;
    const deadline = new Date(payload.deadline);
    if (deadline <= now) return;
    if (!(await wantsNotification(db, payload.recipientUserId, "deadlineReminder"))) return;
    const [person] = await db
      .select({
        id: user.id,
        name: user.name,
        email: user.email,
        locale: user.locale,
        active: user.active,
      })
      .from(user)
      .where(eq(user.id, payload.recipientUserId));
    if (!person?.active) return;
    const mail = deadlineReminderMail(person.locale === "en" ? "en" : "nl", {
      name: person.name,
      callTitle: payload.callTitle,
      deadline,
      applicationUrl: payload.applicationUrl,
      preferencesUrl: new URL(href("/mijn/meldingen"), deps.baseUrl).toString(),
    });
    await sendNotificationOnce(db, deps.mailer, {
      key: job.key,
      kind: "deadlineReminder",
      recipient: { userId: person.id, email: person.email },
      mail,
    });
  };
}
