// The HTTP edge: the Express app in front of React Router. Everything every response needs is
// decided here, once, before the app reads a byte: the security headers (better-auth's routes and
// static files included), `Cache-Control: no-store` for signed-in answers, the methods the site
// answers, addresses whose query or path is not readable text, and the size of every request body
// (app/lib/body-limits.server.ts: by Content-Length, and counted while streaming for bodies sent
// without one). Run by Node directly (type stripping): erasable TypeScript only, imports with
// their extension.

import { Transform, type TransformCallback } from "node:stream";
import {
  createReadableStreamFromReadable,
  writeReadableStreamToWritable,
} from "@react-router/node";
import compression from "compression";
import express from "express";
import type { BodyLimit } from "../app/lib/body-limits.server.ts";
import type { EdgePageKind, EdgePolicy } from "../app/lib/edge.server.ts";

export interface EdgeOptions {
  /** The app: React Router's request handler (or, in the edge's own tests, a stand-in). */
  handle: (request: Request) => Promise<Response>;
  policy: EdgePolicy;
  /** Trust the X-Forwarded-For of a proxy in front (TRUST_PROXY=true); otherwise the socket's. */
  trustProxy: boolean;
  /** The client build's folder with its hashed assets, when static files are served here. */
  staticRoot?: string;
}

/** The methods the site answers; the others get 405 (known to HTTP) or 501 (not known). */
const supportedMethods = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]);
const knownMethods = new Set([...supportedMethods, "OPTIONS", "TRACE", "CONNECT"]);
const allowHeader = "GET, HEAD, POST";
/** Methods whose request may carry a body, and so get a limit. */
const bodyMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The edge's own pages contain no script, style or frame. */
const edgePagePolicy =
  "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Whether the address's path and query are readable text without a NUL character. */
function readableAddress(originalUrl: string): boolean {
  const [path = "", query = ""] = originalUrl.split("?", 2);
  const parts = [path, ...query.split(/[&=]/)];
  for (const part of parts) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.replaceAll("+", " "));
    } catch {
      return false;
    }
    if (decoded.includes("\u0000")) return false;
  }
  return true;
}

/** Responses the edge answers itself after the app was given the request (a body over its limit). */
const answeredByEdge = new WeakSet<express.Response>();

class BodyTooLarge extends Error {
  constructor() {
    super("request body over its limit");
  }
}

/** Passes a body through while counting it; errors, without passing more, once over `maxBytes`. */
function byteCounter(maxBytes: number): Transform & { bytes: () => number } {
  let total = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      total += chunk.byteLength;
      if (total > maxBytes) callback(new BodyTooLarge());
      else callback(null, chunk);
    },
  });
  return Object.assign(counter, { bytes: () => total });
}

export function createEdge(options: EdgeOptions): express.Express {
  const { policy } = options;
  const app = express();
  app.disable("x-powered-by");

  const sendPage = (
    req: express.Request,
    res: express.Response,
    status: number,
    kind: EdgePageKind,
  ) => {
    if (res.headersSent) return;
    res
      .status(status)
      .set("Content-Security-Policy", edgePagePolicy)
      .set("Cache-Control", "no-store")
      .type("text/html; charset=utf-8")
      .send(policy.page(kind, req.headers.cookie));
  };

  // Every response, whatever answers it, carries the security headers; and none meant for one
  // signed-in person is ever kept by a cache.
  app.use((req, res, next) => {
    // Only the edge itself may say that it threw a body away.
    delete req.headers[policy.bodyRefusedHeader];
    for (const [name, value] of Object.entries(policy.securityHeaders()))
      res.setHeader(name, value);
    if (policy.isSignedIn(req.headers.cookie)) res.setHeader("Cache-Control", "no-store");
    next();
  });
  app.use(compression());
  app.use((req, _res, next) => {
    if (!options.trustProxy || !req.headers["x-forwarded-for"]) {
      req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    }
    next();
  });

  // TRACE and the like never reach the app (Node's fetch refuses to build such a Request, which
  // used to surface as a 500).
  app.use((req, res, next) => {
    if (supportedMethods.has(req.method)) return next();
    res.setHeader("Allow", allowHeader);
    if (req.method === "OPTIONS") return void res.status(204).end();
    sendPage(req, res, knownMethods.has(req.method) ? 405 : 501, "method");
  });

  // A NUL or a broken percent-escape anywhere in the address: a clear 400 here, rather than a
  // 500 from the database (PostgreSQL text cannot hold a NUL) in whichever route reads it.
  app.use((req, res, next) => {
    if (readableAddress(req.originalUrl)) return next();
    sendPage(req, res, 400, "badAddress");
  });

  if (options.staticRoot) {
    app.use(
      "/assets",
      express.static(`${options.staticRoot}/assets`, { immutable: true, maxAge: "1y" }),
    );
    app.use(express.static(options.staticRoot, { maxAge: "1h", index: false }));
  }

  app.all("/{*splat}", (req, res, next) => {
    let body: Transform | undefined;
    if (bodyMethods.has(req.method)) {
      const limit = policy.bodyLimitFor(req.path, req.headers["content-type"]);
      const declared = Number(req.headers["content-length"] ?? Number.NaN);
      if (Number.isFinite(declared) && declared > limit.maxBytes) {
        return void tooLarge(req, res, next, limit, 0);
      }
      const counter = byteCounter(limit.maxBytes);
      counter.once("error", (error) => {
        req.unpipe(counter);
        if (error instanceof BodyTooLarge) tooLarge(req, res, next, limit, counter.bytes());
      });
      req.once("error", (error) => counter.destroy(error));
      // A client that goes away mid-body must not look like a body that ended.
      req.once("close", () => {
        if (!req.complete) counter.destroy(new Error("request aborted"));
      });
      body = req.pipe(counter);
    }
    toApp(req, res, next, body);
  });

  /** Hands the request to the app; `refused`: its body was a too-large upload, thrown away. */
  function toApp(
    req: express.Request,
    res: express.Response,
    next: express.NextFunction,
    body: Transform | undefined,
    refused = false,
  ) {
    const request = toRequest(req, res, body, refused ? policy.bodyRefusedHeader : undefined);
    if (!request) return sendPage(req, res, 400, "badAddress");
    options
      .handle(request)
      .then((response) =>
        send(req, res, response, {
          signedIn: policy.isSignedIn(req.headers.cookie),
          // The body went over its limit while the app read it: the edge answers, and the app's
          // answer (made from a failed body) is dropped.
          drop: !refused && answeredByEdge.has(res),
        }),
      )
      .catch(next);
  }

  /**
   * A body over its limit. An upload page's too-large file: drained (nothing kept), then the app
   * gets the post without it, marked, and sends the browser back to the page, which says why;
   * anything else, or a body beyond what is worth draining: 413 and the connection closed, the
   * rest unread.
   */
  function tooLarge(
    req: express.Request,
    res: express.Response,
    next: express.NextFunction,
    limit: BodyLimit,
    read: number,
  ) {
    // The answer is the edge's now: the app, whose body stream just failed, no longer gives it.
    answeredByEdge.add(res);
    if (limit.tooLarge === "back-to-form") {
      const declared = Number(req.headers["content-length"] ?? Number.NaN);
      if (!(declared > policy.maxDrainedBytes)) {
        let drained = read;
        const onData = (chunk: Buffer) => {
          drained += chunk.byteLength;
          if (drained > policy.maxDrainedBytes) {
            req.off("data", onData);
            refuse(req, res);
          }
        };
        req.on("data", onData);
        req.once("end", () => {
          if (res.headersSent) return;
          toApp(req, res, next, undefined, true);
        });
        req.resume();
        return;
      }
    }
    refuse(req, res);
  }

  function refuse(req: express.Request, res: express.Response) {
    res.setHeader("Connection", "close");
    sendPage(req, res, 413, "tooLarge");
    res.once("finish", () => req.destroy());
  }

  // Errors before the app is reached (a malformed path for the static files, say), or one that
  // escaped it: a short Dutch page, never Express's development page with a stack trace.
  app.use(
    (
      error: { status?: number },
      req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
      if (status === 500) console.error(error);
      sendPage(req, res, status, status === 500 ? "error" : "badAddress");
    },
  );

  return app;
}

/**
 * The Fetch API request React Router reads, with the counted body. Like @react-router/express's
 * adapter, which cannot be given another body stream than the request itself.
 */
function toRequest(
  req: express.Request,
  res: express.Response,
  body: Transform | undefined,
  refusedHeader: string | undefined,
): Request | undefined {
  const host =
    req.headers.host && /^[A-Za-z0-9.\-:[\]]+$/.test(req.headers.host)
      ? req.headers.host
      : "localhost";
  const address = `${req.protocol}://${host}${req.originalUrl}`;
  if (!URL.canParse(address)) return undefined;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else if (value !== undefined) headers.set(name, value);
  }
  if (refusedHeader) {
    // The post goes on without its body, marked, so that the app sends the browser back.
    headers.set(refusedHeader, "too-large");
    headers.delete("content-length");
    headers.delete("transfer-encoding");
  }
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return new Request(address, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(body ? { body: createReadableStreamFromReadable(body), duplex: "half" } : {}),
  } as RequestInit);
}

/** Writes the app's response; its own headers win over the edge's defaults, cookies add up. */
async function send(
  req: express.Request,
  res: express.Response,
  response: Response,
  options: { signedIn: boolean; drop: boolean },
) {
  const { signedIn } = options;
  if (options.drop || res.headersSent || res.destroyed) {
    await response.body?.cancel();
    return;
  }
  res.status(response.status);
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  for (const cookie of cookies) res.append("Set-Cookie", cookie);
  // An answer to a signed-in request, or one that signs in, out, or hands this browser a token,
  // is one person's: no cache may keep it, whatever the route said.
  if (signedIn || cookies.length > 0) res.setHeader("Cache-Control", "no-store");
  if (!response.body || req.method === "HEAD") {
    await response.body?.cancel();
    res.end();
    return;
  }
  await writeReadableStreamToWritable(response.body, res);
}
