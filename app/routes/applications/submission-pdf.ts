import { getSubmission } from "../../../src/applications/submission/read-submission";
import { renderSubmissionPdf } from "../../../src/applications/submission/submission-pdf";
import { notFound, requireActor } from "../../lib/actor.server";
import { getLocale } from "../../lib/locale.server";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/submission-pdf";

// The PDF of a submission, rendered from its immutable snapshot, for those who may see it.

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await requireActor(request);
  const { database } = await services();
  const view = await getSubmission(
    database.db,
    params.applicationId,
    Number(params.sequence),
    actor,
  );
  if (!view) notFound();
  const pdf = await renderSubmissionPdf(view.snapshot, view.fingerprint, getLocale(request));
  const name = `innovet-aanvraag-${view.applicationId.slice(0, 8)}-indiening-${view.sequence}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Content-Length": String(pdf.length),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
