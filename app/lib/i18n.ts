import { useRouteLoaderData } from "react-router";
import { defaultLocale, type Locale, type Translate, translator } from "../../src/i18n/translate";
import type { Role } from "../../src/identity/roles";

/** What the root loader gives every page. */
export interface RootData {
  locale: Locale;
  csrfToken: string;
  flash: string | null;
  actor: { name: string; email: string; roles: Role[] } | null;
  devMail: boolean;
}

export function useRootData(): RootData | undefined {
  return useRouteLoaderData("root") as RootData | undefined;
}

export function useLocale(): Locale {
  return useRootData()?.locale ?? defaultLocale;
}

/** The translate function for the current page's language. */
export function useT(): Translate {
  return translator(useLocale());
}
