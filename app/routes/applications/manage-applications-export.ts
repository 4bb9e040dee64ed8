import { redirect } from "react-router";
import { exportApplications } from "../../../src/applications/manage/export-applications";
import { forbidden, notFound, requireActor } from "../../lib/actor.server";
import { getLocale } from "../../lib/locale.server";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/manage-applications-export";

// The downloads of a call's applications (the list or every answer, CSV or XLSX) with the list's
// filters. A POST with the CSRF token, because each download is written to the audit log.

export async function action({ request, params }: Route.ActionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const filter: Record<string, string> = {};
  for (const [name, value] of form)
    if (typeof value === "string" && value && !["csrf", "kind", "format", "sorteer"].includes(name))
      filter[name] = value;
  const { database } = await services();
  const result = await exportApplications(
    { db: database.db, actor },
    {
      callId: params.callId,
      kind: text("kind"),
      format: text("format"),
      sort: text("sorteer"),
      filter,
      locale: getLocale(request),
    },
  );
  if (!result.ok) {
    if (result.reason === "forbidden") forbidden();
    if (result.reason === "notFound") notFound();
    // A tampered form (unknown kind, format or filter value): nothing to download.
    throw new Response("Bad Request", { status: 400 });
  }
  const file = result.value;
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** The downloads are posted; opening the address shows the list instead. */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/beheer/oproepen/${params.callId}/aanvragen`);
}
