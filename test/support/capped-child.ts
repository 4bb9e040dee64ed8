import { serveCapped } from "../../src/platform/capped-process.ts";

// A child for src/platform/capped-process.test.ts: does what its job names, as hostile input
// would make a real child do.

export type CappedChildJob =
  | { do: "echo"; bytes: Uint8Array; at: Date }
  | { do: "push-forever" }
  | { do: "spin" }
  | { do: "throw" }
  | { do: "exit" };

serveCapped<CappedChildJob, unknown>(import.meta.url, async (job, send) => {
  if (job.do === "echo") await send({ bytes: job.bytes, at: job.at });
  else if (job.do === "push-forever") {
    // One array grown by push: the shape of allocation that aborts a whole process when it
    // happens in a worker thread with resourceLimits (nodejs/node#47224).
    const grown: number[] = [];
    for (let i = 0; ; i++) grown.push(i);
  } else if (job.do === "spin") for (;;);
  else if (job.do === "throw") throw new Error("a bug in the child");
  else process.exit(3);
});
