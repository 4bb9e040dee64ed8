import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createContext, type MiddlewareFunction } from "react-router";
import { config } from "../../src/platform/config";
import { readCookieMatching, setCookieHeader } from "./cookies.server";

// CSRF protection for every form: a random per-browser value in an HttpOnly cookie, and in each
// form a token that is that value's HMAC under the server secret. A cross-site page can neither
// read the cookie nor compute the token. better-auth's own endpoints (/api/auth) check the Origin.

export const csrfFieldName = "csrf";
const cookieName = "innovet_csrf";
export const csrfContext = createContext<string>("");

function sign(value: string): string {
  return createHmac("sha256", config().AUTH_SECRET).update(`csrf:${value}`).digest("base64url");
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/**
 * Paths that take a POST from other sites by design and change nothing: OAI-PMH harvesters may
 * send any request as a form POST (the protocol allows it), without cookies.
 */
const crossSitePaths = new Set(["/oai"]);

/**
 * Kept here for the upload pages that import it; the limits themselves, and the redirect back to
 * the page when a file is too large, live at the HTTP edge (app/lib/body-limits.server.ts).
 */
export { uploadTooLargeParam } from "./body-limits.server";

export const csrfMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const value = readCookieMatching(request, cookieName, /^[A-Za-z0-9_-]{32,64}$/);
  const cookieValue = value ?? randomBytes(32).toString("base64url");
  context.set(csrfContext, sign(cookieValue));

  const path = new URL(request.url).pathname;
  if (
    unsafeMethods.has(request.method) &&
    !path.startsWith("/api/auth/") &&
    !crossSitePaths.has(path)
  ) {
    let submitted: string | undefined;
    const type = request.headers.get("content-type") ?? "";
    // The body is bounded by the HTTP edge before it gets here (app/lib/body-limits.server.ts).
    if (type.includes("form")) {
      // A body that is no form (a multipart without its boundary, say) is the request's fault.
      const form = await request
        .clone()
        .formData()
        .catch(() => {
          throw new Response("bad form", { status: 400 });
        });
      const field = form.get(csrfFieldName);
      submitted = typeof field === "string" ? field : undefined;
    }
    if (!value || !submitted || !safeEqual(submitted, sign(value)))
      throw new Response("csrf", { status: 403 });
  }

  const response = await next();
  if (!value)
    response.headers.append(
      "Set-Cookie",
      setCookieHeader(cookieName, cookieValue, { httpOnly: true }),
    );
  return response;
};
