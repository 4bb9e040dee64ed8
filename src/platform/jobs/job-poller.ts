import type { Database } from "../../db/client";
import { type JobHandlers, type RunSummary, runDueJobs } from "./run-due-jobs";

// The polling loop each server process runs (started by warmUp in app/entry.server.tsx, stopped
// by closeResources). Every process may poll: the claims in runDueJobs keep them from running a
// job twice. A round starts only after the previous one ended, so rounds never overlap.

export interface JobPoller {
  /** Stops polling and waits for a running round to end. */
  stop(): Promise<void>;
  /**
   * Starts a round now instead of at the next interval (or right after the running one), for
   * work a request has just scheduled and a person waits for: a submission's receipt PDF. Only
   * this process is woken; the others find the job at their own next round.
   */
  wake(): void;
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
  let wokenDuringRound = false;

  const tick = () => {
    round = runDueJobs(options.db, options.handlers)
      .then((summary) => options.onRound?.(summary))
      .catch((error: unknown) => (options.onError ?? console.error)(error))
      .finally(() => {
        round = undefined;
        if (stopped) return;
        if (wokenDuringRound) {
          wokenDuringRound = false;
          tick();
        } else schedule();
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
    wake() {
      if (stopped) return;
      if (round) {
        wokenDuringRound = true;
        return;
      }
      clearTimeout(timer);
      tick();
    },
  };
}
