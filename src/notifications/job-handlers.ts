import type { JobHandlers } from "../platform/jobs/run-due-jobs";
import type { Mailer } from "../platform/mailer";
import { callPublishedHandler, callPublishedJob } from "./call-published";
import { deadlineReminderHandler, deadlineReminderJob } from "./deadline-reminders";

/** The notification area's scheduled-job handlers, by job kind. */
export function notificationJobHandlers(deps: { mailer: Mailer; baseUrl: string }): JobHandlers {
  return {
    [deadlineReminderJob]: deadlineReminderHandler(deps),
    [callPublishedJob]: callPublishedHandler(deps),
  };
}
