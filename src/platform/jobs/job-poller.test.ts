import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/database";
import type { DatabaseHandle } from "../../db/client";
import { startJobPoller } from "./job-poller";
import { scheduleJob } from "./schedule-job";

// Waking the polling loop (a submission wants its receipt PDF now): a round starts at once instead
// of at the next interval. (A wake during a round, which starts another right after it, is not
// tested here: telling the two rounds apart needs a job due between them by the wall clock, and
// this machine's clock was seen to step back by half a second.)

let handle: DatabaseHandle;
const hour = 3_600_000;

beforeAll(async () => {
  handle = await openTestDatabase("demo");
});
afterAll(async () => {
  await handle?.close();
});

const due = (key: string) =>
  scheduleJob(handle.db, {
    kind: "wake-test",
    key,
    runAt: new Date(Date.now() - 1000),
    payload: {},
  });

describe("JobPoller.wake", () => {
  it("runs a job scheduled after the first round without waiting for the interval", async () => {
    const ran: string[] = [];
    let rounds = 0;
    const poller = startJobPoller({
      db: handle.db,
      handlers: { "wake-test": async (job) => void ran.push(job.key) },
      intervalMs: hour,
      onRound: () => void rounds++,
    });
    await expect.poll(() => rounds).toBe(1);
    await due("wake-test:after-start");
    poller.wake();
    await expect.poll(() => ran).toEqual(["wake-test:after-start"]);
    await poller.stop();
  });
});
