import { useRouteLoaderData } from "react-router";
import { defaultLocale, formatMessage, type Locale } from "../../src/i18n/message";
import type { Catalogue, MessageKey, Translate } from "../../src/i18n/translate";
import type { Role } from "../../src/identity/roles";

/** What the root loader gives every page. */
export interface RootData {
  locale: Locale;
  csrfToken: string;
  flash: string | null;
  actor: { name: string; email: string; roles: Role[] } | null;
  devMail: boolean;
}

// The catalogues this process holds: on the server both (app/entry.server.tsx), in the browser
// only the page's language, loaded before hydration (app/entry.client.tsx). Web code translates
// only through here, so no page's JavaScript carries a catalogue (ADR 0028).
const provided: Partial<Record<Locale, Catalogue>> = {};

export function provideCatalogue(locale: Locale, catalogue: Catalogue): void {
  provided[locale] = catalogue;
}

function catalogueFor(locale: Locale): Catalogue {
  const catalogue = provided[locale] ?? provided[defaultLocale] ?? Object.values(provided)[0];
  if (!catalogue) throw new Error("No message catalogue provided (see app/entry.*.tsx)");
  return catalogue;
}

/** The translate function for a language, for code outside a component (e.g. `meta`). */
export function translatorFor(locale: Locale): Translate {
  const catalogue = catalogueFor(locale);
  return (key, params) => formatMessage(locale, catalogue[key], key, params);
}

/** Whether a value (e.g. a use case's refusal) is a message key, not prose. */
export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(catalogueFor(defaultLocale), value);
}

export function useRootData(): RootData | undefined {
  return useRouteLoaderData("root") as RootData | undefined;
}

export function useLocale(): Locale {
  return useRootData()?.locale ?? defaultLocale;
}

/**
 * The `lang` attribute for content people wrote (a call's text, form questions, a material) in
 * `language`, Dutch unless known otherwise: set only where it differs from the page's language,
 * so an English page marks its Dutch content `lang="nl"` (WCAG 3.1.2). Spread it on the element.
 */
export function useContentLang(language = "nl"): { lang?: string } {
  return language === useLocale() ? {} : { lang: language };
}

/** The translate function for the current page's language. */
export function useT(): Translate {
  return translatorFor(useLocale());
}
