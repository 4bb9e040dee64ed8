import { and, eq } from "drizzle-orm";
import { href } from "react-router";
import { z } from "zod";
import type { DbExecutor } from "../db/client";
import { translate } from "../i18n/translate";
import { user } from "../identity/schema";
import { type JobHandler, PermanentJobError } from "../platform/jobs/run-due-jobs";
import { scheduleJob } from "../platform/jobs/schedule-job";
import type { Mailer } from "../platform/mailer";
import { formatBrussels } from "../platform/time";
import { notificationPreference } from "./schema";
import { sendNotificationOnce } from "./send-notification";

// The announcement of a new call to everyone who asked for it (kind callPublished, off by
// default). Publishing schedules one job in the publishing transaction; the job mails each
// person who opted in at the time it runs. A job run again after a crash mails only those who
// did not get it yet: sendNotificationOnce keys every mail on (job key, person).

export const callPublishedJob = "callPublished";

export const callPublishedPayload = z.object({
  callId: z.string().min(1),
  callTitle: z.string().min(1),
  closesAt: z.iso.datetime({ offset: true }).nullable(),
});
export type CallPublishedPayload = z.infer<typeof callPublishedPayload>;

export function callPublishedKey(callId: string): string {
  return `call-published:${callId}`;
}

/** Schedules the announcement, in the caller's (publishing) transaction. Idempotent per call. */
export async function scheduleCallPublishedNotice(
  tx: DbExecutor,
  input: { callId: string; callTitle: string; closesAt: Date | null },
  now: Date,
): Promise<boolean> {
  const payload: CallPublishedPayload = {
    callId: input.callId,
    callTitle: input.callTitle,
    closesAt: input.closesAt?.toISOString() ?? null,
  };
  return scheduleJob(tx, {
    kind: callPublishedJob,
    key: callPublishedKey(input.callId),
    runAt: now,
    payload,
  });
}

export function callPublishedMail(
  locale: "nl" | "en",
  values: {
    name: string;
    callTitle: string;
    closesAt: Date | null;
    callUrl: string;
    preferencesUrl: string;
  },
) {
  const params = {
    name: values.name,
    callTitle: values.callTitle,
    deadline: values.closesAt ? formatBrussels(values.closesAt, locale) : "—",
    url: values.callUrl,
    preferencesUrl: values.preferencesUrl,
  };
  return {
    subject: translate(locale, "notifications.mail.callPublished.subject", params),
    text: translate(locale, "notifications.mail.callPublished.text", params),
  };
}

/** Mails the announcement to every active person who switched it on. */
export function callPublishedHandler(deps: { mailer: Mailer; baseUrl: string }): JobHandler {
  return async (job, { db }) => {
    const parsed = callPublishedPayload.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError(`invalid payload: ${parsed.error.message}`);
    const payload = parsed.data;
    const recipients = await db
      .select({ id: user.id, name: user.name, email: user.email, locale: user.locale })
      .from(notificationPreference)
      .innerJoin(user, eq(user.id, notificationPreference.userId))
      .where(
        and(
          eq(notificationPreference.kind, "callPublished"),
          eq(notificationPreference.email, true),
          eq(user.active, true),
        ),
      )
      .orderBy(user.id);
    const callUrl = new URL(
      href("/oproepen/:callId", { callId: payload.callId }),
      deps.baseUrl,
    ).toString();
    const preferencesUrl = new URL(href("/mijn/meldingen"), deps.baseUrl).toString();
    for (const person of recipients) {
      const mail = callPublishedMail(person.locale === "en" ? "en" : "nl", {
        name: person.name,
        callTitle: payload.callTitle,
        closesAt: payload.closesAt ? new Date(payload.closesAt) : null,
        callUrl,
        preferencesUrl,
      });
      await sendNotificationOnce(db, deps.mailer, {
        key: job.key,
        kind: "callPublished",
        recipient: { userId: person.id, email: person.email },
        mail,
      });
    }
  };
}
