import { randomBytes } from "node:crypto";
import { href, redirect } from "react-router";
import type { Actor } from "../../src/identity/actor";
import { parkForm } from "../../src/platform/parked-forms/park-form";
import { parkingPageFor } from "../../src/platform/parked-forms/parking-pages";
import type { ParkedValues } from "../../src/platform/parked-forms/schema";
import { takeParkedForm } from "../../src/platform/parked-forms/take-parked-form";
import { readCookieMatching, setCookieHeader } from "./cookies.server";
import { services } from "./services.server";

// Without JavaScript, a form posted after the session expired would be lost on the way to the
// sign-in page. Instead, its values are parked for this browser (an HttpOnly cookie holds a
// random token), the person signs in, and the page gets the values back to show them again.
// Only the pages in src/platform/parked-forms/parking-pages.ts park, within their form's limits
// and a quota per browser and per address; beyond that the person still goes to sign in.

const cookieName = "innovet_parked";

function tokenOf(request: Request): string | undefined {
  return readCookieMatching(request, cookieName, /^[A-Za-z0-9_-]{32,64}$/);
}

/**
 * The client's address as the edge passed it on (server.ts sets X-Forwarded-For to the socket's
 * address unless a trusted proxy in front gave it; the first entry is the client).
 */
function clientAddressOf(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

/** Parks the posted values of this page and sends the person to sign in, coming back here. */
export async function parkAndSignIn(request: Request, values: ParkedValues): Promise<Response> {
  const url = new URL(request.url);
  const token = tokenOf(request) ?? randomBytes(32).toString("base64url");
  const { database } = await services();
  const parked = await parkForm(
    { db: database.db, actor: null },
    { token, path: url.pathname, values, clientAddress: clientAddressOf(request) },
  );
  const signIn = `${href("/aanmelden")}?terug=${encodeURIComponent(url.pathname)}`;
  if (!parked.ok) return redirect(signIn);
  return redirect(signIn, {
    headers: {
      "Set-Cookie": setCookieHeader(cookieName, token, { maxAge: 7200, httpOnly: true }),
    },
  });
}

/** The query parameter of a page whose form came back after its CSRF token had expired. */
export const expiredParam = "verlopen";

/** The fields a parking page's form holds: its answers and the version they were typed on. */
function parkableValues(form: FormData): ParkedValues {
  const values: ParkedValues = {};
  for (const key of new Set(form.keys())) {
    if (key !== "version" && !key.startsWith("answers.")) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length === 1 ? (all[0] as string) : all;
  }
  return values;
}

/**
 * A form whose CSRF token no longer matches (the page expired): on a page that parks, and only
 * when the browser says the post came from this site (a cross-site page cannot make it send our
 * Origin, so nobody can slip values into another person's form), its values are parked like
 * those of an expired session and the page is loaded again with them (`?verlopen`). Null when
 * the rules do not allow it: the caller shows the "page expired" page.
 */
export async function parkExpiredForm(request: Request, form: FormData): Promise<Response | null> {
  const url = new URL(request.url);
  if (!parkingPageFor(url.pathname)) return null;
  const { config, database } = await services();
  if (request.headers.get("origin") !== new URL(config.BASE_URL).origin) return null;
  const token = tokenOf(request) ?? randomBytes(32).toString("base64url");
  const parked = await parkForm(
    { db: database.db, actor: null },
    {
      token,
      path: url.pathname,
      values: parkableValues(form),
      clientAddress: clientAddressOf(request),
    },
  );
  if (!parked.ok) return null;
  return redirect(`${url.pathname}?${expiredParam}`, {
    status: 303,
    headers: {
      "Set-Cookie": setCookieHeader(cookieName, token, { maxAge: 7200, httpOnly: true }),
    },
  });
}

/** The values parked for this page by this browser, handed over once; null when there are none. */
export async function takeParked(request: Request, actor: Actor): Promise<ParkedValues | null> {
  const token = tokenOf(request);
  if (!token) return null;
  const { database } = await services();
  const result = await takeParkedForm(
    { db: database.db, actor },
    { token, path: new URL(request.url).pathname },
  );
  return result.ok ? result.value : null;
}
