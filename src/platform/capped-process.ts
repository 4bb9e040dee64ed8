import { fork } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

// Work on hostile input (a document's text, a receipt's layout) runs in a child process of its
// own with a V8 heap cap and a wall-clock cap (ADR 0036). A worker thread's `resourceLimits` are
// best effort: some shapes of allocation (one array grown by push, one large typed allocation)
// abort the whole process instead of ending the worker, which on the server would end every
// request and under Vitest ended a test worker. A child process that aborts takes only itself.
//
// The child is a `.ts` file Node runs as it is (type stripping); it answers through `serveCapped`.
// Messages use the structured-clone serialisation, so bytes and dates cross as they are.

export interface CappedLimits {
  /** Wall-clock time the child may take; then it is killed. */
  timeoutMs: number;
  /** The child's V8 old generation, in MB. */
  maxHeapMb: number;
}

/** How the child's run ended. */
export type CappedEnd =
  /** The caller had what it needed and called `stop`. */
  | { how: "stopped" }
  | { how: "timeout" }
  /** The child went over its heap cap (V8 said so before it aborted). */
  | { how: "memory" }
  /** It ended otherwise: threw, or exited before the caller stopped it. */
  | { how: "failed"; detail: string };

/** What the child printed last on stderr: enough to tell an out-of-memory abort. */
const stderrTail = 4096;

/**
 * Starts `file` as a child process, sends it `job`, and hands every message it sends to
 * `onMessage` until the caller calls `stop` (then the child is killed). Never throws.
 */
export function runCapped<Job, Message>(
  file: string,
  job: Job,
  limits: CappedLimits,
  onMessage: (message: Message, stop: () => void) => void,
): Promise<CappedEnd> {
  return new Promise<CappedEnd>((done) => {
    const child = fork(file, [], {
      // Not the parent's flags (Vitest's or tsx's loaders): the child needs only its heap cap.
      execArgv: [`--max-old-space-size=${Math.max(16, Math.round(limits.maxHeapMb))}`],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    let stderr = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-stderrTail);
    });
    let ended = false;
    const end = (result: CappedEnd) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      done(result);
    };
    const timer = setTimeout(() => end({ how: "timeout" }), limits.timeoutMs);
    child.on("message", (message: Message) => {
      if (!ended) onMessage(message, () => end({ how: "stopped" }));
    });
    child.on("error", (error) => end({ how: "failed", detail: error.message }));
    child.on("exit", (code, signal) => {
      if (/heap out of memory|Allocation failed/i.test(stderr)) end({ how: "memory" });
      else
        end({
          how: "failed",
          detail: `${signal ? `signal ${signal}` : `exit code ${code}`}${lastLine(stderr)}`,
        });
    });
    child.send(job as never, (error) => {
      if (error) end({ how: "failed", detail: error.message });
    });
  });
}

/** The last line of stderr that is not a stack frame: an error's message, V8's last words. */
function lastLine(text: string): string {
  const line = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("at "))
    .at(-1);
  return line ? `: ${line.slice(0, 300)}` : "";
}

/**
 * The child's side, called by the child's module with its own `import.meta.url`: waits for the
 * one job, runs `work` with a way to send messages back, and ends when the parent goes away. A
 * failure of `work` goes to stderr and ends the child with 1. Only when that module is the
 * process's entry: imported anywhere else (a Vitest worker also has an IPC channel), it does
 * nothing.
 */
export function serveCapped<Job, Message>(
  moduleUrl: string,
  work: (job: Job, send: (message: Message) => Promise<void>) => Promise<void>,
): void {
  const entry = process.argv[1];
  if (!process.send || !entry || pathToFileURL(resolve(entry)).href !== moduleUrl) return;
  process.on("disconnect", () => process.exit(0));
  process.once("message", (job: Job) => {
    const send = (message: Message) =>
      new Promise<void>((sent, failed) =>
        process.send?.(message as never, undefined, {}, (error) =>
          error ? failed(error) : sent(),
        ),
      );
    work(job, send).catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
  });
}
