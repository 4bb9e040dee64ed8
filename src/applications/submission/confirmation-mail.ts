import { eq } from "drizzle-orm";
import { href } from "react-router";
import { z } from "zod";
import { translate } from "../../i18n/translate";
import { user } from "../../identity/schema";
import { sendNotificationOnce } from "../../notifications/send-notification";
import { type JobHandler, PermanentJobError } from "../../platform/jobs/run-due-jobs";
import type { Mailer } from "../../platform/mailer";
import { formatBrussels } from "../../platform/time";
import { applicationSubmission } from "./schema";

// The confirmation e-mail of a submission, sent by a durable job scheduled in the submission's
// own transaction: it goes out once, also when the server restarts in between. It is a receipt,
// so it is always sent (notification kind submissionConfirmation cannot be switched off).

export const submissionConfirmationJob = "submissionConfirmation";

const payload = z.object({ submissionId: z.uuid() });

/** The receipt page of a submission. */
export function receiptPath(applicationId: string, sequence: number): string {
  return href("/aanvragen/:applicationId/indieningen/:sequence", {
    applicationId,
    sequence: String(sequence),
  });
}

export function submissionConfirmationHandler(deps: {
  mailer: Mailer;
  baseUrl: string;
}): JobHandler {
  return async (job, { db }) => {
    const parsed = payload.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError(`invalid payload: ${parsed.error.message}`);
    const [row] = await db
      .select({
        submission: applicationSubmission,
        email: user.email,
        name: user.name,
        locale: user.locale,
      })
      .from(applicationSubmission)
      .innerJoin(user, eq(user.id, applicationSubmission.submittedBy))
      .where(eq(applicationSubmission.id, parsed.data.submissionId));
    if (!row) throw new PermanentJobError("unknown submission");
    const { submission } = row;
    const locale = row.locale === "en" ? "en" : "nl";
    const params = {
      name: row.name,
      title: submission.snapshot.application.title,
      callTitle: submission.snapshot.call.title,
      submittedAt: formatBrussels(submission.submittedAt, locale),
      fingerprint: submission.fingerprint,
      url: new URL(
        receiptPath(submission.applicationId, submission.sequence),
        deps.baseUrl,
      ).toString(),
    };
    await sendNotificationOnce(db, deps.mailer, {
      key: job.key,
      kind: "submissionConfirmation",
      recipient: { userId: submission.submittedBy, email: row.email },
      mail: {
        subject: translate(locale, "notifications.mail.submissionConfirmation.subject", params),
        text: translate(locale, "notifications.mail.submissionConfirmation.text", params),
      },
    });
  };
}
