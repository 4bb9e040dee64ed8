import type { AttachmentCeiling } from "../../src/calls/attachment-limits";
import { services } from "./services.server";

/** The platform's attachment limits (ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT): no call passes them. */
export async function attachmentCeiling(): Promise<AttachmentCeiling> {
  const { config } = await services();
  return { maxBytes: config.ATTACHMENT_MAX_BYTES, maxCount: config.ATTACHMENT_MAX_COUNT };
}
