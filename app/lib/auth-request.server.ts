import { href } from "react-router";
import type { FormFeedback } from "../components/form";
import { feedback } from "./form-data.server";
import { getLocale } from "./locale.server";
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
    new Request(new URL(href("/api/auth/*", { "*": path.replace(/^\//, "") }), config.BASE_URL), {
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

/**
 * Why a sign-in or reset attempt got 429, and until when (Brussels time, for the message):
 * the account or the address has too many failed attempts (ADR 0022), or the flood guard.
 */
export async function attemptRefusal(
  response: Response,
  locale: "nl" | "en",
): Promise<{ scope: "account" | "address" | "flood"; until: string | null }> {
  const body = (await response.json().catch(() => null)) as {
    code?: unknown;
    retryAt?: unknown;
  } | null;
  const retryAt = typeof body?.retryAt === "string" ? new Date(body.retryAt) : null;
  const until =
    retryAt && !Number.isNaN(retryAt.getTime())
      ? new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-BE", {
          timeZone: "Europe/Brussels",
          timeStyle: "short",
        }).format(retryAt)
      : null;
  const scope =
    body?.code === "ACCOUNT_LOCKED"
      ? "account"
      : body?.code === "ADDRESS_THROTTLED"
        ? "address"
        : "flood";
  return { scope, until: scope === "flood" ? null : until };
}

/**
 * The form's answer to a refused attempt: the message names the time the account (with the
 * page's own key for it) or the address may try again; the flood guard says to wait a minute.
 */
export async function refusedFeedback(
  request: Request,
  values: Record<string, string>,
  response: Response,
  accountKey: "auth.accountLocked" | "auth.resetLimited" | "auth.resetAttemptsLimited",
): Promise<FormFeedback> {
  const { scope, until } = await attemptRefusal(response, getLocale(request));
  if (!until) return feedback(values, { formErrors: ["auth.rateLimited"] });
  const key = scope === "account" ? accountKey : "auth.addressThrottled";
  return {
    ...feedback(values, { formErrors: [key] }),
    formErrorParams: { [key]: { time: until } },
  };
}
