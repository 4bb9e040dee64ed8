import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { ArchiveLimits, ArchiveProblem } from "./archive-check";
import type { InspectJob, InspectMessage } from "./inspect-worker";
import type { MaterialKind } from "./sniff";

// The heavy part of taking in a file, off the event loop and outside any transaction (ADR 0023):
// the archive check (every zip entry really inflated, within a cap) and the text extraction run
// in a worker thread with a cap on its heap (`resourceLimits`) and a wall-clock timeout after
// which it is terminated. A hostile file therefore costs one worker at most `maxHeapMb` and
// `timeoutMs`, never a frozen or dead server. At most `maxConcurrent` workers run at once per
// process; more uploads wait their turn (a bound on memory, not a lock: other processes have
// their own).

export interface InspectOptions {
  kind: MaterialKind;
  archive: ArchiveLimits | null;
  extractText: boolean;
  /** Wall-clock time the worker may take, waiting for a turn excluded. */
  timeoutMs?: number;
  /** The worker's V8 heap (old generation). Buffers outside the heap are bounded by the caps. */
  maxHeapMb?: number;
}

export interface Inspection {
  /** What is wrong with the archive (the file is refused), or null. */
  problem: ArchiveProblem | null;
  /** The text for search; "" when the kind has none, or it could not be read within the limits. */
  text: string;
  /** Why there is no text although it was asked for: the worker went over time or memory. */
  textLost: "timeout" | "failed" | null;
}

const textKinds = new Set<MaterialKind>(["docx", "pptx", "odt", "odp", "pdf"]);

/**
 * Whether files of this kind have text worth extracting. Here, not in extract-text.ts: the
 * request's process never loads the document libraries, only the worker does.
 */
export const hasText = (kind: MaterialKind) => textKinds.has(kind);

export const inspectionDefaults = { timeoutMs: 20_000, maxHeapMb: 256 };
const maxConcurrent = 2;

/** Relative to the working directory, as the migrations folder: the process runs from the root. */
const workerFile = resolve("src/platform/files/inspect-worker.ts");

let running = 0;
const waiting: Array<() => void> = [];

async function turn(): Promise<() => void> {
  if (running >= maxConcurrent) await new Promise<void>((wake) => waiting.push(wake));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** Checks the file's archive and reads its text in a worker with limits. Never throws. */
export async function inspectFile(bytes: Uint8Array, options: InspectOptions): Promise<Inspection> {
  const release = await turn();
  try {
    return await runWorker(bytes, options);
  } finally {
    release();
  }
}

function runWorker(bytes: Uint8Array, options: InspectOptions): Promise<Inspection> {
  const timeoutMs = options.timeoutMs ?? inspectionDefaults.timeoutMs;
  const maxHeapMb = options.maxHeapMb ?? inspectionDefaults.maxHeapMb;
  // The worker gets its own copy, so the caller's bytes stay usable for the store.
  const copy = new Uint8Array(bytes);
  const job: InspectJob = {
    bytes: copy,
    kind: options.kind,
    archive: options.archive,
    extractText: options.extractText,
  };
  return new Promise<Inspection>((done) => {
    let archiveChecked = !options.archive;
    let problem: ArchiveProblem | null = null;
    let finished = false;
    const worker = new Worker(workerFile, {
      workerData: job,
      transferList: [copy.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    // The libraries' own warnings (a font they skip) are not the server's log.
    worker.stdout.resume();
    worker.stderr.resume();
    const finish = (result: Inspection) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      void worker.terminate();
      done(result);
    };
    // Over time or memory: while the archive was checked, it is refused as a bomb (it cost more
    // than any real document); while its text was read, the file is kept without text.
    const lost = (why: "timeout" | "failed") =>
      finish(
        archiveChecked
          ? { problem, text: "", textLost: options.extractText ? why : null }
          : { problem: "bomb", text: "", textLost: null },
      );
    const timer = setTimeout(() => lost("timeout"), timeoutMs);
    worker.on("message", (message: InspectMessage) => {
      if (message.step === "archive") {
        archiveChecked = true;
        problem = message.problem;
        if (problem || !options.extractText) finish({ problem, text: "", textLost: null });
      } else finish({ problem, text: message.text, textLost: null });
    });
    worker.on("error", () => lost("failed"));
    worker.on("exit", () => lost("failed"));
  });
}
