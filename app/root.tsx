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
import { isMessageKey, translator } from "../src/i18n/translate";
import type { Route } from "./+types/root";
import { MetaWithErrorTitle } from "./components/form";
import { PageShell } from "./components/layout";
import { getActor } from "./lib/actor.server";
import type { ConflictPage } from "./lib/answer.server";
import { csrfContext, csrfMiddleware } from "./lib/csrf.server";
import { readFlash } from "./lib/flash.server";
import { type RootData, useLocale, useT } from "./lib/i18n";
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

export function meta({ loaderData }: Route.MetaArgs) {
  const t = translator(loaderData?.locale ?? "nl");
  return [{ title: t("app.name") }, { name: "description", content: t("app.description") }];
}

export default function App() {
  return (
    <PageShell>
      <Outlet />
    </PageShell>
  );
}

/** The friendly error page: never a stack trace, always a way back. */
function isConflictPage(value: unknown): value is ConflictPage {
  if (typeof value !== "object" || value === null) return false;
  const { conflict } = value as { conflict?: unknown };
  return typeof conflict === "string" && isMessageKey(conflict);
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  let title = t("errorPage.title");
  let text = t("errorPage.text");
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = t("errorPage.notFoundTitle");
      text = t("errorPage.notFoundText");
    } else if (error.status === 409 && isConflictPage(error.data)) {
      // A use case's conflict where there is no form to tell it in (app/lib/answer.server.ts).
      title = t("errorPage.conflictTitle");
      text = t(error.data.conflict, error.data.params);
    } else if (error.status === 403) {
      title = t("errorPage.forbiddenTitle");
      text = error.data === "csrf" ? t("error.csrf") : t("errorPage.forbiddenText");
    } else if (error.status >= 400 && error.status < 500) {
      // 400, 405 (a POST to a page without a form), 413…: the request, not the platform, is wrong.
      title = t("errorPage.badRequestTitle");
      text = t("errorPage.badRequestText");
    }
  }
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
