import { once } from "node:events";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ordinaryFormMaxBytes } from "../app/lib/body-limits.server";
import { edgePolicy } from "../app/lib/edge.server";
import { createEdge } from "../server/http-edge";

// The HTTP edge (server/http-edge.ts) through real HTTP, with the app's own policy (limits,
// headers, pages) and, behind it, a stand-in for React Router that records what reached it: the
// point is what the edge lets through, so the stand-in only reads the body and answers. The whole
// server with the real app is checked from the outside in e2e/security.spec.ts.

// Vitest puts Vite's BASE_URL ("/") in the environment; the platform's config wants an address.
process.env.BASE_URL = "http://127.0.0.1";
const attachmentMax = 64 * 1024;
process.env.ATTACHMENT_MAX_BYTES = String(attachmentMax);

interface Seen {
  path: string;
  bytes?: number;
  bodyFailed?: boolean;
  /** The edge's mark on an upload it threw away as too large. */
  refused?: string | null;
}
const seen: Seen[] = [];

async function standInApp(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const record: Seen = {
    path: url.pathname,
    refused: request.headers.get("x-innovet-body-refused"),
  };
  seen.push(record);
  if (request.body) {
    try {
      record.bytes = (await request.arrayBuffer()).byteLength;
    } catch {
      // What an app sees when the edge stops a body over its limit: an error, never a short body.
      record.bodyFailed = true;
      return new Response("body failed", { status: 400 });
    }
  }
  if (url.pathname === "/boom") throw new Error("a bug with a stack trace");
  const headers = new Headers({ "Content-Type": "text/plain" });
  if (url.pathname === "/cached") headers.set("Cache-Control", "public, max-age=3600");
  if (url.pathname === "/sign-in") headers.append("Set-Cookie", "better-auth.session_token=x");
  return new Response(`ok ${record.bytes ?? 0}`, { headers });
}

let base = "";
let close: () => void = () => {};
beforeAll(async () => {
  const server = createEdge({ handle: standInApp, policy: edgePolicy, trustProxy: false }).listen(
    0,
    "127.0.0.1",
  );
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A raw request: `chunks` are written one by one (chunked unless a Content-Length is given), and
 * the answer is taken as soon as it comes, even while the body is still being sent.
 */
function send(options: {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  chunks?: Buffer[];
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${options.path}`, {
      method: options.method ?? "POST",
      headers: options.headers,
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    // Once the server has answered it may close the connection on the rest of the body.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    void (async () => {
      for (const chunk of options.chunks ?? []) {
        if (answered || req.destroyed) break;
        if (!req.write(chunk)) await once(req, "drain").catch(() => undefined);
      }
      if (!answered && !req.destroyed) req.end();
    })();
  });
}

const kib = (n: number) => Buffer.alloc(n * 1024, "a");
const form = { "Content-Type": "application/x-www-form-urlencoded" };

describe("request bodies have a limit that fits their route", () => {
  it("refuses a body declared too large before reading it, with a Dutch page", async () => {
    seen.length = 0;
    const answer = await send({
      path: "/aanmelden",
      headers: { ...form, "Content-Length": 600 * 1024 * 1024 },
      chunks: [kib(64)],
    });
    expect(answer.status).toBe(413);
    expect(answer.headers["content-type"]).toMatch(/^text\/html/);
    expect(answer.body).toContain('<html lang="nl-BE">');
    expect(answer.body).toContain("Dit is te groot");
    expect(seen).toEqual([]);
  });

  it("stops a body sent without a length once it passes the limit; the app never gets it whole", async () => {
    seen.length = 0;
    const chunks = Array.from({ length: (2 * ordinaryFormMaxBytes) / (64 * 1024) }, () => kib(64));
    const answer = await send({ path: "/aanmelden", headers: form, chunks });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("Dit is te groot");
    await expect.poll(() => seen[0]?.bodyFailed).toBe(true);
    expect(seen[0]?.bytes).toBeUndefined();
  });

  it("gives the app a body within its limit exactly as sent, with or without a length", async () => {
    seen.length = 0;
    const body = kib(900);
    const declared = await send({
      path: "/aanmelden",
      headers: { ...form, "Content-Length": body.length },
      chunks: [body],
    });
    const chunked = await send({ path: "/aanmelden", headers: form, chunks: [kib(450), kib(450)] });
    expect([declared.status, chunked.status]).toEqual([200, 200]);
    expect(seen.map((s) => s.bytes)).toEqual([body.length, body.length]);
  });

  it("keeps OAI-PMH and better-auth's JSON small", async () => {
    seen.length = 0;
    const oai = await send({ path: "/oai", headers: form, chunks: [kib(100)] });
    const auth = await send({
      path: "/api/auth/sign-in/email",
      headers: { "Content-Type": "application/json" },
      chunks: [kib(100)],
    });
    expect([oai.status, auth.status]).toEqual([413, 413]);
    expect(seen.every((s) => s.bodyFailed)).toBe(true);
  });

  it("throws a too-large upload away and tells the page so, which sends the browser back", async () => {
    seen.length = 0;
    const page = "/aanvragen/6f1c2a4e-8b1d-4c3a-9e2f-0a1b2c3d4e5f/bijlagen";
    const multipart = { "Content-Type": "multipart/form-data; boundary=x" };
    const declared = await send({
      path: `${page}?soort=offerte`,
      headers: { ...multipart, "Content-Length": attachmentMax + 512 * 1024 },
      chunks: [kib(64 + 512)],
    });
    // Without JavaScript the same, through React Router's `.data` address with it.
    const chunked = await send({
      path: `${page}.data`,
      headers: multipart,
      chunks: [kib(200), kib(200)],
    });
    expect([declared.status, chunked.status]).toEqual([200, 200]);
    // The app got each post marked and without its body (in the real app, refusedUploadMiddleware
    // redirects to the page with ?te-groot=1; e2e/plan-attachments.spec.ts).
    expect(seen.filter((s) => s.refused)).toEqual([
      { path: page, refused: "too-large" },
      { path: `${page}.data`, refused: "too-large" },
    ]);
    // A file within the limit reaches the page; nobody else can send the mark.
    seen.length = 0;
    const within = await send({
      path: page,
      headers: { ...multipart, "x-innovet-body-refused": "too-large" },
      chunks: [kib(100)],
    });
    expect(within.status).toBe(200);
    expect(seen).toEqual([{ path: page, bytes: 100 * 1024, refused: null }]);
  });
});

describe("every response", () => {
  const securityHeaders = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "cross-origin-opener-policy": "same-origin",
  };

  it("carries the security headers, whoever answers it", async () => {
    const answers = await Promise.all([
      send({ method: "GET", path: "/" }),
      send({ method: "GET", path: "/api/auth/get-session" }),
      send({ method: "TRACE", path: "/" }),
      send({ method: "GET", path: "/gids?q=%00" }),
      send({ path: "/oai", headers: form, chunks: [kib(100)] }),
      send({ method: "GET", path: "/boom" }),
    ]);
    for (const answer of answers) expect(answer.headers).toMatchObject(securityHeaders);
  });

  it("is no-store when the request is signed in or the answer sets a cookie, whatever the app said", async () => {
    const session = { Cookie: "innovet_lang=nl; better-auth.session_token=abc.def" };
    const anonymous = await send({ method: "GET", path: "/cached" });
    const signedIn = await send({ method: "GET", path: "/cached", headers: session });
    const secure = await send({
      method: "GET",
      path: "/cached",
      headers: { Cookie: "__Secure-better-auth.session_token=abc" },
    });
    const signingIn = await send({ method: "GET", path: "/sign-in" });
    expect(anonymous.headers["cache-control"]).toBe("public, max-age=3600");
    expect(signedIn.headers["cache-control"]).toBe("no-store");
    expect(secure.headers["cache-control"]).toBe("no-store");
    expect(signingIn.headers["cache-control"]).toBe("no-store");
  });

  it("answers methods the site does not serve with 405 or 501, never a 500", async () => {
    seen.length = 0;
    const trace = await send({ method: "TRACE", path: "/" });
    const propfind = await send({ method: "PROPFIND", path: "/aanmelden" });
    const options = await send({ method: "OPTIONS", path: "/" });
    expect([trace.status, propfind.status, options.status]).toEqual([405, 501, 204]);
    expect(trace.headers.allow).toBe("GET, HEAD, POST");
    expect(trace.body).toContain("Dit soort verzoek kennen we niet");
    expect(seen).toEqual([]);
  });

  it("answers an address with a NUL or a broken escape with a Dutch 400", async () => {
    seen.length = 0;
    for (const path of [
      "/beheer/audit?actie=%00",
      "/beheer/audit?%00=x",
      "/gids?q=a+%00+b",
      "/gids?q=%E0%A4%A",
      "/gids/%00",
      "/%E0%A4%A",
    ]) {
      const answer = await send({ method: "GET", path });
      expect(answer.status, path).toBe(400);
      expect(answer.body, path).toContain("tekens die we niet kunnen lezen");
    }
    expect(seen).toEqual([]);
    // Text that only looks odd is the app's to read.
    expect((await send({ method: "GET", path: "/gids?q=%C3%A9%20%25%2B" })).status).toBe(200);
  });

  it("turns an error that escapes the app into a Dutch 500 page without a stack trace", async () => {
    const answer = await send({ method: "GET", path: "/boom" });
    expect(answer.status).toBe(500);
    expect(answer.body).toContain("Er liep iets mis");
    expect(answer.body).not.toMatch(/Error|stack|\.ts:\d/);
  });

  it("answers in English to a browser that chose English", async () => {
    const answer = await send({
      method: "TRACE",
      path: "/",
      headers: { Cookie: "innovet_lang=en" },
    });
    expect(answer.body).toContain('<html lang="en">');
  });
});
