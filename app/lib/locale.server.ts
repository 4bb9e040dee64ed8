import { defaultLocale, type Locale, locales } from "../../src/i18n/translate";

export const localeCookieName = "innovet_lang";

/** The interface language: the language cookie, else Dutch (nl-BE first). */
export function getLocale(request: Request): Locale {
  const match = /(?:^|;\s*)innovet_lang=(nl|en)(?:;|$)/.exec(request.headers.get("cookie") ?? "");
  const value = match?.[1] as Locale | undefined;
  return value && locales.includes(value) ? value : defaultLocale;
}

export function localeCookie(locale: Locale, secure: boolean): string {
  return `${localeCookieName}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? "; Secure" : ""}`;
}
