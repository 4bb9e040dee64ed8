import { getApplication } from "../../../src/applications/read-applications";
import { notFound, requireActor } from "../../lib/actor.server";
import { services } from "../../lib/services.server";

// Shared by the plan's and the attachments' pages: the application as the actor may see it (a
// 404 for anyone else). Their actions answer through `answer` (app/lib/answer.server.ts).

export async function loadStepPage(request: Request, applicationId: string) {
  const actor = await requireActor(request);
  const { database } = await services();
  const view = await getApplication(database.db, applicationId, actor, new Date());
  if (!view) notFound();
  return { actor, view, db: database.db };
}

/** A posted field as text ("" when absent or a file). */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
