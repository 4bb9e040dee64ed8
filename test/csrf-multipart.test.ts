import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { csrfContext, csrfMiddleware, readSubmittedForm } from "../app/lib/csrf.server";
import { pdfWithText } from "./support/files";

// An upload's body is read once (ADR 0023): the CSRF check reads a multipart request itself, not
// a clone of it (which tees the stream and parses the file twice), and the action takes the form
// it read. Run on real Web Requests, as the React Router server hands them to the middleware.

// Vitest sets BASE_URL to Vite's "/" (not a URL); the configuration needs an absolute one.
beforeAll(() => {
  vi.stubEnv("BASE_URL", "http://localhost:3000");
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const cookie = `innovet_csrf=${"a".repeat(43)}`;

/** What React Router hands a middleware. */
const args = (request: Request, context: RouterContextProvider) => ({
  request,
  context,
  params: {},
  url: new URL(request.url),
  pattern: new URL(request.url).pathname,
});

async function tokenFor(): Promise<string> {
  const context = new RouterContextProvider();
  await csrfMiddleware(
    args(new Request("http://localhost/", { headers: { cookie } }), context),
    async () => new Response("ok"),
  );
  return context.get(csrfContext);
}

async function multipartRequest(form: FormData, path = "/aanvragen/x/bijlagen"): Promise<Request> {
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: {
      cookie,
      "content-type": encoded.headers.get("content-type") ?? "",
      "content-length": String(body.length),
    },
  });
}

const run = (request: Request, action: (context: RouterContextProvider) => Promise<Response>) => {
  const context = new RouterContextProvider();
  return csrfMiddleware(args(request, context), () => action(context));
};

describe("the CSRF check reads an upload's body once", () => {
  it("hands the multipart form it read to the action; the request's own body was consumed once", async () => {
    const pdf = pdfWithText("Engagement");
    const form = new FormData();
    form.set("csrf", await tokenFor());
    form.set("file", new File([pdf], "brief.pdf", { type: "application/pdf" }));
    const request = await multipartRequest(form);
    const response = await run(request, async (context) => {
      // No clone was read: the request's body is used, by the check itself.
      expect(request.bodyUsed).toBe(true);
      const submitted = await readSubmittedForm(request, context);
      const file = submitted.get("file");
      expect(file).toBeInstanceOf(File);
      expect(new Uint8Array(await (file as File).arrayBuffer())).toEqual(pdf);
      return new Response("uploaded");
    });
    expect(await (response as Response).text()).toBe("uploaded");
  });

  it("leaves a multipart form to any other page readable by the page's own request.formData()", async () => {
    // Autosave posts `new FormData(form)`, and anyone may post multipart to any page: such a body
    // is at most an ordinary form's size, so the check reads a clone and the action reads as usual.
    const form = new FormData();
    form.set("csrf", await tokenFor());
    form.set("answer", "Tekst die bewaard moet worden");
    const request = await multipartRequest(form, "/aanvragen/x/sectie/voorstel");
    const response = await run(request, async () => {
      const submitted = await request.formData();
      return new Response(String(submitted.get("answer")));
    });
    expect(await (response as Response).text()).toBe("Tekst die bewaard moet worden");
  });

  it("still refuses a multipart form without the right token", async () => {
    const form = new FormData();
    form.set("csrf", "wrong");
    form.set("file", new File([pdfWithText("x")], "brief.pdf"));
    let refused: unknown;
    try {
      await run(await multipartRequest(form), async () => new Response("no"));
    } catch (thrown) {
      refused = thrown;
    }
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
  });

  it("lets the action read any other form from the request (the check read a clone)", async () => {
    const request = new Request("http://localhost/aanvragen/x/bijlagen", {
      method: "POST",
      body: new URLSearchParams({ csrf: await tokenFor(), intent: "remove", id: "1" }),
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    });
    await run(request, async (context) => {
      expect((await readSubmittedForm(request, context)).get("intent")).toBe("remove");
      return new Response("removed");
    });
  });
});
