import { createCookie, redirect } from "react-router";
import type { MessageKey } from "../../src/i18n/translate";
import { config } from "../../src/platform/config";

// One-time confirmation messages ("De organisatie is opgeslagen.") carried across a redirect in a
// signed cookie: the post/redirect/get pattern works the same with and without JavaScript.

const flashCookie = () =>
  createCookie("innovet_flash", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: config().secureCookies,
    secrets: [config().AUTH_SECRET],
    maxAge: 60,
  });

export async function redirectWithFlash(url: string, message: MessageKey, init?: ResponseInit) {
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await flashCookie().serialize(message));
  return redirect(url, { ...init, headers });
}

/** Reads the flash message, and the header that clears it. */
export async function readFlash(
  request: Request,
): Promise<{ message: MessageKey | null; clear: string | null }> {
  const value = await flashCookie().parse(request.headers.get("cookie"));
  if (typeof value !== "string") return { message: null, clear: null };
  return {
    message: value as MessageKey,
    clear: await flashCookie().serialize("", { maxAge: 0 }),
  };
}
