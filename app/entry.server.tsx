import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { renderToPipeableStream } from "react-dom/server";
import type { EntryContext, RouterContextProvider } from "react-router";
import { ServerRouter } from "react-router";
import { closeDatabase } from "../src/db/connection";
import { catalogues } from "../src/i18n/translate";
import { provideCatalogue } from "./lib/i18n";
import { startJobs, stopJobs } from "./lib/jobs.server";
import { NonceProvider } from "./lib/nonce";
import { contentSecurityPolicy } from "./lib/security-headers.server";
import { services } from "./lib/services.server";

// The server translates in both languages; a page's JavaScript gets only its own (entry.client).
provideCatalogue("nl", catalogues.nl);
provideCatalogue("en", catalogues.en);

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  _loadContext: RouterContextProvider,
) {
  // A fresh nonce per document: the only inline scripts allowed are React Router's own. The
  // other security headers are set once, for every response, at the HTTP edge (server.ts).
  const nonce = randomBytes(16).toString("base64");
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));

  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }

  return new Promise<Response>((resolve, reject) => {
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(
      () => abort(),
      streamTimeout + 1000,
    );
    // Wait for the whole page: the platform must work without JavaScript, so nothing may depend
    // on streamed-in content.
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeoutId);
              timeoutId = undefined;
              callback();
            },
          });
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          pipe(body);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          console.error(error);
        },
      },
    );
  });
}

/** The app's rules the HTTP edge applies before the app reads a byte (server/http-edge.ts). */
export { edgePolicy } from "./lib/edge.server";

/**
 * Called by server.ts on shutdown: stops the scheduled-job loop (waiting for a running round),
 * then closes the database (PGlite must be closed cleanly).
 */
export async function closeResources(): Promise<void> {
  await stopJobs();
  await closeDatabase();
}

/**
 * Called by server.ts before it listens: opens the database, applies pending migrations and
 * starts the scheduled-job loop (JOB_POLL_INTERVAL_MS).
 */
export async function warmUp(): Promise<void> {
  await services();
  await startJobs();
}
