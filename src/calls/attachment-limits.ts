import type { FormDefinition, Question } from "./form-definition";

// How many attachments an application may have and how large each may be: one source for the call
// page (what the call promises) and the attachments step (what the upload accepts). The call's
// form sets them with its attachments questions (`maxFiles`, `maxSizeMb`); the platform's
// configuration (ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT) is the ceiling no call can pass, and
// the limit where the form has no attachments question. A megabyte is 1,000,000 bytes, the unit
// the pages show sizes in (formatFileSize), so "10 MB" on the call page is 10 MB at the upload.

export const bytesPerMb = 1_000_000;

export interface AttachmentCeiling {
  maxBytes: number;
  maxCount: number;
}

type AttachmentsQuestion = Extract<Question, { type: "attachments" }>;

/** One attachments question's limits, within the platform's ceiling. */
export function questionAttachmentLimits(
  question: AttachmentsQuestion,
  ceiling: AttachmentCeiling,
): AttachmentCeiling {
  return {
    maxBytes: Math.min(question.maxSizeMb * bytesPerMb, ceiling.maxBytes),
    maxCount: Math.min(question.maxFiles, ceiling.maxCount),
  };
}

/**
 * The limits of an application for a call with this form: the files of all its attachments
 * questions together, each as large as the largest any of them allows; the ceiling without one.
 */
export function attachmentLimitsOf(
  form: FormDefinition,
  ceiling: AttachmentCeiling,
): AttachmentCeiling {
  const questions = form.sections
    .flatMap((s) => s.questions)
    .filter((q): q is AttachmentsQuestion => q.type === "attachments")
    .map((q) => questionAttachmentLimits(q, ceiling));
  if (questions.length === 0) return ceiling;
  return {
    maxBytes: Math.max(...questions.map((q) => q.maxBytes)),
    maxCount: Math.min(
      questions.reduce((sum, q) => sum + q.maxCount, 0),
      ceiling.maxCount,
    ),
  };
}
