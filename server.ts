// The production web server: Express serving the React Router build, run by Node 24 directly
// (type stripping, no build step for this file). It binds to 127.0.0.1 unless HOST says
// otherwise, closes the database cleanly on SIGINT/SIGTERM, and never trusts a client-sent
// X-Forwarded-For unless TRUST_PROXY=true (the sign-in rate limit is per IP address).

import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";

const host = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);
const trustProxy = process.env.TRUST_PROXY === "true";

// A variable path keeps the typechecker from requiring a build before it can check this file.
const buildPath = "./build/server/index.js";
const build = await import(buildPath);
const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use((req, _res, next) => {
  if (!trustProxy || !req.headers["x-forwarded-for"]) {
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
  }
  next();
});
// Pages get their security headers from the app (app/lib/security-headers.server.ts); static
// files get the one that matters for them here.
const setHeaders = (res: express.Response) => res.setHeader("X-Content-Type-Options", "nosniff");
app.use(
  "/assets",
  express.static("build/client/assets", { immutable: true, maxAge: "1y", setHeaders }),
);
app.use(express.static("build/client", { maxAge: "1h", index: false, setHeaders }));
app.all("/{*splat}", createRequestHandler({ build, mode: process.env.NODE_ENV }));
// Errors before the app is reached (a malformed URL for the static files, say): a short Dutch
// answer, never Express's development page with a stack trace.
app.use(
  (
    error: { status?: number },
    _req: express.Request,
    res: express.Response,
    _next: express.NextFunction,
  ) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) console.error(error);
    res
      .status(status)
      .type("text/plain; charset=utf-8")
      .send(
        status === 500
          ? "Er liep iets mis. Probeer het later opnieuw."
          : "Dit adres of verzoek is ongeldig.",
      );
  },
);

// Open the database and apply pending migrations before accepting the first request. A PGlite
// folder that another process holds is refused with a message that names both (ADR 0025): that
// message alone, no stack trace, and the process ends.
try {
  await build.entry.module.warmUp?.();
} catch (error) {
  if ((error as Error).name === "DatabaseFolderInUseError") console.error((error as Error).message);
  else console.error(error);
  process.exit(1);
}
const server = app.listen(port, host, () => {
  console.log(`InnoVET listens on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
});

async function shutdown(signal: string) {
  console.log(`${signal}: closing`);
  server.close();
  await build.entry.module.closeResources?.();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
