import { redirect } from "react-router";
import type { Locale } from "../../../src/i18n/translate";
import { sameOriginPath } from "../../../src/platform/return-path";
import { localeCookie } from "../../lib/locale.server";
import type { Route } from "./+types/language";

/** Switches the interface language and returns to the page the person came from. */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const locale: Locale = form.get("locale") === "en" ? "en" : "nl";
  // Only ever back to a page of this site; a missing or malformed Referer goes home.
  const back = sameOriginPath(request.headers.get("referer"), new URL(request.url).origin);
  return redirect(back, { headers: { "Set-Cookie": localeCookie(locale) } });
}

export function loader() {
  return redirect("/");
}
