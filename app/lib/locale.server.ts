import { defaultLocale, type Locale } from "../../src/i18n/translate";
import { readCookieMatching, setCookieHeader } from "./cookies.server";

export const localeCookieName = "innovet_lang";

/** The interface language: the language cookie, else Dutch (nl-BE first). */
export function getLocale(request: Request | string | null | undefined): Locale {
  return (readCookieMatching(request, localeCookieName, /^(nl|en)$/) as Locale) ?? defaultLocale;
}

export function localeCookie(locale: Locale): string {
  return setCookieHeader(localeCookieName, locale, { maxAge: 31_536_000 });
}
