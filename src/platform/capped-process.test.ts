import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { CappedChildJob } from "../../test/support/capped-child";
import { runCapped } from "./capped-process";

// The capped child process is the fence around hostile work (document text, receipt layout):
// whatever the child does, this process goes on and hears how it ended. Real children, started
// from test/support/capped-child.ts.

const child = resolve("test/support/capped-child.ts");
const limits = { timeoutMs: 20_000, maxHeapMb: 32 };

const run = (job: CappedChildJob, over: Partial<typeof limits> = {}) => {
  const messages: unknown[] = [];
  return runCapped<CappedChildJob, unknown>(child, job, { ...limits, ...over }, (m, stop) => {
    messages.push(m);
    stop();
  }).then((end) => ({ end, messages }));
};

describe("a capped child process", () => {
  it("gets its job and answers with bytes and dates as they were", async () => {
    const at = new Date("2026-12-07T10:00:00Z");
    const { end, messages } = await run({ do: "echo", bytes: new Uint8Array([0, 1, 255]), at });
    expect(end).toEqual({ how: "stopped" });
    expect(messages).toEqual([{ bytes: new Uint8Array([0, 1, 255]), at }]);
  });

  it("that grows one array past its heap ends alone, as over its memory", async () => {
    const before = process.memoryUsage().rss;
    expect((await run({ do: "push-forever" })).end).toEqual({ how: "memory" });
    // This process is still here, and did not take the child's memory on.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);

  it("that never ends is killed at its time cap", async () => {
    expect((await run({ do: "spin" }, { timeoutMs: 1_500 })).end).toEqual({ how: "timeout" });
  });

  it("that throws or exits on its own has failed, and says how", async () => {
    expect((await run({ do: "throw" })).end).toEqual({
      how: "failed",
      detail: "exit code 1: Error: a bug in the child",
    });
    expect((await run({ do: "exit" })).end).toEqual({ how: "failed", detail: "exit code 3" });
  });

  it("that is not there has failed", async () => {
    const end = await runCapped(resolve("test/support/no-such-child.ts"), {}, limits, () => {});
    expect(end.how).toBe("failed");
  });
});
