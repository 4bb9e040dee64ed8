import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import type { Catalogue } from "../src/i18n/translate";
import { provideCatalogue } from "./lib/i18n";

// React Router's default client entry, after loading the page's language's catalogue as its own
// chunk: the browser never downloads the other language (ADR 0028). The language of a page
// changes only through a full page load (the language switch is a plain form), so one catalogue
// holds for the page's life.
const locale = document.documentElement.lang === "en" ? "en" : "nl";
const catalogue: Promise<Catalogue> =
  locale === "en"
    ? import("../src/i18n/catalogue.en").then((m) => m.en)
    : import("../src/i18n/catalogue.nl").then((m) => m.nl);

catalogue.then((messages) => {
  provideCatalogue(locale, messages);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  });
});
