// The production web server: the HTTP edge (server/http-edge.ts: security headers, body limits,
// methods, unreadable addresses) in front of the React Router build, run by Node 24 directly
// (type stripping, no build step for this file). It binds to 127.0.0.1 unless HOST says
// otherwise, closes the database cleanly on SIGINT/SIGTERM, and never trusts a client-sent
// X-Forwarded-For unless TRUST_PROXY=true (the sign-in rate limit is per IP address).

import { createRequestHandler } from "react-router";
import { createEdge } from "./server/http-edge.ts";

const host = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);

// A variable path keeps the typechecker from requiring a build before it can check this file.
const buildPath = "./build/server/index.js";
const build = await import(buildPath);
const app = createEdge({
  handle: createRequestHandler(build, process.env.NODE_ENV),
  policy: build.entry.module.edgePolicy,
  trustProxy: process.env.TRUST_PROXY === "true",
  staticRoot: "build/client",
});

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
