import type { MessageKey } from "../../src/i18n/translate";
import { translatorFor } from "./i18n";

type Matches = ReadonlyArray<{ id: string; loaderData?: unknown } | undefined>;

/** The document title "<page> | InnoVET" in the page's language (from the root loader). */
export function pageTitle(matches: Matches, key: MessageKey, params?: Record<string, string>) {
  const root = matches.find((m) => m?.id === "root")?.loaderData as
    | { locale?: "nl" | "en" }
    | undefined;
  const t = translatorFor(root?.locale ?? "nl");
  return [{ title: `${t(key, params)} | ${t("app.name")}` }];
}

/** "<page> – <detail> | InnoVET": a catalogue title with the name of what the page is about. */
export function pageTitleAbout(matches: Matches, key: MessageKey, detail: string) {
  const [{ title }] = pageTitle(matches, key) as [{ title: string }];
  return [{ title: title.replace(/ \| ([^|]*)$/, ` – ${detail} | $1`) }];
}

/** A title that is already text (e.g. an organisation's name). */
export function plainTitle(title: string) {
  return [{ title: `${title} | InnoVET` }];
}
