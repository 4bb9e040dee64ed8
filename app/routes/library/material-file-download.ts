import { countMaterialUsage, findMaterialFile } from "../../../src/library/material-usage";
import { contentDisposition } from "../../../src/platform/files/file-name";
import { getActor, notFound } from "../../lib/actor.server";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/material-file-download";

// Downloading a file of a learning material: published versions for everyone, unpublished ones
// for their makers and moderators (anyone else gets a 404). Always a download, never inline, with
// the type read from the content at upload and nosniff; streamed from the file store. Each
// download adds one to the day's count, without keeping who.

export async function loader({ request, params }: Route.LoaderArgs) {
  const actor = await getActor(request);
  const { database, files } = await services();
  const file = await findMaterialFile(database.db, params.materialId, params.fileId, actor);
  if (!file) notFound();
  const body = await files.stream(file.storageKey);
  if (!body) notFound();
  await countMaterialUsage(database.db, params.materialId, "downloads");
  return new Response(body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition(file.name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
