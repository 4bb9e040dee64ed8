import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import {
  createContext,
  type MiddlewareFunction,
  type RouterContextProvider,
  redirect,
} from "react-router";
import { config } from "../../src/platform/config";

// CSRF protection for every form: a random per-browser value in an HttpOnly cookie, and in each
// form a token that is that value's HMAC under the server secret. A cross-site page can neither
// read the cookie nor compute the token. better-auth's own endpoints (/api/auth) check the Origin.

export const csrfFieldName = "csrf";
const cookieName = "innovet_csrf";
export const csrfContext = createContext<string>("");

function sign(value: string): string {
  return createHmac("sha256", config().AUTH_SECRET).update(`csrf:${value}`).digest("base64url");
}

function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
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

/** The query parameter that tells an upload page its last file was refused as too large. */
export const uploadTooLargeParam = "te-groot";

/**
 * Whether a multipart body may be read: its Content-Length is given and at most the largest
 * attachment plus room for the form's other fields. Checked before anything reads the body, so
 * that a huge upload is refused without being buffered (the token is inside the body).
 */
function multipartWithinLimit(request: Request, path: string): boolean {
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  // A learning material's files (slides, short videos) have their own, larger limit.
  const maxFile = materialFilesPath.test(path)
    ? config().MATERIAL_FILE_MAX_BYTES
    : config().ATTACHMENT_MAX_BYTES;
  return Number.isSafeInteger(length) && length <= maxFile + 256 * 1024;
}

/** The upload page of a material version's files (app/routes/library/material-files.tsx). */
const materialFilesPath = /^\/bibliotheek\/[^/]+\/versies\/[^/]+\/bestanden$/;

/** Beyond this, a too-large body is not even drained: the connection is simply closed. */
const maxDrainedBytes = 256 * 1024 * 1024;

/**
 * Reads a too-large body to its end and throws it away, chunk by chunk (nothing is kept), so that
 * the browser gets the answer instead of a reset connection (it sends the whole file anyway).
 */
async function discardBody(request: Request): Promise<boolean> {
  const reader = request.body?.getReader();
  if (!reader) return true;
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    total += value.byteLength;
    if (total > maxDrainedBytes) {
      await reader.cancel();
      return false;
    }
  }
}

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
  if (!type.includes("multipart/form-data")) return request.clone().formData();
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
  const existing = readCookie(request, cookieName);
  const value = existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing) ? existing : undefined;
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
    if (type.includes("multipart/form-data") && !multipartWithinLimit(request, path)) {
      // Nothing is kept and nothing changes: back to the page, which says why in Dutch.
      if (!(await discardBody(request))) throw new Response("too large", { status: 413 });
      const url = new URL(request.url);
      url.searchParams.set(uploadTooLargeParam, "1");
      throw redirect(url.pathname + url.search, 303);
    }
    if (type.includes("form")) {
      const form = await readFormForCheck(request, context, type);
      const field = form.get(csrfFieldName);
      submitted = typeof field === "string" ? field : undefined;
    }
    if (!value || !submitted || !safeEqual(submitted, sign(value)))
      throw new Response("csrf", { status: 403 });
  }

  const response = await next();
  if (!value) {
    const secure = config().secureCookies ? "; Secure" : "";
    response.headers.append(
      "Set-Cookie",
      `${cookieName}=${cookieValue}; Path=/; HttpOnly; SameSite=Lax${secure}`,
    );
  }
  return response;
};
