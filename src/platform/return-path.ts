// Where the platform may send a browser back to after sign-in or a language switch: only a clean
// path on this site. Browsers resolve addresses by the WHATWG URL rules, which drop tabs and
// newlines and read `\` as `/`, so `/\t/evil.example` becomes `//evil.example`: another host.
// Rather than list what is dangerous, only what is plainly safe is accepted: printable ASCII
// path and query characters, one leading slash, no backslash, no control character, bounded in
// length; and the result must still resolve to the same origin.

const fallback = "/mijn";
const probeOrigin = "https://innovet.invalid";
/** Printable ASCII without space, backslash, quote marks, angle brackets or fragment marks. */
const cleanPath = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@/%?]*$/;
const maxLength = 2000;

/** The value when it is a clean path on this site, otherwise `otherwise` (the dashboard). */
export function safeReturnPath(value: unknown, otherwise = fallback): string {
  if (typeof value !== "string" || value.length > maxLength || !cleanPath.test(value)) {
    return otherwise;
  }
  let resolved: URL;
  try {
    resolved = new URL(value, probeOrigin);
  } catch {
    return otherwise;
  }
  if (resolved.origin !== probeOrigin) return otherwise;
  return value;
}

/**
 * The path and query of `address` (a Referer header, say) when it is a page of `origin`;
 * `otherwise` when it is missing, malformed or elsewhere. Never throws.
 */
export function sameOriginPath(address: string | null, origin: string, otherwise = "/"): string {
  if (!address || !URL.canParse(address)) return otherwise;
  const url = new URL(address);
  if (url.origin !== origin) return otherwise;
  return safeReturnPath(url.pathname + url.search, otherwise);
}
