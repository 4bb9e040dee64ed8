import type { JobHandlers } from "../platform/jobs/run-due-jobs";
import { callPublishedHandler, callPublishedJob } from "./call-published";
import { deadlineReminderHandler, deadlineReminderJob } from "./deadline-reminders";
import type { Mailer } from "./mailer";

/** The notification area's scheduled-job handlers, by job kind. */
export function notificationJobHandlers(deps: { mailer: Mailer; baseUrl: string }): JobHandlers {
  return {
    [deadlineReminderJob]: deadlineReminderHandler(deps),
    [callPublishedJob]: callPublishedHandler(deps),
  };
}
