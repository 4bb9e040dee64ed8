import { resolve } from "node:path";
import { runCapped } from "../capped-process";
import type { ArchiveLimits, ArchiveProblem } from "./archive-check";
import type { InspectJob, InspectMessage } from "./inspect-worker";
import type { MaterialKind } from "./sniff";

// The heavy part of taking in a file, off the event loop and outside any transaction (ADR 0023):
// the archive check (every zip entry really inflated, within a cap) and the text extraction run
// in a child process with a cap on its heap and a wall-clock timeout after which it is killed
// (capped-process.ts, ADR 0036). A hostile file therefore costs one child at most `maxHeapMb` and
// `timeoutMs`, never a frozen or dead server. At most `maxConcurrent` children run at once per
// process; more uploads wait their turn (a bound on memory, not a lock: other processes have
// their own).

export interface InspectOptions {
  kind: MaterialKind;
  archive: ArchiveLimits | null;
  extractText: boolean;
  /** Wall-clock time the child process may take, waiting for a turn excluded. */
  timeoutMs?: number;
  /** The child process's V8 heap (old generation). Buffers outside the heap are bounded by the caps. */
  maxHeapMb?: number;
}

export interface Inspection {
  /** What is wrong with the archive (the file is refused), or null. */
  problem: ArchiveProblem | null;
  /** The text for search; "" when the kind has none, or it could not be read within the limits. */
  text: string;
  /** Why there is no text although it was asked for: the child went over time or memory. */
  textLost: "timeout" | "failed" | null;
}

const textKinds = new Set<MaterialKind>(["docx", "pptx", "odt", "odp", "pdf"]);

/**
 * Whether files of this kind have text worth extracting. Here, not in extract-text.ts: the
 * request's process never loads the document libraries, only the child process does.
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

/** Checks the file's archive and reads its text in a child process with limits. Never throws. */
export async function inspectFile(bytes: Uint8Array, options: InspectOptions): Promise<Inspection> {
  const release = await turn();
  try {
    return await runChild(bytes, options);
  } finally {
    release();
  }
}

async function runChild(bytes: Uint8Array, options: InspectOptions): Promise<Inspection> {
  const job: InspectJob = {
    bytes,
    kind: options.kind,
    archive: options.archive,
    extractText: options.extractText,
  };
  let archiveChecked = !options.archive;
  let problem: ArchiveProblem | null = null;
  let text: string | null = null;
  const end = await runCapped<InspectJob, InspectMessage>(
    workerFile,
    job,
    {
      timeoutMs: options.timeoutMs ?? inspectionDefaults.timeoutMs,
      maxHeapMb: options.maxHeapMb ?? inspectionDefaults.maxHeapMb,
    },
    (message, stop) => {
      if (message.step === "archive") {
        archiveChecked = true;
        problem = message.problem;
        if (problem || !options.extractText) stop();
      } else {
        text = message.text;
        stop();
      }
    },
  );
  if (end.how === "stopped") return { problem, text: text ?? "", textLost: null };
  // Over time or memory: while the archive was checked, it is refused as a bomb (it cost more
  // than any real document); while its text was read, the file is kept without text.
  const why = end.how === "timeout" ? "timeout" : "failed";
  return archiveChecked
    ? { problem, text: "", textLost: options.extractText ? why : null }
    : { problem: "bomb", text: "", textLost: null };
}
