import { useEffect } from "react";
import {
  data,
  href,
  isRouteErrorResponse,
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from "react-router";
import type { Translate } from "../src/i18n/translate";
import type { Route } from "./+types/root";
import { MetaWithErrorTitle } from "./components/form";
import { PageShell } from "./components/layout";
import { getActor } from "./lib/actor.server";
import type { ConflictPage } from "./lib/answer.server";
import { csrfContext, csrfMiddleware } from "./lib/csrf.server";
import { readFlash } from "./lib/flash.server";
import { isMessageKey, type RootData, translatorFor, useLocale, useT } from "./lib/i18n";
import { getLocale } from "./lib/locale.server";
import { useNonce } from "./lib/nonce";
import { refusedUploadMiddleware } from "./lib/refused-upload.server";
import { services } from "./lib/services.server";
import stylesheet from "./styles.css?url";

// A too-large upload the edge threw away goes back to its page before the CSRF check, which needs
// the body it no longer has.
export const middleware: Route.MiddlewareFunction[] = [refusedUploadMiddleware, csrfMiddleware];

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const [actor, flash, { config }] = await Promise.all([
    getActor(request),
    readFlash(request),
    services(),
  ]);
  const rootData: RootData = {
    locale: getLocale(request),
    csrfToken: context.get(csrfContext),
    flash: flash.message,
    actor: actor
      ? {
          name: actor.name,
          email: actor.email,
          roles: [...new Set(actor.memberships.map((m) => m.role))],
        }
      : null,
    devMail: !config.SMTP_URL && config.NODE_ENV !== "production",
  };
  return data(rootData, flash.clear ? { headers: { "Set-Cookie": flash.clear } } : undefined);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const locale = useLocale();
  const nonce = useNonce();
  return (
    <html lang={locale === "en" ? "en" : "nl-BE"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <MetaWithErrorTitle />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export function meta({ loaderData, error }: Route.MetaArgs) {
  const t = translatorFor(loaderData?.locale ?? "nl");
  // An error page's own title, also when a middleware threw before any loader ran.
  const title = error ? `${errorPageMessages(error, t).title} | ${t("app.name")}` : t("app.name");
  return [{ title }, { name: "description", content: t("app.description") }];
}

export default function App() {
  // Marks the document once React has hydrated it: from then on links navigate client-side.
  // The journeys wait for it before they test what only the hydrated page does.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <PageShell>
      <Outlet />
    </PageShell>
  );
}

/** The error page's title and text for what went wrong (the page and its document title). */
function errorPageMessages(error: unknown, t: Translate): { title: string; text: string } {
  if (isRouteErrorResponse(error)) {
    if (error.status === 404)
      return { title: t("errorPage.notFoundTitle"), text: t("errorPage.notFoundText") };
    // A use case's conflict where there is no form to tell it in (app/lib/answer.server.ts).
    if (error.status === 409 && isConflictPage(error.data))
      return {
        title: t("errorPage.conflictTitle"),
        text: t(error.data.conflict, error.data.params),
      };
    // The form's token no longer matches the browser's (the page was open too long, or the
    // browser restarted): the page expired, nobody is refused.
    if (error.status === 403 && error.data === "csrf")
      return { title: t("errorPage.expiredTitle"), text: t("errorPage.expiredText") };
    if (error.status === 403)
      return { title: t("errorPage.forbiddenTitle"), text: t("errorPage.forbiddenText") };
    // 400, 405 (a POST to a page without a form), 413…: the request, not the platform, is wrong.
    if (error.status >= 400 && error.status < 500)
      return { title: t("errorPage.badRequestTitle"), text: t("errorPage.badRequestText") };
  }
  return { title: t("errorPage.title"), text: t("errorPage.text") };
}

function isConflictPage(value: unknown): value is ConflictPage {
  if (typeof value !== "object" || value === null) return false;
  const { conflict } = value as { conflict?: unknown };
  return typeof conflict === "string" && isMessageKey(conflict);
}

/** The friendly error page: never a stack trace, always a way back. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const { title, text } = errorPageMessages(error, t);
  return (
    <PageShell>
      <title>{`${title} | ${t("app.name")}`}</title>
      <div className="page-header">
        <h1>{title}</h1>
        <p className="lead">{text}</p>
        <p>
          <a href={href("/")}>{t("errorPage.home")}</a>
        </p>
      </div>
    </PageShell>
  );
}
