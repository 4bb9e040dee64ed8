import { receiptPath } from "../../../src/applications/submission/confirmation-mail";
import { getSubmission } from "../../../src/applications/submission/read-submission";
import { contentDisposition } from "../../../src/platform/files/file-name";
import { notFound, requireActor } from "../../lib/actor.server";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/submission-pdf";

// The PDF of a submission, for those who may see it: the file the receipt job rendered once and
// stored (ADR 0024), served as it is; never laid out in a request. Until it is there, back to the
// receipt page, which says it is being made.

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database, files } = await services();
  const view = await getSubmission(
    database.db,
    params.applicationId,
    Number(params.sequence),
    actor,
  );
  if (!view) notFound();
  if (!view.receipt)
    return new Response(null, {
      status: 303,
      headers: {
        Location: receiptPath(view.applicationId, view.sequence),
        "Cache-Control": "private, no-store",
      },
    });
  const body = await files.stream(view.receipt.fileKey);
  if (!body) notFound();
  const name = `innovet-aanvraag-${view.applicationId.slice(0, 8)}-indiening-${view.sequence}.pdf`;
  return new Response(body, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(name),
      "Content-Length": String(view.receipt.byteSize),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
