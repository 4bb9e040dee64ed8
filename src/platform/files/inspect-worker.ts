import { serveCapped } from "../capped-process.ts";
import { type ArchiveLimits, checkZipArchive } from "./archive-check.ts";
import { extractText } from "./extract-text.ts";
import type { MaterialKind } from "./sniff.ts";

// The file inspection's child process (started by inspect-file.ts, which holds its time and
// memory caps and kills it when over). Node runs it directly (type stripping), so every local
// import names its `.ts` file. It answers in two steps, so that the caller knows whether a
// timeout came while the archive was checked (refuse the file) or while its text was read (keep
// the file without text).

export interface InspectJob {
  bytes: Uint8Array;
  kind: MaterialKind;
  /** Check the zip (DOCX, PPTX, …, a plain zip) within these limits first; null for other kinds. */
  archive: ArchiveLimits | null;
  extractText: boolean;
}

export type InspectMessage =
  | { step: "archive"; problem: ReturnType<typeof checkZipArchive> }
  | { step: "text"; text: string };

serveCapped<InspectJob, InspectMessage>(import.meta.url, async (job, send) => {
  const problem = job.archive ? checkZipArchive(job.bytes, job.archive) : null;
  await send({ step: "archive", problem });
  if (!problem && job.extractText)
    await send({ step: "text", text: await extractText(job.bytes, job.kind) });
});
