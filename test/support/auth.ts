import type { createAuth } from "../../src/identity/auth";

// Reaching better-auth's HTTP handler the way the pages and any script do (ADR 0022), for the
// identity tests: a JSON POST from the site's own origin, from a client address of the test's
// choosing (the limits on guessing count per address), with a session cookie where one is given.

type AuthHandler = Pick<ReturnType<typeof createAuth>, "handler">;

/** POSTs `body` as JSON to `/api/auth<path>` of the auth set up for `baseUrl`. */
export function postToAuth(
  auth: AuthHandler,
  baseUrl: string,
  path: string,
  body: unknown,
  address: string,
  cookie?: string,
) {
  return auth.handler(
    new Request(`${baseUrl}/api/auth${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: baseUrl,
        "x-forwarded-for": address,
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify(body),
    }),
  );
}
