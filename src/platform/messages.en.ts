import type { EnglishOf } from "../i18n/message";
import type { platformNl } from "./messages.nl";

// The English messages of the platform area. Typed against the Dutch keys, so a missing key or a plural
// where Dutch has a plain string fails typecheck; src/i18n/catalogue.test.ts checks the rest.
export const platformEn: EnglishOf<typeof platformNl> = {
  "parkedForm.unknownPage": "We do not keep forms for this page.",
  "parkedForm.tooLarge": "This form is larger than the page allows.",
  "parkedForm.quotaExceeded":
    "Too many forms are already waiting for you. Sign in and finish them first.",
  "jobs.title": "Scheduled jobs with problems",
  "jobs.lead":
    "Jobs that failed or will try again after an error, such as reminder e-mails. Fix the cause first (for example the mail server), then retry the job.",
  "jobs.empty": "No failed jobs. Everything runs as planned.",
  "jobs.col.kind": "Kind of job",
  "jobs.col.status": "Status",
  "jobs.col.attempts": "Attempts",
  "jobs.col.lastError": "Last error",
  "jobs.col.nextRun": "Next attempt",
  "jobs.col.actions": "Actions",
  "jobs.kind.deadlineReminder": "Deadline reminder",
  "jobs.kind.callPublished": "New call announcement",
  "jobs.kind.submissionReceipt": "Receipt (PDF) of a submission",
  "jobs.status.failed": "Failed",
  "jobs.status.pending": "Retrying",
  "jobs.attemptsOf": "{attempts} of {max}",
  "jobs.retry": "Retry now",
  "jobs.retryLabel": "Retry job {key}",
  "jobs.retried": "The job is ready and will run again shortly.",
  "jobs.history": "History",
  "jobs.error.unknown": "We cannot find this job.",
  "jobs.error.notRetryable": "This job has not failed and is not waiting for another attempt.",
  "jobs.kind.partnerInvitation": "Invitation of a partner",
};
