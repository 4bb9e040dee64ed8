import { services } from "./services.server";

/**
 * Calls a better-auth endpoint through its HTTP handler (not auth.api), so that its rate limits,
 * origin checks and cookie handling apply exactly as for a JavaScript client. Used by the
 * progressive-enhancement forms (sign-in, password reset) that must work without JavaScript.
 */
export async function callAuthEndpoint(
  request: Request,
  path: string,
  body: unknown,
): Promise<Response> {
  const { auth, config } = await services();
  const headers = new Headers({ "content-type": "application/json", origin: config.BASE_URL });
  for (const name of ["cookie", "user-agent", "x-forwarded-for", "accept-language"]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  return auth.handler(
    new Request(new URL(`/api/auth${path}`, config.BASE_URL), {
      method: "POST",
      headers,
      body: JSON.stringify(body),
    }),
  );
}

/** The Set-Cookie headers of an auth response, to pass on with a redirect. */
export function forwardCookies(from: Response, to: Headers = new Headers()): Headers {
  for (const cookie of from.headers.getSetCookie()) to.append("Set-Cookie", cookie);
  return to;
}
