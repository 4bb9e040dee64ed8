import { randomBytes } from "node:crypto";
import { redirect } from "react-router";
import type { Actor } from "../../src/identity/actor";
import { parkForm } from "../../src/platform/parked-forms/park-form";
import type { ParkedValues } from "../../src/platform/parked-forms/schema";
import { takeParkedForm } from "../../src/platform/parked-forms/take-parked-form";
import { services } from "./services.server";

// Without JavaScript, a form posted after the session expired would be lost on the way to the
// sign-in page. Instead, its values are parked for this browser (an HttpOnly cookie holds a
// random token), the person signs in, and the page gets the values back to show them again.

const cookieName = "innovet_parked";

function tokenOf(request: Request): string | undefined {
  const match = /(?:^|;\s*)innovet_parked=([A-Za-z0-9_-]{32,64})(?:;|$)/.exec(
    request.headers.get("cookie") ?? "",
  );
  return match?.[1];
}

/** Parks the posted values of this page and sends the person to sign in, coming back here. */
export async function parkAndSignIn(request: Request, values: ParkedValues): Promise<Response> {
  const url = new URL(request.url);
  const token = tokenOf(request) ?? randomBytes(32).toString("base64url");
  const { database, config } = await services();
  await parkForm({ db: database.db, actor: null }, { token, path: url.pathname, values });
  return redirect(`/aanmelden?terug=${encodeURIComponent(url.pathname)}`, {
    headers: {
      "Set-Cookie": `${cookieName}=${token}; Path=/; Max-Age=7200; HttpOnly; SameSite=Lax${config.secureCookies ? "; Secure" : ""}`,
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
