import { href, redirect } from "react-router";
import { exportApplications } from "../../../src/applications/manage/export-applications";
import { requireActor } from "../../lib/actor.server";
import { answer } from "../../lib/answer.server";
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
  return answer(result, {
    success: (file) =>
      new Response(file.body, {
        headers: {
          "Content-Type": file.contentType,
          "Content-Disposition": `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          "Cache-Control": "no-store",
          "X-Content-Type-Options": "nosniff",
        },
      }),
    // A tampered form (unknown kind, format or filter value): nothing to download.
    invalid: "page",
    conflict: "page",
  });
}

/** The downloads are posted; opening the address shows the list instead. */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(href("/beheer/oproepen/:callId/aanvragen", params));
}
