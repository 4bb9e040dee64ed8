import { exportLibraryJson } from "../../../src/library/harvesting/json-export";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/export-json";

/** All published metadata of the library as one JSON file, streamed (ADR 0015). */
export async function loader(_: Route.LoaderArgs) {
  const { database, config } = await services();
  const pieces = exportLibraryJson(database.db, { baseUrl: config.BASE_URL.replace(/\/+$/, "") });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'inline; filename="innovet-bibliotheek.json"',
      "Cache-Control": "no-cache",
    },
  });
}
