import { redirect } from "react-router";
import type { Locale } from "../../../src/i18n/translate";
import { localeCookie } from "../../lib/locale.server";
import { services } from "../../lib/services.server";
import type { Route } from "./+types/language";

/** Switches the interface language and returns to the page the person came from. */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const locale: Locale = form.get("locale") === "en" ? "en" : "nl";
  const { config } = await services();
  const referer = request.headers.get("referer");
  let back = "/";
  if (referer) {
    const url = new URL(referer);
    // Only ever go back to a page of this site.
    if (url.origin === new URL(request.url).origin) back = url.pathname + url.search;
  }
  return redirect(back, { headers: { "Set-Cookie": localeCookie(locale, config.secureCookies) } });
}

export function loader() {
  return redirect("/");
}
