import { findAttachmentFile } from "../../../src/applications/attachments/read-attachments";
import { contentDisposition } from "../../../src/platform/files/file-name";
import { notFound } from "../../lib/actor.server";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/attachment-download";
import { loadStepPage } from "./plan-routes.server";

// Downloading an attachment: only for those who may see the application (anyone else gets a
// 404, as if it did not exist). Always a download (never shown inline), with the type read from
// the content at upload and nosniff, so a browser cannot be talked into running it as a page.

export async function loader({ request, params }: Route.LoaderArgs) {
  const { view, db } = await loadStepPage(request, params.applicationId);
  const attachment = await findAttachmentFile(db, view.id, params.attachmentId);
  if (!attachment) notFound();
  const { files } = await services();
  const body = await files.stream(attachment.storageKey);
  if (!body) notFound();
  return new Response(body, {
    headers: {
      "Content-Type": attachment.mediaType,
      "Content-Length": String(attachment.sizeBytes),
      "Content-Disposition": contentDisposition(attachment.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
