import { answerOaiRequest } from "../../../src/library/harvesting/oai-pmh";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/oai";

// The library's OAI-PMH 2.0 endpoint for harvesters: GET with a query string, or POST with a
// form (application/x-www-form-urlencoded), as the protocol allows both. The arguments go to the
// core as pairs in order, so a repeated argument is an error rather than silently dropped.

async function respond(args: Array<[string, string]>): Promise<Response> {
  const { database, config } = await services();
  const body = await answerOaiRequest(database.db, args, {
    baseUrl: config.BASE_URL.replace(/\/+$/, ""),
    adminEmail: config.OAI_ADMIN_EMAIL,
    secret: config.AUTH_SECRET,
  });
  return new Response(body, {
    headers: { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-cache" },
  });
}

export async function loader({ request }: Route.LoaderArgs) {
  return respond([...new URL(request.url).searchParams]);
}

export async function action({ request }: Route.ActionArgs) {
  if (request.method !== "POST") throw new Response("Method Not Allowed", { status: 405 });
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded"))
    throw new Response("Unsupported Media Type", { status: 415 });
  return respond([...new URLSearchParams(await request.text())]);
}
