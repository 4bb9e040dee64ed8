import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createContext, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { config } from "../../src/platform/config";
import { isUploadPath } from "./body-limits.server";
import { readCookieMatching, setCookieHeader } from "./cookies.server";
import { parkExpiredForm } from "./parked-form.server";

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

// An upload's body is read once (ADR 0023). Its token is inside the multipart body (forms work
// without JavaScript), so the check must read the body; instead of a clone (which tees the
// stream and keeps a second copy of the file) the check reads the request itself and hands the
// parsed form to the route's action, which takes it with `readSubmittedForm`.
const multipartFormContext = createContext<FormData | null>(null);

async function readFormForCheck(
  request: Request,
  context: Readonly<RouterContextProvider>,
  type: string,
): Promise<FormData> {
  // Any other body is at most an ordinary form's size (the edge saw to that): a clone costs
  // little and leaves the body readable by every action, whichever way it reads it.
  if (!type.includes("multipart/form-data") || !isUploadPath(new URL(request.url).pathname))
    return request.clone().formData();
  const form = await request.formData();
  context.set(multipartFormContext, form);
  return form;
}

/**
 * The form an action was sent: a multipart one as the CSRF check already read it (its body can
 * no longer be read), any other read from the request here.
 */
export function readSubmittedForm(
  request: Request,
  context: Readonly<RouterContextProvider>,
): Promise<FormData> {
  const form = context.get(multipartFormContext);
  return form ? Promise.resolve(form) : request.formData();
}

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
    let form: FormData | undefined;
    const type = request.headers.get("content-type") ?? "";
    // The body is bounded by the HTTP edge before it gets here (app/lib/body-limits.server.ts).
    if (type.includes("form")) {
      // A body that is no form (a multipart without its boundary, say) is the request's fault.
      form = await readFormForCheck(request, context, type).catch(() => {
        throw new Response("bad form", { status: 400 });
      });
      const field = form.get(csrfFieldName);
      submitted = typeof field === "string" ? field : undefined;
    }
    if (!value || !submitted || !safeEqual(submitted, sign(value))) {
      // The page expired (the browser lost its CSRF cookie, e.g. after a restart): what was typed
      // on a page that parks is kept and handed back on that page, when the post came from this
      // site (its Origin); otherwise, or over the parking quota, the "page expired" page.
      const parked = form ? await parkExpiredForm(request, form) : null;
      if (parked) {
        if (!value)
          parked.headers.append(
            "Set-Cookie",
            setCookieHeader(cookieName, cookieValue, { httpOnly: true }),
          );
        throw parked;
      }
      throw new Response("csrf", { status: 403 });
    }
  }

  const response = await next();
  if (!value)
    response.headers.append(
      "Set-Cookie",
      setCookieHeader(cookieName, cookieValue, { httpOnly: true }),
    );
  return response;
};
