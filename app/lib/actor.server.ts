import { href, redirect } from "react-router";
import type { Actor } from "../../src/identity/actor";
import { loadActor } from "../../src/identity/load-actor";
import { services } from "./services.server";

/** The signed-in person for this request, or null. */
export async function getActor(request: Request): Promise<Actor | null> {
  const { auth, database } = await services();
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) return null;
  return loadActor(database.db, session.user.id);
}

/** The signed-in person, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireActor(request: Request): Promise<Actor> {
  const actor = await getActor(request);
  if (actor) return actor;
  const url = new URL(request.url);
  throw redirect(`${href("/aanmelden")}?terug=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Answers 403 (rendered by the error boundary) when a policy says no. */
export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}
