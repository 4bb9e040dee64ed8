import type { Database } from "../../db/client";
import { type JobHandlers, type RunSummary, runDueJobs } from "./run-due-jobs";

// The polling loop each server process runs (started by warmUp in app/entry.server.tsx, stopped
// by closeResources). Every process may poll: the claims in runDueJobs keep them from running a
// job twice. A round starts only after the previous one ended, so rounds never overlap.

export interface JobPoller {
  /** Stops polling and waits for a running round to end. */
  stop(): Promise<void>;
}

export function startJobPoller(options: {
  db: Database;
  handlers: JobHandlers;
  intervalMs: number;
  onRound?: (summary: RunSummary) => void;
  onError?: (error: unknown) => void;
}): JobPoller {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let round: Promise<void> | undefined;

  const tick = () => {
    round = runDueJobs(options.db, options.handlers)
      .then((summary) => options.onRound?.(summary))
      .catch((error: unknown) => (options.onError ?? console.error)(error))
      .finally(() => {
        round = undefined;
        if (!stopped) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, options.intervalMs);
    timer.unref();
  };
  // The first round soon after start-up: reminders that fell due while no process ran go out.
  timer = setTimeout(tick, 0);
  timer.unref();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}
