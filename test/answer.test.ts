import { href } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { answer, atTheTop, type ConflictPage } from "../app/lib/answer.server";
import { readFlash } from "../app/lib/flash.server";
import type { UseCaseResult } from "../src/platform/use-case";

// The one way a route answers a use case's result (ADR 0029), case by case: what the browser gets
// back (status, redirect, the flash cookie it reads on the next page, the form's feedback).

// Vitest sets BASE_URL to Vite's "/" (not a URL); the flash cookie's configuration needs one.
vi.stubEnv("BASE_URL", "http://127.0.0.1");

type Answer = Awaited<ReturnType<typeof answer>>;

/** What an answer (or what it threw) amounts to, in one comparable shape. */
async function outcome(run: () => Promise<Answer>) {
  let answered: unknown;
  let thrown = false;
  try {
    answered = await run();
  } catch (error) {
    answered = error;
    thrown = true;
  }
  if (answered instanceof Response) {
    const cookie = answered.headers.get("Set-Cookie");
    const flash = cookie
      ? (await readFlash(new Request("http://x/", { headers: { cookie } }))).message
      : null;
    return { status: answered.status, location: answered.headers.get("Location"), flash };
  }
  // data() thrown is the error boundary's page, with its data; returned, the route's own.
  const { data, init } = answered as { data: unknown; init: ResponseInit | null };
  return thrown ? { status: init?.status, page: data } : { status: init?.status ?? 200, data };
}

const typed = { title: "Mijn aanvraag", password: "geheim" };
const back = href("/aanvragen/:applicationId", { applicationId: "a-1" });
const options = {
  success: ({ id }: { id: string }) => ({
    redirect: href("/aanvragen/:applicationId", { applicationId: id }),
    flash: "application.started" as const,
  }),
  values: typed,
};

const cases: Array<{
  name: string;
  result: UseCaseResult<{ id: string }>;
  extra?: Partial<Parameters<typeof answer<{ id: string }, object>>[1]>;
  expected: Record<string, unknown>;
}> = [
  {
    name: "success: a redirect with the confirmation as flash",
    result: { ok: true, value: { id: "a-1" } },
    expected: { status: 302, location: "/aanvragen/a-1", flash: "application.started" },
  },
  {
    name: "invalid: the form again (400) with its errors and what was typed, minus secrets",
    result: {
      ok: false,
      reason: "invalid",
      fieldErrors: { title: ["error.required"] },
      formErrors: [],
    },
    expected: {
      status: 400,
      data: {
        feedback: {
          fieldErrors: { title: ["error.required"] },
          formErrors: [],
          values: { title: "Mijn aanvraag" },
        },
      },
    },
  },
  {
    name: "invalid, a form of buttons: every error at the top",
    result: {
      ok: false,
      reason: "invalid",
      fieldErrors: { id: ["error.invalidValue"] },
      formErrors: [],
    },
    extra: { errors: atTheTop },
    expected: {
      status: 400,
      data: {
        feedback: {
          fieldErrors: {},
          formErrors: ["error.invalidValue"],
          values: { title: "Mijn aanvraag" },
        },
      },
    },
  },
  {
    name: "conflict: the form again (409) with the message and its placeholders",
    result: {
      ok: false,
      reason: "conflict",
      message: "application.error.conflict",
      params: { name: "Els" },
    },
    expected: {
      status: 409,
      data: {
        feedback: {
          formErrors: ["application.error.conflict"],
          formErrorParams: { "application.error.conflict": { name: "Els" } },
          values: { title: "Mijn aanvraag" },
        },
      },
    },
  },
  {
    name: "conflict with what the page needs besides",
    result: { ok: false, reason: "conflict", message: "application.error.conflict" },
    extra: { extra: (refusal) => ({ again: refusal.reason === "conflict" }) },
    expected: {
      status: 409,
      data: {
        feedback: {
          formErrors: ["application.error.conflict"],
          values: { title: "Mijn aanvraag" },
        },
        again: true,
      },
    },
  },
  {
    name: "conflict without a form: the 409 page with the message",
    result: { ok: false, reason: "conflict", message: "application.error.conflict" },
    extra: { conflict: "page" },
    expected: {
      status: 409,
      page: { conflict: "application.error.conflict" } satisfies ConflictPage,
    },
  },
  {
    name: "conflict of a button: back to its page with the message as flash",
    result: { ok: false, reason: "conflict", message: "application.error.conflict" },
    extra: { conflict: { redirect: back } },
    expected: { status: 302, location: back, flash: "application.error.conflict" },
  },
  {
    name: "forbidden: the 403 page",
    result: { ok: false, reason: "forbidden" },
    expected: { status: 403, location: null, flash: null },
  },
  {
    name: "notFound: the 404 page",
    result: { ok: false, reason: "notFound" },
    expected: { status: 404, location: null, flash: null },
  },
  {
    name: "notFound on a public form: told in the form (404)",
    result: { ok: false, reason: "notFound" },
    extra: { notFoundInForm: "consortium.invitation.unknown" },
    expected: {
      status: 404,
      data: {
        feedback: {
          formErrors: ["consortium.invitation.unknown"],
          values: { title: "Mijn aanvraag" },
        },
      },
    },
  },
  {
    name: "invalid without a form (a download): the 400 page",
    result: {
      ok: false,
      reason: "invalid",
      fieldErrors: { kind: ["error.invalidValue"] },
      formErrors: [],
    },
    extra: { invalid: "page" },
    expected: { status: 400, location: null, flash: null },
  },
];

describe("answer", () => {
  it.each(cases)("$name", async ({ result, extra, expected }) => {
    expect(await outcome(() => answer(result, { ...options, ...extra }))).toEqual(expected);
  });

  it("answers a success with the route's own response (a download) as it is", async () => {
    const file = new Response("a;b", { headers: { "Content-Type": "text/csv" } });
    const answered = await answer({ ok: true, value: { id: "a-1" } }, { success: () => file });
    expect(answered).toBe(file);
  });
});
