import {
  partnerInvitationHandler,
  partnerInvitationJob,
} from "../../src/applications/consortium/invitation-mail";
import {
  submissionConfirmationHandler,
  submissionConfirmationJob,
} from "../../src/applications/submission/confirmation-mail";
import {
  submissionReceiptHandler,
  submissionReceiptJob,
} from "../../src/applications/submission/receipt-job";
import {
  passwordResetMailHandler,
  passwordResetMailJob,
} from "../../src/identity/password-reset-mail";
import { notificationJobHandlers } from "../../src/notifications/job-handlers";
import { type JobPoller, startJobPoller } from "../../src/platform/jobs/job-poller";
import type { JobHandlers } from "../../src/platform/jobs/run-due-jobs";
import { type Services, services } from "./services.server";

// The scheduled-job loop of this server process (ADR 0011): started by warmUp before the server
// listens, stopped by closeResources on shutdown. Off when JOB_POLL_INTERVAL_MS is 0 (the default
// under NODE_ENV=test, where tests call runDueJobs themselves).

/** Every area's job handlers, by job kind. */
export function jobHandlers(s: Pick<Services, "config" | "mailer" | "files">): JobHandlers {
  const deps = { mailer: s.mailer, baseUrl: s.config.BASE_URL };
  return {
    ...notificationJobHandlers(deps),
    [submissionConfirmationJob]: submissionConfirmationHandler(deps),
    [submissionReceiptJob]: submissionReceiptHandler({ files: s.files }),
    [partnerInvitationJob]: partnerInvitationHandler(deps),
    [passwordResetMailJob]: passwordResetMailHandler(deps),
  };
}

const key = Symbol.for("innovet.jobPoller");
type Holder = { [key]?: JobPoller };

export async function startJobs(): Promise<void> {
  const holder = globalThis as Holder;
  const s = await services();
  if (holder[key] || s.config.JOB_POLL_INTERVAL_MS <= 0) return;
  holder[key] = startJobPoller({
    db: s.database.db,
    handlers: jobHandlers(s),
    intervalMs: s.config.JOB_POLL_INTERVAL_MS,
    onRound: (r) => {
      if (r.done + r.retried + r.failed > 0)
        console.log(`jobs: ${r.done} done, ${r.retried} to retry, ${r.failed} failed`);
    },
    onError: (error) => console.error("jobs: round failed", error),
  });
}

/** Runs this process's job round now (see JobPoller.wake); nothing when jobs are off. */
export function wakeJobs(): void {
  (globalThis as Holder)[key]?.wake();
}

export async function stopJobs(): Promise<void> {
  const holder = globalThis as Holder;
  const poller = holder[key];
  holder[key] = undefined;
  await poller?.stop();
}
