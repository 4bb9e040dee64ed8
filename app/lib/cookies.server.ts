import { parseCookie, type SetCookie, stringifySetCookie } from "cookie";
import { config } from "../../src/platform/config";

// The one way the web layer reads and writes its own cookies (CSRF, parked forms, language): the
// `cookie` package parses the header (a malformed value such as `%E0%A4%A` is kept as it is, never
// thrown), and each reader then checks the value's shape. The flash message uses React Router's
// signed cookie (parsed by `cookie-es`, the same rules; a malformed or unsigned value reads as
// none). Hand-written parsing turned one bad cookie into a 500 on every page.

/** A request, or its Cookie header as the HTTP edge has it. */
type CookieSource = Request | string | null | undefined;

/** The value of cookie `name` in this request, or undefined; never throws. */
export function readCookie(source: CookieSource, name: string): string | undefined {
  const header =
    typeof source === "object" && source !== null ? source.headers.get("cookie") : source;
  if (!header) return undefined;
  return parseCookie(header)[name];
}

/** The names of the cookies this request carries. */
export function cookieNames(source: CookieSource): string[] {
  const header =
    typeof source === "object" && source !== null ? source.headers.get("cookie") : source;
  return header ? Object.keys(parseCookie(header)) : [];
}

/** The value of cookie `name` only when it matches `shape` (a random token, a language…). */
export function readCookieMatching(
  request: CookieSource,
  name: string,
  shape: RegExp,
): string | undefined {
  const value = readCookie(request, name);
  return value !== undefined && shape.test(value) ? value : undefined;
}

/** A `Set-Cookie` value for one of our cookies: path `/`, SameSite=Lax, Secure where HTTPS. */
export function setCookieHeader(
  name: string,
  value: string,
  options: Pick<SetCookie, "maxAge" | "httpOnly"> = {},
): string {
  return stringifySetCookie({
    name,
    value,
    path: "/",
    sameSite: "lax",
    secure: config().secureCookies,
    ...options,
  });
}
