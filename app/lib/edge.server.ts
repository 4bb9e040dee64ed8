import { translator } from "../../src/i18n/translate";
import { bodyLimitFor, bodyRefusedHeader, maxDrainedBytes } from "./body-limits.server";
import { cookieNames } from "./cookies.server";
import { getLocale } from "./locale.server";
import { securityHeaders } from "./security-headers.server";

// What the HTTP edge (server/http-edge.ts, in front of React Router) needs to know of the app: the
// body limits per route, the security headers, whether a request is signed in, and its own short
// pages in the person's language. The server build exports it (app/entry.server.tsx), so that
// server.ts, which runs without a bundler, applies the app's own rules before the app reads a byte.

/** The edge's own answers, each a short page. */
export type EdgePageKind = "tooLarge" | "method" | "badAddress" | "error";

export interface EdgePolicy {
  bodyLimitFor: typeof bodyLimitFor;
  bodyRefusedHeader: string;
  maxDrainedBytes: number;
  securityHeaders: () => Record<string, string>;
  /** Whether the request carries a session (every answer to it is then `no-store`). */
  isSignedIn: (cookieHeader: string | undefined) => boolean;
  page: (kind: EdgePageKind, cookieHeader: string | undefined) => string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c,
  );

const texts = {
  tooLarge: ["errorPage.tooLargeTitle", "errorPage.tooLargeText"],
  method: ["errorPage.methodTitle", "errorPage.methodText"],
  badAddress: ["errorPage.badRequestTitle", "errorPage.badAddressText"],
  error: ["errorPage.title", "errorPage.text"],
} as const;

export const edgePolicy: EdgePolicy = {
  bodyLimitFor,
  bodyRefusedHeader,
  maxDrainedBytes,
  securityHeaders,
  // better-auth's session cookie (and its cached copy), with or without the __Secure- prefix.
  isSignedIn: (cookieHeader) =>
    cookieNames(cookieHeader).some((name) => /^(__Secure-)?better-auth\.session_/.test(name)),
  page(kind, cookieHeader) {
    const locale = getLocale(cookieHeader);
    const t = translator(locale);
    const [title, text] = texts[kind];
    return `<!doctype html>
<html lang="${locale === "en" ? "en" : "nl-BE"}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(`${t(title)} | ${t("app.name")}`)}</title></head>
<body><main><h1>${escapeHtml(t(title))}</h1><p>${escapeHtml(t(text))}</p><p><a href="/">${escapeHtml(t("errorPage.home"))}</a></p></main></body>
</html>
`;
  },
};
